import asyncio

async def setter(fut, delay, value):
    await asyncio.sleep(delay)
    print("setting result", value)
    fut.set_result(value)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("done?", fut.done())
    asyncio.create_task(setter(fut, 1, "payload"))
    value = await fut
    print("awaited", value, fut.done(), fut.result())

asyncio.run(main())
