def describe():
    """Describe the event loop.

    It never ends.

print(describe())
