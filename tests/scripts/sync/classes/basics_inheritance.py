# Classes: __init__, methods, class attributes, single inheritance, super().
class Animal:
    kingdom = "animalia"
    count = 0

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return f"{self.name} says {self.sound}"

    def describe(self):
        return f"{type(self).__name__}({self.name}) of {self.kingdom}"

class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []

    def speak(self):
        return super().speak() + "!"

    def learn(self, trick):
        self.tricks.append(trick)
        return self

class Puppy(Dog):
    kingdom = "cute"

    def speak(self):
        return "tiny " + super().speak()

a = Animal("generic")
d = Dog("rex")
p = Puppy("bit")
for obj in (a, d, p):
    print(obj.speak(), "|", obj.describe())
print(d.learn("sit").learn("roll").tricks, p.tricks)
print(Animal.count, d.count, Animal.kingdom, Puppy.kingdom)
print(isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(type(p).__name__, type(p) is Puppy, type(p) == Dog)
d.kingdom = "own"
print(d.kingdom, Dog.kingdom, hasattr(d, "tricks"), hasattr(d, "wings"))
print(getattr(d, "name"), getattr(d, "wings", "none"))
setattr(d, "wings", 0)
print(d.wings)
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, Empty.__name__)
