# Explicit seeds give CPython's Mersenne Twister results; reseeding repeats them.
import random
from random import randint, choice

random.seed(42)
a = [random.random() for _ in range(3)]
print(a)
random.seed(42)
print(a == [random.random() for _ in range(3)])
random.seed(1)
print([randint(0, 100) for _ in range(8)])
print(choice(["red", "green", "blue"]), random.randrange(10), random.randrange(0, 1000, 7))
random.seed(2024)
items = ["a", "b", "c", "d", "e", "f"]
random.shuffle(items)
print(items, random.sample(items, 3))
print(random.uniform(10, 20), random.uniform(5, -5))
random.seed(7)
print([round(random.random(), 4) for _ in range(5)])
print([random.randint(1, 6) for _ in range(12)])
random.seed(123456789)
print(random.randrange(1, 1000000), random.randint(0, 2 ** 40))
random.seed(0)
print(random.random(), random.randint(1, 3))
delays = [random.uniform(0.1, 0.5) for _ in range(3)]
print([f"{d:.3f}" for d in delays])
