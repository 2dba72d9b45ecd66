# A traffic-light state machine: class attributes, dict dispatch, __str__, time.sleep.
import time

class Light:
    order = ["green", "yellow", "red"]
    durations = {"green": 3, "yellow": 1, "red": 2}

    def __init__(self):
        self.state = "red"
        self.changes = 0

    def advance(self):
        i = self.order.index(self.state)
        self.state = self.order[(i + 1) % len(self.order)]
        self.changes += 1

    def __str__(self):
        return f"[{self.state.upper():^8}]"

light = Light()
print("initial", light)
while light.changes < 5:
    light.advance()
    wait = Light.durations[light.state]
    print(f"t={time.monotonic():4.1f} {light} for {wait}s")
    time.sleep(wait)
print("changes", light.changes, "clock", time.monotonic())
handlers = {"green": lambda: "go", "yellow": lambda: "slow", "red": lambda: "stop"}
print([handlers[s]() for s in Light.order])
