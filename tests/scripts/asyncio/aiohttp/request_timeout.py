import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        try:
            async with asyncio.timeout(0.5):
                await session.get("https://dev.to")
        except TimeoutError:
            print("dev.to too slow at", asyncio.get_running_loop().time())
        resp = await asyncio.wait_for(session.get("https://google.com"), timeout=1)
        print("google", resp.status, asyncio.get_running_loop().time())

asyncio.run(main())
