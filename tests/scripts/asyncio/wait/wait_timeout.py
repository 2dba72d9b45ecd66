import asyncio

async def job(n):
    try:
        await asyncio.sleep(n)
        return n
    finally:
        print("job", n, "leaves")

async def main():
    tasks = [asyncio.create_task(job(n)) for n in (1, 2, 5)]
    done, pending = await asyncio.wait(tasks, timeout=2.5)
    print("after", asyncio.get_running_loop().time(), [t.result() for t in done], len(pending))
    print("wait does not cancel:", [t.cancelled() for t in pending])
    for t in pending:
        t.cancel()
    await asyncio.sleep(0)
    print("cancelled", [t.cancelled() for t in pending])

asyncio.run(main())
