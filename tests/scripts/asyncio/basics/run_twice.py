import asyncio

async def main(tag):
    await asyncio.sleep(1)
    loop = asyncio.get_running_loop()
    print(tag, "loop time", loop.time())
    return tag

print(asyncio.run(main("first")))
print(asyncio.run(main("second")))
