# global and nonlocal in depth; comprehension and class-body scopes.
total = 0
history = []

def add(n):
    global total
    total += n
    history.append(n)
    return total

print(add(5), add(10), total, history)

def make_bank(balance):
    log = []

    def deposit(amount):
        nonlocal balance
        balance += amount
        log.append(("d", amount))
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            log.append(("refused", amount))
            return balance
        balance -= amount
        log.append(("w", amount))
        return balance

    def report():
        return balance, log

    return deposit, withdraw, report

dep, wd, rep = make_bank(100)
print(dep(50), wd(30), wd(500), rep())

def declare_later():
    global created_inside
    created_inside = "made by a function"

declare_later()
print(created_inside)

class Config:
    debug = False
    levels = [n for n in range(3)]
    label = "cfg" + str(len(levels))

print(Config.debug, Config.levels, Config.label)
k = 3
def reads_global_in_comprehension():
    return [k * i for i in range(3)]
print(reads_global_in_comprehension())
def counter():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    return step
s1, s2 = counter(), counter()
print(s1(), s1(), s2(), s1())
