# interrupt-at: 2.2
import asyncio

def tick(loop, n):
    print("tick", n)
    if n == 5:
        loop.stop()
    else:
        loop.call_later(1, tick, loop, n + 1)

loop = asyncio.new_event_loop()
loop.call_soon(tick, loop, 0)
try:
    loop.run_forever()
except KeyboardInterrupt:
    print("stopped by Ctrl+C at", loop.time())
else:
    print("stopped by loop.stop() at", loop.time())
loop.close()
