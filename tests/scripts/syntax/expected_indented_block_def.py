async def main():

print("never")
