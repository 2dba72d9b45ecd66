import asyncio

async def work():
    await asyncio.sleep(3)
    return "finished"

async def main():
    print(await asyncio.wait_for(work(), timeout=None))
    print(await asyncio.wait_for(work(), 5))
    print(asyncio.get_running_loop().time())

asyncio.run(main())
