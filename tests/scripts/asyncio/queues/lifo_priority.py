import asyncio

async def main():
    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for item in [3, 1, 2]:
        lq.put_nowait(item)
    for item in [(2, "medium"), (3, "low"), (1, "high"), (2, "also medium")]:
        pq.put_nowait(item)
    print("lifo:", [lq.get_nowait() for _ in range(3)])
    while not pq.empty():
        print("priority:", await pq.get())

asyncio.run(main())
