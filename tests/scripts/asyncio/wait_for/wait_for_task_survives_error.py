import asyncio

async def failing():
    await asyncio.sleep(0.5)
    raise ValueError("inner failure")

async def main():
    try:
        await asyncio.wait_for(failing(), timeout=2)
    except ValueError as e:
        print("propagated", e)
    except asyncio.TimeoutError:
        print("unexpected timeout")
    t = asyncio.create_task(asyncio.sleep(5))
    try:
        await asyncio.wait_for(t, 1)
    except asyncio.TimeoutError:
        print("task cancelled by wait_for:", t.cancelled())

asyncio.run(main())
