# Recursion: factorial, fibonacci with memo dict, tree walk, mutual recursion.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print([fact(n) for n in range(10)], fact(20))

memo = {}
def fib(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]

print(fib(30), fib(90), len(memo))

def depth(tree):
    if not isinstance(tree, list):
        return 0
    return 1 + max((depth(t) for t in tree), default=0)

print(depth(5), depth([]), depth([1, [2, [3]], [4]]))

def flatten(xs):
    out = []
    for x in xs:
        if isinstance(x, (list, tuple)):
            out.extend(flatten(x))
        else:
            out.append(x)
    return out

print(flatten([1, [2, (3, [4])], [], 5]))

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print(is_even(10), is_odd(7), is_even(301))

def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves

print(len(hanoi(6, "A", "C", "B", [])), hanoi(2, "A", "C", "B", []))
def countdown(n):
    if n == 0:
        return ["liftoff"]
    return [n] + countdown(n - 1)
print(countdown(5), len(countdown(500)))
