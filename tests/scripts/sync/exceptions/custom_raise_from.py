# Custom exceptions, raise ... from, __cause__/__context__, bare raise.
class AppError(Exception):
    pass

class FetchError(AppError):
    def __init__(self, url, status):
        super().__init__(f"{url} failed with {status}")
        self.url = url
        self.status = status

try:
    raise FetchError("http://x", 503)
except AppError as e:
    print(type(e).__name__, e, e.url, e.status, e.args)

def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise AppError(f"bad number {text!r}") from e

try:
    parse("12x")
except AppError as e:
    print(e, "| cause:", repr(e.__cause__), "| suppress:", e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
except KeyError as e:
    print(repr(e), "context:", repr(e.__context__), "cause:", e.__cause__)

try:
    try:
        raise ValueError("original")
    except ValueError:
        print("logging and re-raising")
        raise
except ValueError as e:
    print("re-raised:", e)

try:
    raise AppError("no cause") from None
except AppError as e:
    print(e, e.__cause__, e.__suppress_context__)

class Retry(Exception):
    def __str__(self):
        return "custom str"

try:
    raise Retry(1, 2)
except Retry as e:
    print(e, repr(e), e.args)
err = FetchError("u", 1)
print(isinstance(err, Exception), isinstance(err, AppError), err)
