# interrupt-at: 1
import asyncio
import time

async def main():
    try:
        print("blocking 3s inside a coroutine")
        time.sleep(3)
        print("time.sleep finished (PEP 475) at", time.monotonic())
        await asyncio.sleep(1)
        print("after the await at", time.monotonic())
    except asyncio.CancelledError:
        print("cancelled at the next await, clock", time.monotonic())
        raise

asyncio.run(main())
