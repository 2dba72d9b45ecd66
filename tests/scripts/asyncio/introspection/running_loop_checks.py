import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside:", e)
print("current_task outside:", end=" ")
try:
    print(asyncio.current_task())
except RuntimeError as e:
    print(e)

async def main():
    loop = asyncio.get_running_loop()
    print(loop.is_running(), asyncio.get_event_loop() is loop)
    print(type(asyncio.current_task()).__name__)

asyncio.run(main())
