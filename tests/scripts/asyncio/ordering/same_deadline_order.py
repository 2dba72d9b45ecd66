import asyncio

async def sleeper(name, d):
    await asyncio.sleep(d)
    print(name, "woke at", asyncio.get_running_loop().time())

async def main():
    tasks = [asyncio.create_task(sleeper(n, d)) for n, d in
             [("x", 1), ("y", 0.5), ("z", 1), ("w", 0.5), ("v", 1)]]
    await asyncio.gather(*tasks)

asyncio.run(main())
