import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback: cancelled =", f.cancelled()))
    loop.call_later(1, fut.cancel)
    try:
        await fut
    except asyncio.CancelledError:
        print("await raised CancelledError at", loop.time())
    print(fut.cancelled(), fut.done(), fut.cancel())
    try:
        fut.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError too")
    f2 = loop.create_future()
    f2.set_result("x")
    print("cancel a done future:", f2.cancel())

asyncio.run(main())
