import asyncio
import time

async def sync_style(n):
    time.sleep(1)
    return n

async def async_style(n):
    await asyncio.sleep(1)
    return n

async def main():
    t0 = time.perf_counter()
    await asyncio.gather(*(sync_style(i) for i in range(3)))
    t1 = time.perf_counter()
    await asyncio.gather(*(async_style(i) for i in range(3)))
    t2 = time.perf_counter()
    print(f"time.sleep: {t1 - t0:.1f}s, asyncio.sleep: {t2 - t1:.1f}s")

asyncio.run(main())
