import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("a", 3), ("b", 1), ("c", 2)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done", [t.result() for t in done], "pending", len(pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("done", [t.result() for t in done], "pending", len(pending))
    for t in pending:
        t.cancel()
    print("clock", asyncio.get_running_loop().time())

asyncio.run(main())
