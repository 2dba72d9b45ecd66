print("empty string message")
raise ValueError("")
