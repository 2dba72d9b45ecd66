x = 5
if x:
    return x
