# Dicts keep insertion order; the methods tutorials use.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), d["a"], d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
print("a" in d, "z" in d, 20 in d)
print(d.pop("a"), d.pop("zz", "default"), d)
d.setdefault("x", []).append(1)
d.setdefault("x", []).append(2)
print(d)
d.update({"y": 9, "b": 0})
d.update(z=26)
print(d)
del d["c"]
print(d, d.popitem(), d)
for k, v in d.items():
    print(k, "->", v)
squares = {n: n * n for n in range(5) if n % 2 == 0}
print(squares, dict(a=1, b=2), dict([("k", "v"), ("k2", "v2")]), dict(zip("xy", [1, 2])))
merged = {**squares, "extra": True}
print(merged, squares | {0: "zero"})
print(dict.fromkeys(["p", "q"], 0), {} == dict(), {1: "a"} == {1: "a"})
copy = squares.copy()
copy.clear()
print(copy, squares, list(reversed(list(squares))))
nested = {"outer": {"inner": [1, 2]}}
print(nested["outer"]["inner"][1], {1: 1.0, True: "t", 2.5: None})
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
