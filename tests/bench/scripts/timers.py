# 1,000 tasks sleeping on timers of many lengths, ~9 million trace events: a
# big timer heap, a busy ready queue and frequent handle.cancel (every
# asyncio.sleep cancels its timer when it ends; wait_for and timeout cancel
# theirs or time out) - the heavy case for StateIndex::stateAt. The delays are
# multiples of 10 ms, so hundreds of tasks wake in the same loop iteration.
# A pseudo-random sequence per task keeps the run deterministic.
import asyncio

TASKS = 1000
ROUNDS = 300
CONSUMERS = 10


async def worker(i, rounds, queue):
    seed = i * 7919 + 1
    for k in range(rounds):
        seed = (seed * 1103515245 + 12345) % 2147483648
        delay = (seed >> 8) % 10 / 100
        choice = (seed >> 16) % 8
        if choice == 0:
            try:
                await asyncio.wait_for(asyncio.sleep(delay), 0.025)
            except asyncio.TimeoutError:
                pass
        elif choice == 1:
            try:
                async with asyncio.timeout(0.025):
                    await asyncio.sleep(delay)
            except TimeoutError:
                pass
        elif choice == 2:
            queue.put_nowait(k)
            await asyncio.sleep(delay)
        else:
            await asyncio.sleep(delay)


async def consumer(queue):
    got = 0
    while True:
        item = await queue.get()
        if item is None:
            return got
        got += 1


async def main():
    queue = asyncio.Queue()
    consumers = [asyncio.create_task(consumer(queue)) for _ in range(CONSUMERS)]
    workers = [asyncio.create_task(worker(i, ROUNDS, queue)) for i in range(TASKS)]
    await asyncio.gather(*workers)
    for _ in consumers:
        queue.put_nowait(None)
    counts = await asyncio.gather(*consumers)
    print("done", len(workers), sum(counts))


asyncio.run(main())
