import asyncio

async def worker():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("cancelling() =", asyncio.current_task().cancelling())
        raise

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    t.cancel()
    print("main: cancelling() =", t.cancelling())
    await asyncio.gather(t, return_exceptions=True)
    print("done", t.cancelled())

asyncio.run(main())
