import asyncio

async def sleeper(name, d):
    print("sleep", name, d)
    await asyncio.sleep(d)
    print("wake", name)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(1, print, "timer callback at 1")
    await asyncio.gather(sleeper("a", 1), sleeper("b", 1))
    loop.call_later(0, print, "call_later(0)")
    loop.call_soon(print, "call_soon")
    await asyncio.sleep(0)
    await asyncio.sleep(0)

asyncio.run(main())
