import asyncio

async def job(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise KeyError(name)
    return name

async def main():
    tasks = [asyncio.create_task(job("a", 1)), asyncio.create_task(job("b", 2, True)),
             asyncio.create_task(job("c", 3))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for t in done:
        print("done", t.get_name(), "exception:", repr(t.exception()))
    print("pending", [t.get_name() for t in pending])
    done, pending = await asyncio.wait(pending)
    print("rest", [t.result() for t in done], len(pending))

asyncio.run(main())
