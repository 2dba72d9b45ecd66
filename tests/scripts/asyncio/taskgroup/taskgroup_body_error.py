import asyncio

async def child():
    try:
        await asyncio.sleep(2)
    finally:
        print("child cleanup at", asyncio.get_running_loop().time())

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(0.5)
            raise ValueError("body failed")
    except* ValueError as eg:
        print("group raised", [str(e) for e in eg.exceptions])

asyncio.run(main())
