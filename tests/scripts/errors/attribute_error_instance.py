class Task:
    def __init__(self, name):
        self.name = name

t = Task("worker")
print(t.name)
print(t.result)
