# Special methods: __repr__/__str__/__eq__/__lt__/__len__/__iter__/__getitem__/__call__ ...
class Vector:
    def __init__(self, *coords):
        self.coords = list(coords)

    def __repr__(self):
        return f"Vector({', '.join(repr(c) for c in self.coords)})"

    def __str__(self):
        return "<" + ", ".join(str(c) for c in self.coords) + ">"

    def __eq__(self, other):
        return isinstance(other, Vector) and self.coords == other.coords

    def __lt__(self, other):
        return len(self) < len(other) or (len(self) == len(other) and self.coords < other.coords)

    def __len__(self):
        return len(self.coords)

    def __iter__(self):
        return iter(self.coords)

    def __getitem__(self, i):
        return self.coords[i]

    def __add__(self, other):
        return Vector(*[a + b for a, b in zip(self, other)])

    def __bool__(self):
        return any(self.coords)

    def __contains__(self, v):
        return v in self.coords

class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x * self.k

v = Vector(1, 2, 3)
w = Vector(1, 2.5, 0)
print(v, repr(v), [v, w], str(w))
print(v == Vector(1, 2, 3), v == w, v != w, v == "x")
print(len(v), list(v), v[0], v[-1], v[1:], 2 in v, 9 in v)
print(v + w, sorted([Vector(5), v, Vector(0, 1)]), v < w, w < v)
print(bool(Vector(0, 0)), bool(v), "yes" if Vector() else "no")
x, y, z = v
print(x, y, z, max(v), sum(v))
triple = Multiplier(3)
print(triple(5), triple("ab"), callable(triple), callable(v), list(map(triple, [1, 2])))
print(f"{v}", f"{v!r}", "%s %r" % (v, v))
for c in Vector(7, 8):
    print("coord", c)
