import asyncio
import time

async def step(name, delay):
    print(f"{time.monotonic():.1f} start {name}")
    await asyncio.sleep(delay)
    print(f"{time.monotonic():.1f} end {name}")
    return name

async def main():
    for name, delay in [("a", 1), ("b", 0.5), ("c", 2)]:
        await step(name, delay)
    print("total", time.monotonic())

asyncio.run(main())
