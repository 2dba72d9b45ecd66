def work():
    try:
        print("working")
        raise ValueError("original")
    finally:
        print("cleanup")
        raise KeyError("cleanup failed")

work()
