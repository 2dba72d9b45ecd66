# f-strings: !r / !s, nested quotes, expressions, nested f-strings.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"

p = Point(1, "two")
print(f"{p}", f"{p!r}", f"{p!s}")
s = "it's"
print(f"{s!r} {s}", f'{"quoted"!r}')
items = ["a", "b"]
print(f"{items} {items!r} {len(items)} {items[0]} {items[-1].upper()}")
d = {"k": 3}
print(f"{d['k'] * 2} {d} {d.get('z', 'none')}")
print(f"{'yes' if len(items) > 1 else 'no'}")
print(f"{', '.join(f'<{x}>' for x in items)}")
width = 6
print(f"{f'{3.14159:.2f}':>{width}}|")
print(f"{[i * i for i in range(4)]}")
print(f"{'nested ' + f'{1 + 1}'}")
x = 5
print(f"{x!r:>4}|{'ab'!r:>6}|{3.5!s:<5}|")
print(f"{x}{x}{x}", f"", f"{{}}")
print(f"{x:{'>' if x > 3 else '<'}{width}}|")
print(f"result: {(lambda v: v * 2)(21)}")
