def fetch(url, timeout):
    return url, timeout

print(fetch("a", 1))
fetch("b")
