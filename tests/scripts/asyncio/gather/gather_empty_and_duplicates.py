import asyncio

async def once():
    print("runs once")
    await asyncio.sleep(0.1)
    return "x"

async def main():
    print(await asyncio.gather())
    coro = once()
    print(await asyncio.gather(coro, coro))
    t = asyncio.create_task(once())
    print(await asyncio.gather(t, t, t))

asyncio.run(main())
