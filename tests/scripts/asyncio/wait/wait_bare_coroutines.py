import asyncio

async def job(n):
    await asyncio.sleep(n)
    print("job", n)
    return n

async def main():
    # Python 3.8 style: bare coroutines (3.11 refuses; the visualizer runs it as 3.8 did)
    done, pending = await asyncio.wait([job(2), job(1)])
    print(sorted(t.result() for t in done), pending)

asyncio.run(main())
