class Stop(Exception):
    pass

print("about to stop")
raise Stop
