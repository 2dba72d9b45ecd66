# try/except/else/finally ordering, with and without errors, and when returning.
def attempt(x):
    try:
        print("  try", x)
        result = 10 / x
    except ZeroDivisionError:
        print("  except")
        return "failed"
    else:
        print("  else", result)
        return "ok"
    finally:
        print("  finally")

for x in (2, 0):
    print(attempt(x))

def return_in_finally():
    try:
        return "from try"
    finally:
        print("  finally runs before the return completes")

print(return_in_finally())

def finally_overrides():
    try:
        return 1
    finally:
        return 2

print(finally_overrides())

def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "finally won"

print(finally_swallows())

def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out

print(loop_finally())
try:
    pass
except Exception:
    print("no")
else:
    print("else without error")
finally:
    print("done")
