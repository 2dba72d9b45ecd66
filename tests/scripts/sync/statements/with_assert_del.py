# with (a helper class), assert (passing and failing with a message), del of names, items, attributes.
class Timer:
    def __enter__(self):
        print("start")
        return "token"

    def __exit__(self, *exc):
        print("stop", exc[0])
        return False

with Timer() as tok:
    print("working with", tok)

assert 1 + 1 == 2
assert [1], "non-empty is truthy"
try:
    assert 2 + 2 == 5, "math is broken"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare:", repr(e), e.args)
x = 10
del x
try:
    print(x)
except NameError as e:
    print(e)
items = [0, 1, 2, 3, 4, 5]
del items[0]
del items[-1]
del items[::2]
print(items)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)

class Box:
    pass

b = Box()
b.value = 5
b.other = 6
del b.value
print(hasattr(b, "value"), b.other)
a, c = 1, 2
del a, c
try:
    print(a)
except NameError as e:
    print("deleted:", e)
