import asyncio

async def fetch(name, delay):
    print("start", name)
    await asyncio.sleep(delay)
    print("done", name)
    return f"{name}:{delay}"

async def main():
    results = await asyncio.gather(fetch("slow", 3), fetch("fast", 1), fetch("mid", 2))
    print("results keep argument order:", results)

asyncio.run(main())
