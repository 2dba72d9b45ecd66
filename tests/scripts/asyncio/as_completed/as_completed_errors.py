import asyncio

async def job(d, fail):
    await asyncio.sleep(d)
    if fail:
        raise RuntimeError(f"job {d} failed")
    return d

async def main():
    for fut in asyncio.as_completed([job(3, False), job(1, True), job(2, False)]):
        try:
            print("ok", await fut)
        except RuntimeError as e:
            print("error", e)

asyncio.run(main())
