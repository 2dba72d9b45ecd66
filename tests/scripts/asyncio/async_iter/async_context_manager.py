import asyncio

class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("opening", self.name)
        await asyncio.sleep(0.5)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("closing", self.name, "error:", exc_type.__name__ if exc_type else None)
        await asyncio.sleep(0.1)
        return False

async def main():
    async with Connection("db") as conn:
        print("using", conn.name, asyncio.get_running_loop().time())
    try:
        async with Connection("cache"):
            raise RuntimeError("query failed")
    except RuntimeError as e:
        print("caught", e, asyncio.get_running_loop().time())

asyncio.run(main())
