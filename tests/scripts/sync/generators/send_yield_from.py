# send(), yield expressions, yield from (delegation and its return value).
def echo():
    received = None
    while True:
        received = yield f"echo:{received}"
        if received == "stop":
            return "stopped"

e = echo()
print(next(e))
print(e.send("hello"))
print(e.send(42))
try:
    e.send("stop")
except StopIteration as s:
    print("returned", s.value)

def averager():
    total, count = 0, 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return total, count
        total += value
        count += 1
        avg = total / count

def delegate(results):
    while True:
        result = yield from averager()
        results.append(result)

results = []
d = delegate(results)
next(d)
for v in [10, 20, 60]:
    print("avg", d.send(v))
d.send(None)
print(d.send(5))
d.send(None)
print(results)

def inner():
    yield "i1"
    yield "i2"
    return "inner done"

def outer():
    r = yield from inner()
    print("  inner returned", r)
    yield from range(2)
    yield from ["x", "y"]

print(list(outer()))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain("ab", [1, 2], (x for x in "z"))))
g = inner()
print(g.send(None), next(g))
