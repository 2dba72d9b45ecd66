import asyncio
import time

import aiohttp

URLS = [
    "https://example.com",    # 0.4 s
    "https://python.org",     # 0.5 s
    "https://google.com",     # 0.3 s
    "https://wikipedia.org",  # 0.6 s
    "https://medium.com",     # 0.3 s
    "https://dev.to",         # 0.9 s
]


async def fetch(session, limit, url):
    async with limit:  # at most two requests in flight
        print(f"start {url}")
        async with session.get(url) as response:
            page = await response.text()
        print(f"done  {url} ({response.status}, {len(page)} chars)")
        return len(page)


async def main():
    limit = asyncio.Semaphore(2)
    start = time.monotonic()
    async with aiohttp.ClientSession() as session:
        sizes = await asyncio.gather(*(fetch(session, limit, url) for url in URLS))
    print(f"{len(sizes)} pages, {sum(sizes)} chars in {time.monotonic() - start:.1f}s")


asyncio.run(main())
