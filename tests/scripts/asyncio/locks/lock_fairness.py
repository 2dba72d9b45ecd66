import asyncio

async def user(name, lock, hold):
    print(name, "wants the lock")
    await lock.acquire()
    try:
        print(name, "holds it at", asyncio.get_running_loop().time())
        await asyncio.sleep(hold)
    finally:
        lock.release()

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(user("a", lock, 1), user("b", lock, 0.5), user("c", lock, 0.25))

asyncio.run(main())
