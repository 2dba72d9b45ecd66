import asyncio

async def worker():
    print("worker: start")
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("worker: cancelled at", asyncio.get_running_loop().time())
        raise
    finally:
        print("worker: cleanup")

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("requesting cancel:", t.cancel())
    print("cancel requested but not delivered yet:", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("main: task is cancelled:", t.cancelled())

asyncio.run(main())
