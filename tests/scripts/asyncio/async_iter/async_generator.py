import asyncio

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i

async def main():
    async for value in ticker(3, 0.5):
        print("tick", value, asyncio.get_running_loop().time())
    squares = [v * v async for v in ticker(4, 0.1)]
    print(squares)

asyncio.run(main())
