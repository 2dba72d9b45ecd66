def connect(host, port=80):
    return f"{host}:{port}"

print(connect("example.com"))
print(connect("example.com", prot=8080))
