# Walrus (:=), chained comparisons, truthiness, is / in.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list of", n)
values = []
i = 0
while (v := data[i]) != 9:
    values.append(v)
    i += 1
print(values, v)
print([y for x in data if (y := x * 2) > 6], y)
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, 3 == 3 != 4, 1 < 2 < 3 < 2)
calls = []
def val(k):
    calls.append(k)
    return k
print(val(1) < val(0) < val(5), calls)
for item in [0, 0.0, "", [], (), {}, set(), None, False, 1, -1, "0", [0], (None,), 0.1]:
    print(repr(item), bool(item), "truthy" if item else "falsy")
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b, None is None, type(None).__name__)
print(2 in a, 3 not in a, "b" in {"a": 1, "b": 2}, 1 in {1: "x"}, "x" in "xyz", (1, 2) in [(1, 2)])
print(not 0, not "a", not not [], True and "last", False or [] or "found")
print(x if x else "no", [] or None, (0 and "no") == 0)
