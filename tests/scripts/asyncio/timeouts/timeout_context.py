import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1):
            print("sleeping 5s inside timeout(1)")
            await asyncio.sleep(5)
    except TimeoutError:
        print("TimeoutError at", loop.time())
    async with asyncio.timeout(2) as cm:
        await asyncio.sleep(1)
        print("finished in time; expired:", cm.expired())
    print("done at", loop.time())

asyncio.run(main())
