import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    try:
        for fut in asyncio.as_completed([job(1), job(4), job(2)], timeout=2.5):
            print("finished", await fut)
    except asyncio.TimeoutError:
        print("timeout at", asyncio.get_running_loop().time())

asyncio.run(main())
