# A __repr__ that calls repr(self) recurses through C-level calls: the
# engine must stop it with RecursionError, never with a crashed C++ stack.
class Loop:
    def __repr__(self):
        return repr(self)


print("before")
repr(Loop())
