import asyncio

counter = 0

async def increment(name, lock):
    global counter
    async with lock:
        print(name, "acquired")
        value = counter
        await asyncio.sleep(0.1)
        counter = value + 1
        print(name, "released, counter =", counter)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(increment(f"t{i}", lock) for i in range(3)))
    print("final", counter, "locked?", lock.locked(), asyncio.get_running_loop().time())

asyncio.run(main())
