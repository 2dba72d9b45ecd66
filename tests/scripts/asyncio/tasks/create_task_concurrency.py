import asyncio
import time

async def worker(name, delay):
    print(f"{name} started")
    await asyncio.sleep(delay)
    print(f"{name} finished after {delay}")
    return delay

async def main():
    start = time.monotonic()
    t1 = asyncio.create_task(worker("A", 2))
    t2 = asyncio.create_task(worker("B", 1))
    print("tasks created, none has run yet")
    r1 = await t1
    r2 = await t2
    print("results", r1, r2, "elapsed", time.monotonic() - start)

asyncio.run(main())
