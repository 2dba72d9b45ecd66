import asyncio
import aiohttp

async def fetch(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            return url, resp.status, asyncio.get_running_loop().time()

async def main():
    for coro in asyncio.as_completed([fetch("https://python.org"), fetch("https://medium.com"),
                                      fetch("https://example.com/x")]):
        print(await coro)

asyncio.run(main())
