import asyncio

async def ok(n):
    await asyncio.sleep(n)
    print("ok", n, "finished")
    return n

async def fail(n):
    await asyncio.sleep(n)
    raise RuntimeError(f"fail after {n}")

async def main():
    try:
        await asyncio.gather(ok(1), fail(2), ok(3))
    except RuntimeError as e:
        print("gather raised", e)
    print("the other children keep running")
    await asyncio.sleep(2)
    print("main done")

asyncio.run(main())
