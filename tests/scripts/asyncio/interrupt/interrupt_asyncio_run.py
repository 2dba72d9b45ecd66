# interrupt-at: 2.5
import asyncio

async def child(n):
    try:
        await asyncio.sleep(n)
        print("child", n, "done")
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise

async def main():
    try:
        await asyncio.gather(child(1), child(4), child(6))
    except asyncio.CancelledError:
        print("main cancelled at", asyncio.get_running_loop().time())
        raise
    finally:
        print("main finally")

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt out of asyncio.run")
