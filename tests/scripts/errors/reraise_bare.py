try:
    {}["k"]
except KeyError:
    print("logging the error")
    raise
