# A round-robin scheduler built from generators: the idea asyncio's event loop grows from.
def worker(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        received = yield i
        if received:
            print(f"{name} got {received!r}")
    return f"{name} finished"

ready = [[worker("A", 3), False], [worker("B", 1), False], [worker("C", 2), False]]
results = {}
tick = 0
while ready:
    entry = ready.pop(0)
    task, started = entry
    try:
        value = task.send(f"tick{tick}" if started and tick % 2 else None)
        entry[1] = True
        print("  yielded", value)
        ready.append(entry)
    except StopIteration as stop:
        results[tick] = stop.value
        print("  done:", stop.value)
    tick += 1
print(results)
print(sorted(results.values()))
