# random is seeded with 0 before the script runs (WORLD.md), like random.seed(0).
import random

print(random.random(), random.random())
print([random.randint(1, 10) for _ in range(10)])
print(random.choice("abcdef"), random.choice([10, 20, 30]))
print(random.uniform(1, 2), random.randrange(100), random.randrange(5, 50, 5))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample(["a", "b", "c"], 2))
print(round(random.uniform(0.5, 1.5), 3), random.randint(-5, 5))
