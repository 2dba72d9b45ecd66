import asyncio

async def tick(i):
    await asyncio.sleep(0.1 * i)
    print("tick", i)
    return i

loop = asyncio.get_event_loop()
tasks = [loop.create_task(tick(i)) for i in range(3)]
done = loop.run_until_complete(asyncio.gather(*tasks))
print("gathered", done, round(loop.time(), 3))
loop.close()
