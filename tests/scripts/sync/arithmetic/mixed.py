# Mixing int, float and bool; comparisons across types.
print(1 + 2.0, 3 * 0.5, 7 - True, True + 1.5)
print(10 / 5, type(10 / 5).__name__, type(10 // 5).__name__)
print(type(2 ** 3).__name__, type(2 ** -1).__name__, type(2.0 ** 3).__name__)
print(1 == 1.0, 2 < 2.5, 3 >= 3.0, True == 1, False == 0.0)
total = 0
for v in [1, 2.5, True, 4]:
    total += v
print(total)
prices = [19.99, 5.01, 0.1]
print(sum(prices), round(sum(prices), 2))
print(max(1, 2.0), min(2.0, 1), max(2, 2.0), min(2.0, 2))
print(abs(-3), abs(-3.0), -abs(0))
print(divmod(7.5, 2), divmod(-7, 2.0))
avg = sum([3, 4, 5]) / len([3, 4, 5])
print(avg, f"{avg:.2f}")
print(int(7 / 2), 7 // 2.0, float(7 // 2))
print(hex(255), oct(8), bin(10), hex(-1))
print(3 % 0.7, 1e3 == 1000, 0.1 * 10 == 1.0)
