# Multiple handlers, tuples of types, hierarchy, nested handlers, exception args and str.
def risky(kind):
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][3]
    if kind == "type":
        return "a" + 1
    if kind == "value":
        return int("abc")
    if kind == "attr":
        return (5).nope
    if kind == "zero":
        return 1 % 0
    if kind == "name":
        return undefined_name
    return "fine"

for kind in ["key", "index", "type", "value", "attr", "zero", "name", "none"]:
    try:
        print(kind, "->", risky(kind))
    except (KeyError, IndexError) as e:
        print(kind, "lookup:", type(e).__name__, e, e.args)
    except ArithmeticError as e:
        print(kind, "arith:", type(e).__name__, e)
    except Exception as e:
        print(kind, "other:", type(e).__name__, "|", e, "|", repr(e))

try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("wrong handler")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)

e = ValueError("a", 2, None)
print(e.args, str(e), repr(e))
print(str(ValueError()), repr(ValueError()), str(KeyError("k")), str(KeyError()))
print(repr(RuntimeError("x")), str(Exception("one")), str(Exception(1, 2)))
try:
    raise LookupError
except Exception as err:
    print(type(err).__name__, repr(err), err.args)
print(isinstance(KeyError(), LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(KeyboardInterrupt, BaseException))
try:
    raise StopIteration(5)
except StopIteration as s:
    print("StopIteration value", s.value)
