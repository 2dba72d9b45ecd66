import asyncio


async def producer(name, queue, count, every):
    for n in range(count):
        await asyncio.sleep(every)
        item = f"{name}{n}"
        await queue.put(item)  # waits while the queue is full
        print(f"{name} put {item}, queue size {queue.qsize()}")


async def consumer(name, queue):
    while True:
        item = await queue.get()  # waits while the queue is empty
        print(f"    {name} took {item}")
        await asyncio.sleep(0.5)
        print(f"    {name} finished {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(name, queue)) for name in ("c1", "c2")]
    await asyncio.gather(producer("a", queue, 3, 0.2), producer("b", queue, 3, 0.3))
    print("producers done, waiting for queue.join()")
    await queue.join()  # until every put item has had its task_done()
    print("all items processed")
    for task in consumers:
        task.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)


asyncio.run(main())
