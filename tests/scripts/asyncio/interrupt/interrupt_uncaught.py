# interrupt-at: 3
# interrupt-at: 0.5
import asyncio

async def main():
    for i in range(5):
        await asyncio.sleep(1)
        print("tick", i + 1)

asyncio.run(main())
