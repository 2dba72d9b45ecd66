import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("cleanup starts at", asyncio.get_running_loop().time())
        await asyncio.sleep(0.5)
        print("cleanup ends at", asyncio.get_running_loop().time())

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.sleep(0.1)
    print("main: done yet?", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("main: cancelled at", asyncio.get_running_loop().time())

asyncio.run(main())
