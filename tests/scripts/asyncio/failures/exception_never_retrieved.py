import asyncio

async def fails():
    await asyncio.sleep(0.1)
    raise RuntimeError("nobody looks at me")

async def main():
    asyncio.create_task(fails())
    await asyncio.sleep(1)
    print("main finished; the error only reaches stderr")

asyncio.run(main())
