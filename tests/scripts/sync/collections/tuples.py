# Tuples: packing, indexing, methods, comparison, as dict keys.
t = (1, "two", 3.0, None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1])
single = (42,)
empty = ()
print(single, empty, type(single).__name__, len(empty))
packed = 1, 2, 3
print(packed, packed.count(2), packed.index(3))
print((1, 2) + (3,), (0,) * 3, (1, 2) == (1, 2), (1, 2) < (1, 2, 3), (2,) > (1, 9))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested)
points = {(0, 0): "origin", (1, 2): "p"}
print(points[(1, 2)], points[0, 0], (1, 2) in points)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs), max(pairs), min(pairs))
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), list(t[:2]))
a, b = 1, 2
a, b = b, a
print(a, b)
print(str((1,)), repr(("a", 1)), (1, [2, 3]))
