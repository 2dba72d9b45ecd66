import asyncio

async def worker(i):
    await asyncio.sleep(i)

async def main(loop):
    for i in range(3):
        loop.create_task(worker(i + 1))
    await asyncio.sleep(0)
    pending = [t for t in asyncio.all_tasks(loop=loop) if t is not asyncio.current_task()]
    print("pending tasks:", len(pending))
    await asyncio.gather(*pending)
    print("all done at", loop.time())

loop = asyncio.new_event_loop()
loop.run_until_complete(main(loop))
loop.close()
