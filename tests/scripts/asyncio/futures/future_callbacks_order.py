import asyncio

def make_cb(name):
    def cb(fut):
        print("callback", name, "sees", fut.result())
    return cb

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    for name in ("first", "second", "third"):
        fut.add_done_callback(make_cb(name))
    removed = fut.remove_done_callback(make_cb("x"))
    print("removed", removed)
    loop.call_soon(print, "plain call_soon before set_result")
    fut.set_result(7)
    print("set_result returned; callbacks are only scheduled")
    await asyncio.sleep(0)
    print("after one iteration")
    fut.add_done_callback(make_cb("late"))
    await asyncio.sleep(0)

asyncio.run(main())
