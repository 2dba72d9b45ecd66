# List, dict and set comprehensions, nested, with conditions; generator expressions.
nums = [4, -1, 7, 0, -5, 2]
print([n * 2 for n in nums])
print([n for n in nums if n > 0])
print([n if n >= 0 else -n for n in nums])
print([(x, y) for x in range(3) for y in range(x)])
print([[c for c in word] for word in ["ab", "cd"]])
print([x * y for x in range(1, 4) if x != 2 for y in (10, 100)])
print({w: len(w) for w in ["async", "await", "io"]})
print({n % 3 for n in range(10)})
print(sum(n * n for n in range(5)), max(len(w) for w in ["a", "abc", "ab"]))
print(list(x for x in "abc"), tuple(i for i in range(3)))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2])
x = "outer"
print([x for x in range(3)], x)
funcs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in funcs])
print({k: v for k, v in zip("abc", range(3)) if v})
print(sorted({c.upper() for c in "banana"}))
