# interrupt-at: 1.2
import asyncio

async def main():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("main swallows the cancellation at", asyncio.get_running_loop().time())
    await asyncio.sleep(1)
    print("main returns normally at", asyncio.get_running_loop().time())
    return "ok"

print(asyncio.run(main()))
