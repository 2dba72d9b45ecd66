import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("http://user@www.example.com:8080/a/b?q=1") as resp:
            print(resp.status, resp.method, resp.url)
            body = await resp.text()
            for line in body.splitlines():
                print(line)

asyncio.run(main())
