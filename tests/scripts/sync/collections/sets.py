# Sets: printing order of small ints and strings, the operators and methods.
s = {3, 1, 2, 10, 7}
print(s, len(s), 3 in s, 4 in s)
print({5, 1, 33, 17, 64}, {-1, -2, 0}, set(), {100, 1000, 8})
words = {"apple", "banana", "cherry"}
print(words)
print(set("hello"), sorted(set("hello")))
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < {1, 2}, a >= {4}, a.issubset({1, 2, 3, 4, 5}), a.isdisjoint({9}))
s.add(4)
s.add(1)
s.discard(10)
s.discard(99)
s.remove(7)
print(s)
s.update([8, 9], {0})
print(s, s.pop(), s)
evens = {n for n in range(10) if n % 2 == 0}
print(evens, frozen := sorted(evens, reverse=True))
print(set([1, 1, 2, 2]), set((3, 3)), {True, 1, 1.0}, {0, False})
c = a.copy()
c.clear()
print(c, a, a == {4, 3, 2, 1})
names = {"task-1", "task-2", "main"}
print(names, "main" in names)
print({"x", "y", "z"}, {"b", "a"}, {"loop", "future", "task"})
