import asyncio

def resolve(fut, value):
    print("resolving with", value)
    fut.set_result(value)

loop = asyncio.new_event_loop()
fut = loop.create_future()
loop.call_later(2, resolve, fut, "late value")
fut.add_done_callback(lambda f: print("done callback", f.result()))
print(loop.run_until_complete(fut), loop.time())
loop.close()
