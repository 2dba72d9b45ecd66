# async def / await / async with / async for, driven by hand with send(None): no event loop.
class Suspend:
    """An awaitable that suspends once, handing `label` to whoever drives the coroutine."""
    def __init__(self, label):
        self.label = label

    def __await__(self):
        reply = yield self.label
        return f"resumed({reply})"

async def leaf(name, *, times=2):
    results = []
    for i in range(times):
        results.append(await Suspend(f"{name}#{i}"))
    return results

async def outer(*names, **options):
    collected = {}
    for name in names:
        collected[name] = await leaf(name, **options)
    return collected

coro = outer("a", "b", times=1)
print(type(coro).__name__)
reply = None
step = 0
while True:
    try:
        yielded = coro.send(reply)
    except StopIteration as stop:
        print("finished with", stop.value)
        break
    print("step", step, "yielded", yielded)
    reply = step * 10
    step += 1

class Resource:
    async def __aenter__(self):
        print("  aenter")
        await Suspend("entering")
        return "res"

    async def __aexit__(self, exc_type, exc, tb):
        print("  aexit", exc_type)
        return False

async def numbers(n):
    for i in range(n):
        await Suspend(f"before {i}")
        yield i * i

async def uses_everything():
    async with Resource() as r:
        print("  inside with", r)
    total = []
    async for v in numbers(3):
        total.append(v)
    return total, [v async for v in numbers(2)]

def run(c):
    yields = []
    while True:
        try:
            yields.append(c.send(None))
        except StopIteration as stop:
            return stop.value, yields

print(run(uses_everything()))
