# Lambdas, decorators (with and without arguments), stacking, functools.partial-free wrapping.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")())

def trace(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper

@trace
def mul(a, b):
    return a * b

mul(3, 4)
mul(b=2, a=5)

def repeat(times):
    def decorate(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorate

@repeat(3)
def hello(name):
    return "hi " + name

print(hello("ann"))

def bold(fn):
    return lambda: "<b>" + fn() + "</b>"

def italic(fn):
    return lambda: "<i>" + fn() + "</i>"

@bold
@italic
def text():
    return "styled"

print(text())

registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn

@register
def alpha(): pass
@register
def beta(): pass
print(registry, alpha() is None)
print(sorted([3, -1, 2], key=lambda v: -v), list(map(lambda s: s.upper(), ["a", "b"])))
