print([1, 2] * 2)
print({"a": 1} + {"b": 2})
