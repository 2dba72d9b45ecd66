import asyncio

async def bad():
    await asyncio.sleep(1)
    raise RuntimeError("inside group")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad())
        tg.create_task(asyncio.sleep(3))
    print("never printed")

asyncio.run(main())
