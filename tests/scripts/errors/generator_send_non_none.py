def gen():
    x = yield 1
    print("got", x)

g = gen()
g.send("too early")
