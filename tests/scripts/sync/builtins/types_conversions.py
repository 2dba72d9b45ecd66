# isinstance, type(), repr, str/int/float/bool/list conversions, callable, id-free checks.
values = [1, 2.5, "s", True, None, [1], (1,), {"k": 1}, {1}, len, lambda: 0]
for v in values:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (str, list)), repr(v) if not callable(v) else "callable")
print(type(1) is int, type(True) is bool, isinstance(True, int), type(type(1)).__name__)
print(int("42"), int("  7 "), int(3.9), int(-3.9), int(True), int("ff", 16), int("-101", 2), int("0x1A", 16))
print(float("3.5"), float(2), float("-inf"), float("1e-3"), float(" 12 "))
print(str(42), str(3.0), str(True), str(None), str([1, "a"]), str({"a": (1,)}))
print(repr(42), repr("42"), repr(3.10), repr([None, True]), repr("a\nb"))
print(bool(0), bool(""), bool("False"), bool([]), bool([[]]), bool(0.0), bool(-0.0))
print(list("abc"), list({"x": 1}), tuple([1]), set([2, 2, 3]), dict([(1, 2)]))
print(int(float("2.0")), str(int("010")), float(int("5")), chr(ord("a") + 1))
print(isinstance(3, float), isinstance(3.0, (int, float)), isinstance("x", object))
class A:
    pass
class B(A):
    pass
print(isinstance(B(), A), type(B()) is A, type(B()).__name__, isinstance(A, type))
print(str(A()).startswith("<__main__.A object at"), repr(B)[:8])
print(len(str(10 ** 15)), str(-0), str(0.0), int("+5"), abs(int("-8")))
print(round(3.7), type(round(3.7)).__name__, round(3.75, 1), type(round(3, 1)).__name__)
