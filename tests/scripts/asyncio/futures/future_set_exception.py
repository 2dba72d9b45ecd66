import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.5, fut.set_exception, ConnectionError("refused"))
    try:
        await fut
    except ConnectionError as e:
        print("awaiting raised", repr(e), "at", loop.time())
    print(fut.done(), repr(fut.exception()))
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)

asyncio.run(main())
