values = [1, 2, 3]
print(len(values))
values()
