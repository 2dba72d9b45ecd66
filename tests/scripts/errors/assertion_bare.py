items = []
print("checking")
assert items
