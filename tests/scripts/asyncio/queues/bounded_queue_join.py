import asyncio

async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(f"{name} handled {item} at {asyncio.get_running_loop().time()}")
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    for item in [1, 2, 1, 3, 1]:
        await q.put(item)
        print("put", item, "qsize", q.qsize(), "full", q.full())
    await q.join()
    print("all items processed at", asyncio.get_running_loop().time())
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)

asyncio.run(main())
