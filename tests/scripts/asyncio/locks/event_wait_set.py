import asyncio

async def waiter(name, event):
    print(name, "waiting for the event")
    await event.wait()
    print(name, "released at", asyncio.get_running_loop().time())

async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ("a", "b")]
    await asyncio.sleep(2)
    print("setting; is_set before:", event.is_set())
    event.set()
    await asyncio.gather(*tasks)
    event.clear()
    print("cleared:", event.is_set())
    event.set()
    await event.wait()
    print("wait on a set event returns at once")

asyncio.run(main())
