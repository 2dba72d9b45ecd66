# Tuple unpacking: starred targets, nested patterns, in for loops and calls.
a, b, c = [1, 2, 3]
print(a, b, c)
first, *rest = range(5)
print(first, rest)
*init, last = "hello"
print(init, last)
head, *middle, tail = (1, 2)
print(head, middle, tail)
(x, y), z = (1, 2), 3
print(x, y, z)
p, (q, *r) = 0, [1, 2, 3]
print(p, q, r)
for i, (name, score) in enumerate([("ann", 90), ("bob", 85)]):
    print(i, name, score)
for k, *vs in [("a", 1, 2), ("b",)]:
    print(k, vs)
pairs = list(zip([1, 2, 3], "abc"))
nums, letters = zip(*pairs)
print(nums, letters)
def show(*args, **kwargs):
    print(args, kwargs)
show(*[1, 2], *"ab", **{"k": 1}, j=2)
print(*[1, 2, 3], sep=" | ")
print([*range(3), *"xy"], {**{"a": 1}, "b": 2}, {*[1, 2], 3})
m, n = n, m = 5, 6
print(m, n)
a = b = [0]
a.append(1)
print(a, b)
x, y = y, x
print(x, y)
