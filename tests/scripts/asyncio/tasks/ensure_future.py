import asyncio

async def value(v):
    await asyncio.sleep(0.1)
    return v

async def main():
    t = asyncio.ensure_future(value(1))
    print(isinstance(t, asyncio.Task))
    same = asyncio.ensure_future(t)
    print(same is t, await t)
    results = await asyncio.gather(asyncio.ensure_future(value(2)), value(3))
    print(results)

asyncio.run(main())
