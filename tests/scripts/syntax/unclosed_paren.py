import asyncio

async def main():
    await asyncio.gather(
        asyncio.sleep(1),
        asyncio.sleep(2),

asyncio.run(main())
