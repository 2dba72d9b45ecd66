import asyncio

def ring(label, loop):
    print(f"{loop.time():.2f} {label}")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(2, ring, "later 2", loop)
    loop.call_later(0.5, ring, "later 0.5", loop)
    loop.call_at(loop.time() + 1, ring, "at +1", loop)
    loop.call_later(1, ring, "later 1 (after at +1)", loop)
    h = loop.call_later(1.5, ring, "cancelled", loop)
    loop.call_soon(ring, "soon", loop)
    h.cancel()
    print("cancelled handle:", h.cancelled())
    await asyncio.sleep(3)

asyncio.run(main())
