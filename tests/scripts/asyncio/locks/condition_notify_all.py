import asyncio

async def waiter(name, cond):
    async with cond:
        print(name, "waits")
        await cond.wait()
        print(name, "woken")

async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(n, cond)) for n in ("a", "b", "c")]
    await asyncio.sleep(1)
    async with cond:
        print("notify_all")
        cond.notify_all()
    await asyncio.gather(*tasks)

asyncio.run(main())
