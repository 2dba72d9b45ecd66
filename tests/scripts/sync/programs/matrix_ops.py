# Nested lists as matrices: transpose, multiply, identity, pretty printing.
def transpose(m):
    return [list(row) for row in zip(*m)]

def matmul(a, b):
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

def show(m, title):
    print(title)
    for row in m:
        print("  " + " ".join(f"{v:5}" for v in row))

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(a, "a")
show(transpose(a), "a^T")
show(matmul(a, b), "a*b")
print(matmul(identity(2), [[2, 3], [4, 5]]) == [[2, 3], [4, 5]])
half = [[v / 2 for v in row] for row in a]
show(half, "a/2")
diag = [a[i][i] for i in range(min(len(a), len(a[0])))]
print(diag, sum(map(sum, a)), max(max(r) for r in b), [sum(c) for c in zip(*b)])
flat = [v for row in b for v in row]
print(flat, flat[::-2], [flat[i:i + 2] for i in range(0, len(flat), 2)])
