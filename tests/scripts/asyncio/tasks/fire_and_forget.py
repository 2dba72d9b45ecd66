import asyncio

async def background(i):
    print("bg", i, "start")
    await asyncio.sleep(i)
    print("bg", i, "end")

async def main():
    for i in range(1, 4):
        asyncio.create_task(background(i))
    await asyncio.sleep(2.5)
    print("main ends; bg 3 is still pending")

asyncio.run(main())
print("after run")
