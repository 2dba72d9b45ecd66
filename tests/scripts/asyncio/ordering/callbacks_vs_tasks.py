import asyncio

async def task(name):
    print("task", name, "step 1")
    await asyncio.sleep(0)
    print("task", name, "step 2")

async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(task("T1"))
    loop.call_soon(print, "callback A")
    asyncio.create_task(task("T2"))
    loop.call_soon(print, "callback B")
    await asyncio.sleep(0)
    print("main resumed")
    await asyncio.sleep(0)
    print("main resumed again")

asyncio.run(main())
