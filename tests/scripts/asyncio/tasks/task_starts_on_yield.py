import asyncio

async def child(name):
    print("child", name, "runs")

async def main():
    asyncio.create_task(child("a"))
    asyncio.create_task(child("b"))
    print("main still running; children wait for a yield")
    await asyncio.sleep(0)
    print("after one yield")

asyncio.run(main())
