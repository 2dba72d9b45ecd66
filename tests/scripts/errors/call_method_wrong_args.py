class Greeter:
    def hello(self, name):
        return "hi " + name

g = Greeter()
print(g.hello("ann"))
g.hello()
