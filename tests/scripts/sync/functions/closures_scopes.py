# Closures, nonlocal, global, late binding.
counter_total = 0

def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        global counter_total
        count += step
        counter_total += step
        return count

    return increment

c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c2(10), counter_total)

def make_multipliers():
    return [lambda x: x * i for i in range(3)]

print([m(10) for m in make_multipliers()])

def outer():
    x = "outer"

    def middle():
        def inner():
            return x
        return inner()
    x = "changed"
    return middle()

print(outer())

def accumulate():
    items = []

    def add(v):
        items.append(v)
        return list(items)
    return add

acc = accumulate()
acc(1)
print(acc(2))

x = "global"
def read_global():
    return x

def shadow():
    x = "local"
    return x

print(read_global(), shadow(), x)

def set_global():
    global x
    x = "rebound"

set_global()
print(x)

def nested_nonlocal():
    a = 1
    def level1():
        def level2():
            nonlocal a
            a += 10
        level2()
        return a
    return level1(), a

print(nested_nonlocal())
