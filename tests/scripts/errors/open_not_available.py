print("trying to open a file")
with open("data.txt") as f:
    print(f.read())
