import asyncio

async def quick():
    return "ready"

async def main():
    try:
        print(await asyncio.wait_for(asyncio.sleep(1), timeout=0))
    except asyncio.TimeoutError as e:
        print("timeout 0:", type(e).__name__)
    print(await asyncio.wait_for(quick(), timeout=0.1))

asyncio.run(main())
