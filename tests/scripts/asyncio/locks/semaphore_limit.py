import asyncio

async def download(i, sem):
    async with sem:
        print(f"{asyncio.get_running_loop().time():.1f} start {i}")
        await asyncio.sleep(1)
        print(f"{asyncio.get_running_loop().time():.1f} end {i}")

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(download(i, sem) for i in range(5)))
    print("locked?", sem.locked())

asyncio.run(main())
