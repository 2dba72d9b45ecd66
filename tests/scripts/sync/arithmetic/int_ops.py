# Integer arithmetic: floor division and modulo follow the sign of the divisor.
a, b = 17, 5
print(a + b, a - b, a * b, a / b)
print(a // b, a % b, divmod(a, b))
print(-17 // 5, -17 % 5, divmod(-17, 5))
print(17 // -5, 17 % -5, divmod(17, -5))
print(-17 // -5, -17 % -5)
print(2 ** 10, 2 ** 0, (-2) ** 3, -2 ** 2)
print(2 ** -1, 10 ** -2, (-2) ** -2)
print(7 // 1, 0 // 3, 0 % 7)
print(abs(-42), abs(7), -(-3))
print(1 << 10, 1024 >> 3, -16 >> 2)
print(6 & 3, 6 | 3, 6 ^ 3, ~5)
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x %= 3
print(x)
y = 3
y **= 4
print(y)
print(int(True) + True, True * 10, False - 1)
print(9007199254740993, -9223372036854775807)
print(1_000_000 + 0x1F + 0o17 + 0b101)
print(round(7 / 2), round(5 / 2), round(-2.5), round(3.14159, 2))
print(max(3, 9, 1), min(3, 9, 1), sum([1, 2, 3, 4]))
print(pow(3, 4), pow(2, 10, 1000))
