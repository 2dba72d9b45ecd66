import asyncio

async def step(n):
    await asyncio.sleep(n)
    print("step", n)
    if n == 2:
        raise LookupError(f"step {n} failed")

async def main():
    for n in range(1, 4):
        await step(n)

asyncio.run(main())
