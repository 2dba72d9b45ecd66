# property (getter/setter), classmethod, staticmethod, class attributes vs instance.
class Temperature:
    scale = "C"
    instances = []

    def __init__(self, celsius):
        self._celsius = celsius
        Temperature.instances.append(self)

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def is_valid(c):
        return c >= -273.15

    def __repr__(self):
        return f"Temperature({self._celsius!r})"

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("rejected:", e)
print(t.celsius)
f = Temperature.from_fahrenheit(212)
print(f, type(f).__name__, Temperature.is_valid(-300), t.is_valid(0))
print(len(Temperature.instances), Temperature.scale, t.scale)

class Kelvin(Temperature):
    scale = "K"

k = Kelvin.from_fahrenheit(32)
print(k, type(k).__name__, k.scale, len(Temperature.instances))
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
