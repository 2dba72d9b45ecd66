import asyncio

async def never_runs():
    print("this line never prints")

async def main():
    t = asyncio.create_task(never_runs())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before its first step:", t.cancelled())

asyncio.run(main())
