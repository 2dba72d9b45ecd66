import asyncio

async def ok(d):
    try:
        await asyncio.sleep(d)
        print("ok", d)
    except asyncio.CancelledError:
        print("ok", d, "cancelled by the group")
        raise

async def bad(d, exc):
    await asyncio.sleep(d)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(1))
            tg.create_task(bad(2, ValueError("v")))
            tg.create_task(ok(5))
    except* ValueError as eg:
        print("caught", type(eg).__name__, [repr(e) for e in eg.exceptions])

asyncio.run(main())
