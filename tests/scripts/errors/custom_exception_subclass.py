class AppError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code

class Timeout(AppError):
    pass

try:
    raise Timeout(1)
except AppError as e:
    print("handled", e, e.code)
raise Timeout(504)
