# Defaults, *args, **kwargs, keyword-only and positional-only parameters.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ada"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))

def total(*args):
    return sum(args), len(args), args

print(total(), total(1), total(1, 2, 3))

def config(**kwargs):
    return sorted(kwargs.items())

print(config(), config(b=2, a=1))

def mixed(a, b=2, *rest, key, flag=False, **extra):
    print(a, b, rest, key, flag, extra)

mixed(1, key="k")
mixed(1, 2, 3, 4, key="k", flag=True, z=26)

def posonly(x, y, /, z=0, *, w=1):
    return x + y + z + w

print(posonly(1, 2), posonly(1, 2, 3), posonly(1, 2, z=3, w=4))

def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket

print(append_to(1), append_to(2), append_to(3, []))

def safe(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(safe(1), safe(2))
args = (10, 20)
kw = {"key": "K"}
mixed(*args, 30, **kw)
def noreturn():
    pass
print(noreturn(), greet.__name__)
