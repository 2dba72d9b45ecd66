import asyncio

async def job(n):
    await asyncio.sleep(n)
    return n

async def main():
    t = asyncio.create_task(job(1), name="job-1")
    u = asyncio.create_task(job(2))
    print(t.get_name(), u.get_name().startswith("Task-"))
    print(t.done(), t.cancelled())
    await asyncio.sleep(1.5)
    print(t.done(), t.result(), u.done())
    u.set_name("renamed")
    print(u.get_name(), await u)

asyncio.run(main())
