# The timer heap and PriorityQueue's heap: timers due at the same time fire in
# scheduling order; more than half of over 100 timers cancelled makes the loop
# rebuild its heap (heapify); equal priorities, tuples, and items that cannot
# be compared.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fired = []
    handles = []
    for i in range(150):
        when = (i * 7) % 10 / 100
        handles.append(loop.call_later(when, fired.append, i))
    for i, h in enumerate(handles):
        if i % 3 != 0:
            h.cancel()
    await asyncio.sleep(0.2)
    print("fired", len(fired), fired[:12])

    same = []
    for i in range(20):
        loop.call_later(0.05, same.append, i)
    await asyncio.sleep(0.1)
    print("same time", same)

    q = asyncio.PriorityQueue()
    for item in [(2, "b"), (1, "z"), (2, "a"), (1, "y"), (0, "x"), (2, "a")]:
        q.put_nowait(item)
    print("priority", [q.get_nowait() for _ in range(q.qsize())])

    bad = asyncio.PriorityQueue()
    bad.put_nowait((1, "one"))
    try:
        bad.put_nowait((1, None))
    except TypeError as e:
        print("TypeError", e)
    print("left", bad.qsize())


asyncio.run(main())
