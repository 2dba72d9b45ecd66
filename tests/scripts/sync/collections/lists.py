# List methods, slicing with steps and negative indexes, slice assignment.
xs = [5, 3, 8, 1]
xs.append(9)
xs.extend([2, 7])
xs.insert(0, 4)
xs.insert(-1, 6)
xs.insert(100, 10)
print(xs, len(xs))
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
xs.remove(8)
print(xs, xs.index(9), xs.count(3), 3 in xs, 42 not in xs)
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
xs.reverse()
print(xs)
ys = xs.copy()
ys[0] = 100
print(xs[0], ys[0], xs == ys, xs is ys)
n = list(range(10))
print(n[2:8:2], n[::-1], n[-3:], n[:-7], n[-1:-5:-1], n[8:2:-3], n[::4])
n[1:3] = ["a", "b", "c"]
print(n)
n[::2] = [0] * 6
print(n)
del n[0], n[-1]
del n[1:4]
print(n)
print([1, 2] + [3], [0] * 3, [[0] * 2] * 2, [] == [], [1, 2] < [1, 3], [1, 2] < [1, 2, 0])
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, grid[1][2], [row[0] for row in grid])
xs.clear()
print(xs, bool(xs), list("ab"), list((1, 2)))
print(sum([[1], [2, 3]], []), max([[1, 2], [1, 3]]))
