# functools.partial: bound positional and keyword arguments, overriding keywords.
import functools
from functools import partial

def power(base, exponent):
    return base ** exponent

square = partial(power, exponent=2)
cube = functools.partial(power, exponent=3)
two_to = partial(power, 2)
print(square(5), cube(2), two_to(10), square(base=3), cube(2, exponent=4))

def log(level, msg, *, sep=": "):
    return f"{level}{sep}{msg}"

warn = partial(log, "WARN")
info = partial(log, "INFO", sep=" - ")
print(warn("disk low"), info("started"), info("x", sep="|"))
print(square.func is power, square.args, square.keywords, two_to.args)
callbacks = [partial(print, "callback", i) for i in range(3)]
for cb in callbacks:
    cb()
nested = partial(partial(log, "DEBUG"), sep="> ")
print(nested("deep"))
print(list(map(partial(power, exponent=2), [1, 2, 3])))
print(sorted([3, -4, 2], key=partial(power, exponent=2)), partial(log, msg="m")("L"))
