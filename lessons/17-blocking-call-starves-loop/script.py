import asyncio
import time


async def heartbeat(label):
    for beat in range(4):
        print(f"{label}: beat {beat}")
        await asyncio.sleep(0.5)


async def blocking_job():
    print("blocking job: time.sleep(1.5)")
    time.sleep(1.5)  # blocks the whole thread: the loop cannot run anything
    print("blocking job: done")


async def polite_job():
    print("polite job: await asyncio.sleep(1.5)")
    await asyncio.sleep(1.5)  # suspends only this task
    print("polite job: done")


async def main():
    start = time.monotonic()
    await asyncio.gather(heartbeat("round 1"), blocking_job())
    print(f"round 1 took {time.monotonic() - start:.1f}s")

    start = time.monotonic()
    await asyncio.gather(heartbeat("round 2"), polite_job())
    print(f"round 2 took {time.monotonic() - start:.1f}s")


asyncio.run(main())
