import asyncio

async def child(d):
    await asyncio.sleep(d)
    return d

async def main():
    t1 = asyncio.create_task(child(1))
    t2 = asyncio.create_task(child(2))
    g = asyncio.gather(t1, t2, return_exceptions=True)
    await asyncio.sleep(0.5)
    t2.cancel()
    print(await g)
    t3 = asyncio.create_task(child(1))
    g2 = asyncio.gather(t3)
    await asyncio.sleep(0)
    t3.cancel()
    try:
        await g2
    except asyncio.CancelledError:
        print("gather without return_exceptions raised CancelledError")

asyncio.run(main())
