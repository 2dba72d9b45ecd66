import asyncio

async def job(n):
    await asyncio.sleep(n)
    print("job", n)
    return n * n

async def main():
    tasks = [asyncio.create_task(job(n)) for n in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending), sorted(t.result() for t in done))
    print([t.result() for t in tasks])

asyncio.run(main())
