import asyncio
import aiohttp

async def main():
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as s:
        for method, url in [("post", "https://api.test/items"), ("put", "https://api.test/items/1"),
                            ("delete", "https://api.test/items/1"), ("head", "https://api.test/")]:
            start = loop.time()
            resp = await getattr(s, method)(url)
            print(resp.method, resp.url, resp.status, f"{loop.time() - start:.3f}")
    print("session closed:", s.closed)

asyncio.run(main())
