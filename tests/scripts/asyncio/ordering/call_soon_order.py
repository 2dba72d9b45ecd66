import asyncio

def cb(name, loop):
    print("callback", name, loop.time())
    if name == "first":
        loop.call_soon(cb, "added by first", loop)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "first", loop)
    loop.call_soon(cb, "second", loop)
    print("scheduled two callbacks")
    await asyncio.sleep(0)
    print("after one yield")
    await asyncio.sleep(0)
    print("after two yields")

asyncio.run(main())
