def one():
    yield 1
    return "done"

g = one()
print(next(g))
next(g)
