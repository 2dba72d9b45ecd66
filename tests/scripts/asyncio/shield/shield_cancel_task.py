import asyncio

async def critical():
    await asyncio.sleep(1)
    print("critical done")
    return 42

async def waiter(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("waiter cancelled, inner continues")
        raise

async def main():
    inner = asyncio.create_task(critical())
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.5)
    w.cancel()
    await asyncio.sleep(0)
    print("waiter cancelled:", w.cancelled())
    print("inner:", await inner)

asyncio.run(main())
