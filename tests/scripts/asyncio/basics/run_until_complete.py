import asyncio

async def work(n):
    await asyncio.sleep(n)
    print("worked", n)
    return n * 10

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.is_running(), loop.is_closed())
r1 = loop.run_until_complete(work(1))
r2 = loop.run_until_complete(work(2))
print("results", r1, r2, loop.time())
loop.close()
print("closed", loop.is_closed())
