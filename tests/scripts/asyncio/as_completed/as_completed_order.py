import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    return name, d

async def main():
    coros = [job("a", 3), job("b", 1), job("c", 2)]
    for fut in asyncio.as_completed(coros):
        name, d = await fut
        print(f"{asyncio.get_running_loop().time():.1f} got {name} ({d})")

asyncio.run(main())
