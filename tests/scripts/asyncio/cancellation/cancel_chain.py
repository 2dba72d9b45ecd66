import asyncio

async def inner():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise

async def middle():
    try:
        await inner()
    except asyncio.CancelledError:
        print("middle cancelled")
        raise

async def main():
    t = asyncio.create_task(middle())
    await asyncio.sleep(0.5)
    t.cancel()
    results = await asyncio.gather(t, return_exceptions=True)
    print(results, t.cancelled())

asyncio.run(main())
