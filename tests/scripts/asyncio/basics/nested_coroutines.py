import asyncio

async def leaf(name, d):
    await asyncio.sleep(d)
    print("leaf", name, "done at", asyncio.get_running_loop().time())
    return name.upper()

async def branch(name):
    left = await leaf(name + "L", 0.2)
    right = await leaf(name + "R", 0.3)
    return left + right

async def main():
    print(await branch("x"))
    print(await asyncio.gather(branch("y"), branch("z")))

asyncio.run(main())
