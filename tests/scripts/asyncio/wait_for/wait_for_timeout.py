import asyncio

async def slow():
    try:
        await asyncio.sleep(10)
        return "never"
    except asyncio.CancelledError:
        print("slow was cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    try:
        await asyncio.wait_for(slow(), timeout=1.5)
    except asyncio.TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())
    print(await asyncio.wait_for(asyncio.sleep(0.5, "fast enough"), timeout=1))

asyncio.run(main())
