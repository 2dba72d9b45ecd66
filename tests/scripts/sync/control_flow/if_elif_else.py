# if / elif / else, conditional expressions, nested conditions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        if n % 2 == 0:
            return "small even"
        else:
            return "small odd"
    else:
        return "large"

for n in [-3, 0, 4, 7, 12]:
    print(n, classify(n))

x = 5
label = "big" if x > 3 else "small"
print(label, "even" if x % 2 == 0 else "odd" if x > 0 else "neg")
if x:
    print("truthy int")
if not []:
    print("empty list is falsy")
if x > 3 and x < 10 or x == 100:
    print("in range")
if None is None and not None:
    pass
else:
    print("unreachable")
grade = 85
if grade >= 90: print("A")
elif grade >= 80: print("B")
else: print("C")
print(1 if [] else 2, "a" or "b", "" or "b", 0 and 1, 2 and 3, None or 0)
