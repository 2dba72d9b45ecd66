import asyncio
import time
import aiohttp

URLS = ["https://example.com", "https://python.org", "https://wikipedia.org",
        "https://dev.to", "https://medium.com", "https://unknown-host.test/page"]

async def fetch(session, url):
    response = await session.get(url)
    print(f"{time.monotonic():.3f} {url} -> {response.status}")
    return url

async def main():
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        done = await asyncio.gather(*(fetch(session, u) for u in URLS))
    print(len(done), f"{time.perf_counter() - start:.3f}s")

asyncio.run(main())
