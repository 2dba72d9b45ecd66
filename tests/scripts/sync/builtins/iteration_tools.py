# zip, enumerate, map, filter, any, all, range, iter/next, sum, len.
names = ["a", "b", "c"]
scores = [10, 20, 30, 40]
print(list(zip(names, scores)), list(zip(names, scores, "xyz")), list(zip()))
print(dict(zip(names, scores)), list(zip(*[(1, 2), (3, 4)])))
print(list(enumerate(names)), list(enumerate(names, start=1)), list(enumerate("")))
for i, (n, s) in enumerate(zip(names, scores), 100):
    print(i, n, s)
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(len, ["ab", "", "xyz"])), list(map(int, "123")))
print(list(filter(lambda n: n % 2, range(10))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(any([]), all([]), any([0, "", 1]), all([1, "a", [0]]), all(n > 0 for n in [1, 2, -3]))
print(any(c.isdigit() for c in "ab3"), all(isinstance(x, int) for x in [1, True]))
print(list(range(5)), list(range(2, 11, 3)), list(range(10, 0, -4)), range(3), len(range(0, 100, 7)))
print(range(10)[2], range(10)[-1], 5 in range(10), 10 in range(10), list(range(10)[2:8:2]))
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
m = map(lambda x: x * 10, [1, 2])
print(next(m), list(m), list(m))
print(sum(range(101)), sum([0.1] * 10), sum([1, 2], 10), len({"a": 1}), len("abc"), len(range(5)))
print(list(zip(range(3), range(10, 13), range(20, 23))))
print(abs(-5), round(-0.5), round(0.5), divmod(9, 4), pow(2, 8), hash(1) == hash(1.0))
