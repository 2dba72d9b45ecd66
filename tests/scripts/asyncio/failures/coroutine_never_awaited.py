import asyncio

async def work():
    print("never printed")

async def main():
    work()
    print("forgot to await work()")
    await asyncio.sleep(0.5)
    print("done")

asyncio.run(main())
