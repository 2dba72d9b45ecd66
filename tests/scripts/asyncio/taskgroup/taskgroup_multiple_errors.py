import asyncio

async def bad(d, exc):
    await asyncio.sleep(d)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(1, KeyError("k")))
            tg.create_task(bad(1, TypeError("t")))
    except ExceptionGroup as eg:
        print(eg.message, len(eg.exceptions))
        for e in eg.exceptions:
            print(" ", type(e).__name__, e)

asyncio.run(main())
