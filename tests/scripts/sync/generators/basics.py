# Generators: lazy evaluation, next(), StopIteration with the return value, exhaustion.
def countdown(n):
    print("  start", n)
    while n > 0:
        yield n
        n -= 1
    print("  end")
    return "liftoff"

g = countdown(3)
print(type(g).__name__)
print(next(g), next(g))
print(list(g))
print(next(g, "exhausted"))
g2 = countdown(1)
next(g2)
try:
    next(g2)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(12)])

def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v

print(list(take(5, fib())), list(take(3, "abcdef")))
squares = (x * x for x in range(6))
print(next(squares), sum(squares), list(squares))
evens = (n for n in range(20) if n % 2 == 0)
print(list(zip(evens, "abc")), next(evens))
def pipeline():
    nums = (n for n in range(10))
    doubled = (n * 2 for n in nums)
    return [n for n in doubled if n % 3 == 0]
print(pipeline())
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  generator cleanup")
for v in gen_with_finally():
    print("got", v)
