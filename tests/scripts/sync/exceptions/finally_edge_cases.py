# Exceptions raised in finally / except, replacing the one in flight; nested cleanup order.
def replaced():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("from finally")

try:
    replaced()
except Exception as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))

def in_handler():
    try:
        raise KeyError("a")
    except KeyError:
        raise IndexError("b")

try:
    in_handler()
except IndexError as e:
    print(repr(e), repr(e.__context__))

def cleanup_order():
    try:
        try:
            try:
                raise RuntimeError("deep")
            finally:
                print("finally 1")
        finally:
            print("finally 2")
    except RuntimeError as e:
        print("handled", e)
    finally:
        print("finally 3")

cleanup_order()

def loop_with_errors():
    for i in range(3):
        try:
            if i == 1:
                raise ValueError(i)
            print("ok", i)
        except ValueError as e:
            print("error", e)
            continue
        finally:
            print("cleanup", i)

loop_with_errors()

try:
    raise ValueError("x")
except ValueError as e:
    saved = e
print(repr(saved))
try:
    e
except NameError as ne:
    print("NameError:", ne)
def break_in_finally():
    while True:
        try:
            raise ValueError("dropped")
        finally:
            break
    return "loop left"
print(break_in_finally())
