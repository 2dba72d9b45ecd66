import asyncio

async def producer(q, n):
    for i in range(n):
        await asyncio.sleep(0.5)
        await q.put(i)
        print(f"{asyncio.get_running_loop().time():.1f} produced {i}")
    await q.put(None)

async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            print("consumer saw the sentinel")
            break
        await asyncio.sleep(0.8)
        print(f"{asyncio.get_running_loop().time():.1f} consumed {item}")

async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q, 4), consumer(q))

asyncio.run(main())
