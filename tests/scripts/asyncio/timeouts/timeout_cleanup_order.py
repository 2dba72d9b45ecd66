import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("worker sees CancelledError")
        raise
    finally:
        print("worker finally")

async def main():
    try:
        async with asyncio.timeout(0.5):
            await worker()
    except TimeoutError as e:
        print("main sees", type(e).__name__, "cause:", type(e.__cause__).__name__)
    print("after", asyncio.get_running_loop().time())

asyncio.run(main())
