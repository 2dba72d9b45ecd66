import asyncio

async def job(n):
    await asyncio.sleep(n / 10)
    if n % 2:
        raise ValueError(f"odd {n}")
    return n

async def main():
    results = await asyncio.gather(*(job(n) for n in range(5)), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)

asyncio.run(main())
