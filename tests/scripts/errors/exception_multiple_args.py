print("args")
raise ValueError("bad", 42)
