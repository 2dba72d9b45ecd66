import asyncio

async def important():
    await asyncio.sleep(2)
    print("important work finished")
    return "saved"

async def main():
    inner = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=1)
    except asyncio.TimeoutError:
        print("outer timed out; inner cancelled?", inner.cancelled())
    print("inner result", await inner, asyncio.get_running_loop().time())

asyncio.run(main())
