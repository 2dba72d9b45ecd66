import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    print("finished", name)
    return name * 2

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("a", 2))
        t2 = tg.create_task(job("b", 1))
        print("tasks started inside the group")
    print("group exited at", asyncio.get_running_loop().time(), t1.result(), t2.result())

asyncio.run(main())
