import asyncio


async def save(record):
    print(f"saving {record} ...")
    await asyncio.sleep(0.5)
    print(f"saved {record}")


async def main():
    print("1: calling save() without await")
    save("draft")  # BUG: builds a coroutine object and drops it; nothing runs
    await asyncio.sleep(1)

    print("2: awaiting save()")
    await save("final")  # the fix: await the coroutine ...

    print("3: wrapping save() in a task")
    task = asyncio.create_task(save("backup"))  # ... or schedule it as a task
    print("task created; main carries on")
    await asyncio.sleep(1)
    print(f"main: done (backup task done: {task.done()})")


asyncio.run(main())
