import asyncio

async def hello():
    print("hello runs only when awaited")
    return "hi"

async def main():
    coro = hello()
    print("created", type(coro).__name__, asyncio.iscoroutine(coro))
    print("awaiting now")
    value = await coro
    print("value", value)
    print(asyncio.iscoroutinefunction(hello), asyncio.iscoroutinefunction(print))

asyncio.run(main())
