# interrupt-at: 2.5
import time

print("sleeping in steps")
for i in range(5):
    time.sleep(1)
    print("slept", i + 1)
print("finished")
