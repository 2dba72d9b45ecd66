# 1,000 tasks, each yielding to the event loop 1,000 times: a million task
# steps through the ready queue, the hottest path of an asyncio program.
import asyncio


async def player(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def main():
    tasks = [asyncio.create_task(player(1000)) for _ in range(1000)]
    await asyncio.gather(*tasks)
    print("done", len(tasks))


asyncio.run(main())
