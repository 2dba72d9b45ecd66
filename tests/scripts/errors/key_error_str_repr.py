d = {"a": 1}
print(d.get("b"))
d.pop("it's")
