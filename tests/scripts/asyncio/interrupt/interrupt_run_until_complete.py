# interrupt-at: 1.5
import asyncio

async def worker(n):
    try:
        await asyncio.sleep(n)
        print("worker", n, "done")
    finally:
        print("worker", n, "finally")

loop = asyncio.new_event_loop()
tasks = [loop.create_task(worker(n)) for n in (1, 2, 3)]
try:
    loop.run_until_complete(asyncio.gather(*tasks))
except KeyboardInterrupt:
    print("KeyboardInterrupt at", loop.time())
    print("pending:", [t.done() for t in tasks])
finally:
    print("closing")
