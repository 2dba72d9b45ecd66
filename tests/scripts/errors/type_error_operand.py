count = 3
print("count is", count)
print("count: " + count)
