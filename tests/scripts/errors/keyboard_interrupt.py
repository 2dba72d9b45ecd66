print("raising KeyboardInterrupt by hand")
raise KeyboardInterrupt
