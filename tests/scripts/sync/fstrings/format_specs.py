# f-strings with format specs.
pi = 3.14159265
n = 42
name = "task"
print(f"{pi:.2f} {pi:.0f} {pi:8.3f}| {pi:<8.2f}| {pi:^9.1f}|")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:+d}|{-n:+d}|")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#b} {255:08b}")
print(f"{1234567:,} {1234567.891:,.2f} {1234567:_}")
print(f"{0.25:%} {0.25:.1%} {1/3:.3%}")
print(f"{1e-5:e} {123456.789:.2e} {0.000123:g} {1234567.0:g} {100.0:g}")
print(f"[{name:>10}] [{name:<10}] [{name:^10}] [{name:*^10}] [{name:.2}]")
print(f"{'left':-<12}{'right':->12}")
print(f"{3.0} {2.50} {1e20} {True} {None}")
print(f"{7:3}|{'ab':3}|{2.5:6}|")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|{name:>{width}}|")
print(f"{n=}", f"{pi=:.2f}", f"{name = }")
print(f"{{literal braces}} {n}{{}}")
print(f"{12.0:.3g} {0.5:.0f} {1.5:.0f} {2.5:.0f} {-0.0:.1f}")
print(format(n, "04d"), format(pi, ".3f"), format("s", ">3"))
