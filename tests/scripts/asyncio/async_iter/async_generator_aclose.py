import asyncio

async def stream():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("stream cleanup")

async def main():
    gen = stream()
    async for v in gen:
        print("value", v)
        if v == 2:
            break
    await gen.aclose()
    print("closed at", asyncio.get_running_loop().time())
    agen = stream()
    print(await agen.__anext__(), await anext(agen))
    await agen.aclose()

asyncio.run(main())
