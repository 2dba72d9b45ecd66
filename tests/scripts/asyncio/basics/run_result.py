import asyncio

async def compute(x):
    print("computing", x)
    await asyncio.sleep(0.5)
    return x * 2

async def main():
    a = await compute(1)
    b = await compute(a)
    print("results", a, b)
    return a + b

print("before run")
result = asyncio.run(main())
print("asyncio.run returned", result)
