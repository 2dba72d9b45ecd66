# while/else, for/else, break, continue, nested loops.
def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")

find([3, 5, 7], 5)
find([3, 5, 7], 4)

n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("while", n)
else:
    print("while finished normally with n =", n)

n = 10
while n:
    n -= 3
    if n < 3:
        print("break at", n)
        break
else:
    print("never printed")

for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1:
            break
        print("pair", i, j)

for ch in "":
    print("never")
else:
    print("empty for runs else")

total = 0
for i in range(10, 0, -2):
    total += i
print(total, list(range(0)), list(range(5, 0, -1)), list(range(-3, 3, 2)))
count = 0
while True:
    count += 1
    if count >= 4:
        break
print("count", count)
