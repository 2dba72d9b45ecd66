import asyncio

async def main():
    asyncio.current_task().cancel()
    print("main cancelled itself")
    await asyncio.sleep(1)
    print("not reached")

asyncio.run(main())
