# time.sleep advances the virtual clock; time.time is 1700000000.0 + clock.
import time
from time import sleep, perf_counter

start = time.time()
print("start", start, time.monotonic(), perf_counter())
time.sleep(1.5)
print("after 1.5s", time.time() - start, time.monotonic())
sleep(0.25)
print("after 0.25s", time.perf_counter())
t0 = time.perf_counter()
for i in range(3):
    time.sleep(0.1)
    print("tick", i, round(time.perf_counter() - t0, 3))
elapsed = time.perf_counter() - t0
print(f"elapsed {elapsed:.2f}s", elapsed)
time.sleep(0)
print("sleep(0) costs nothing", time.monotonic())
print("partial line ", end="")
time.sleep(2)
print("finished 2s later")
print(time.time(), int(time.time()))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
