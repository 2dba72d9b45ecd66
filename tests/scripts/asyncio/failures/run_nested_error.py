import asyncio

async def inner():
    return 1

async def main():
    print("calling asyncio.run inside a running loop")
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
        coro.close()

asyncio.run(main())
