xs = [1, 2]
xs.remove(1)
print(xs)
xs.remove(5)
