import asyncio

async def background(name):
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print(name, "cancelled by asyncio.run shutdown")
        raise

async def main():
    asyncio.create_task(background("bg1"))
    asyncio.create_task(background("bg2"))
    await asyncio.sleep(1)
    print("main returns")

asyncio.run(main())
print("run finished")
