import asyncio
import aiohttp

async def fetch(session, url):
    async with session.get(url) as response:
        text = await response.text()
        print(f"{asyncio.get_running_loop().time():.3f} {url} {response.status} {len(text)} chars")
        return text

async def main():
    async with aiohttp.ClientSession() as session:
        for url in ["https://example.com", "https://www.python.org/downloads", "https://google.com"]:
            await fetch(session, url)

asyncio.run(main())
