import asyncio
import time

async def polite(name):
    for i in range(3):
        print(f"{time.monotonic():.1f} {name} {i}")
        await asyncio.sleep(1)

async def rude():
    print(f"{time.monotonic():.1f} rude blocks for 2s")
    time.sleep(2)
    print(f"{time.monotonic():.1f} rude done blocking")

async def main():
    await asyncio.gather(polite("polite"), rude())
    print("total", time.monotonic())

asyncio.run(main())
