def run(coro, *, debug):
    return coro, debug

print(run(1, debug=True))
run(1, True)
