import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    print("waiting for a future nobody resolves")
    await fut

asyncio.run(main())
