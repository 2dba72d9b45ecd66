def greet():
    print("hello", nmae)

print("before")
greet()
