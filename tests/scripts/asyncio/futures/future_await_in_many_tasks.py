import asyncio

async def waiter(name, fut):
    print(name, "waiting")
    v = await fut
    print(name, "got", v)

async def main():
    fut = asyncio.get_running_loop().create_future()
    tasks = [asyncio.create_task(waiter(n, fut)) for n in "abc"]
    await asyncio.sleep(1)
    fut.set_result("shared")
    print("result set")
    await asyncio.gather(*tasks)

asyncio.run(main())
