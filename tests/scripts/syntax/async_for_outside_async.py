def main(source):
    async for x in source:
        print(x)
