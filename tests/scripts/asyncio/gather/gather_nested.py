import asyncio

async def leaf(n):
    await asyncio.sleep(n * 0.1)
    print("leaf", n)
    return n

async def main():
    inner1 = asyncio.gather(leaf(3), leaf(1))
    inner2 = asyncio.gather(leaf(2), leaf(4))
    outer = await asyncio.gather(inner1, inner2, leaf(0))
    print(outer)

asyncio.run(main())
