import asyncio

async def boom():
    await asyncio.sleep(0.1)
    raise ValueError("boom")

async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.2)
    print(t.done(), type(t.exception()).__name__, t.exception())
    try:
        t.result()
    except ValueError as e:
        print("result() raised", e)
    try:
        await t
    except ValueError as e:
        print("await raised", e)

asyncio.run(main())
