import time
print("working")
time.sleep(2.5)
print("still working")
time.sleep(0.5)
raise TimeoutError("took too long")
