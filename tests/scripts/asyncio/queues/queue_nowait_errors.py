import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("a")
    try:
        q.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull")
    print(q.get_nowait(), q.empty(), q.maxsize)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    try:
        print(await asyncio.wait_for(q.get(), timeout=1))
    except asyncio.TimeoutError:
        print("get timed out at", asyncio.get_running_loop().time())

asyncio.run(main())
