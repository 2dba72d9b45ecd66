total = 10.0
print("average of nothing")
print(total / 0)
