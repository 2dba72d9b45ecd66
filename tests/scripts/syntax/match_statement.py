# awaitscope-expected: CPython accepts this; Awaitscope rejects `match` (see README.md).
command = "go"
match command:
    case "go":
        print("going")
    case _:
        print("unknown")
