# A class implementing __iter__/__next__, used by for, list(), zip and in.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

class Range2:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 2

for v in Countdown(3):
    print("countdown", v)
c = Countdown(4)
print(next(c), list(c), list(c))
print(list(Range2(9)), 4 in Range2(9), 5 in Range2(9), sum(Range2(7)))
print(list(zip(Countdown(3), Range2(100))), sorted(Countdown(5)))
r = Range2(4)
print([x * y for x in r for y in r])
it = iter(Range2(3))
print(next(it), next(it), next(it, "end"))
print(dict(zip(Range2(6), Countdown(3))), max(Countdown(6)), tuple(Countdown(2)))
