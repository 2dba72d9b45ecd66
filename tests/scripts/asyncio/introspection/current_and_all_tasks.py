import asyncio

async def job(n):
    me = asyncio.current_task()
    print("job", n, "is", me.get_name())
    await asyncio.sleep(n)

async def main():
    print("main task:", asyncio.current_task().get_name())
    tasks = [asyncio.create_task(job(n), name=f"job{n}") for n in (1, 2)]
    await asyncio.sleep(0)
    print("all:", [t.get_name() for t in asyncio.all_tasks()])
    await asyncio.sleep(1.5)
    print("all:", [t.get_name() for t in asyncio.all_tasks()])
    await asyncio.gather(*tasks)
    print("all:", [t.get_name() for t in asyncio.all_tasks()])

asyncio.run(main())
