import asyncio


async def worker(name, seconds, fails=False):
    print(f"{name}: started, needs {seconds}s")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    if fails:
        raise ValueError(f"{name} hit a bad record")
    print(f"{name}: finished")
    return name.upper()


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            quick = group.create_task(worker("quick", 1))
            faulty = group.create_task(worker("faulty", 2, fails=True))
            slow = group.create_task(worker("slow", 3))
        print("the group finished: every task succeeded")
    except* ValueError as errors:
        for error in errors.exceptions:
            print(f"caught: {error!r}")
    print(f"quick: {quick.result()}")
    print(f"faulty failed: {faulty.exception()!r}")
    print(f"slow cancelled: {slow.cancelled()}")


asyncio.run(main())
