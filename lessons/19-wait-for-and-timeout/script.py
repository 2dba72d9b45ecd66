import asyncio


async def lookup(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"  {name}: cancelled while waiting")
        raise
    return f"{name} answered after {seconds}s"


async def main():
    # wait_for: one awaitable, one deadline
    print(await asyncio.wait_for(lookup("fast", 0.5), timeout=1))
    try:
        print(await asyncio.wait_for(lookup("slow", 2), timeout=1))
    except TimeoutError:
        print("wait_for gave up on slow")

    # asyncio.timeout: one deadline for a whole block
    try:
        async with asyncio.timeout(1.5):
            print(await lookup("first", 1))
            print(await lookup("second", 1))
    except TimeoutError:
        print("the timeout block gave up")
    print("main: done")


asyncio.run(main())
