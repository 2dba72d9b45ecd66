# String literals, escapes and how repr() quotes them.
print('single', "double", '''triple''', """also triple""")
print(repr("it's"), repr('say "hi"'), repr('both \' and "'))
print(repr("tab\tnew\nline"), repr("back\\slash"), repr("\x00\x7f"))
print("tab\tsep", "a\\b")
print(repr("é"), repr("日本"), len("日本"), "日本"[1])
print(r"raw\n", repr(r"raw\n"))
s = "multi" \
    "part"
print(s, "adj" "acent")
print("""first
second""")
print(repr(""), repr(" "), str(None), repr(None))
print(repr(["a", 'b"c', "d'e"]))
print(repr({"key": "value"}), repr(("x",)))
print("\u00e9\u2192", repr("\u2192"), len("\u00e9"))
print(repr("\r\x1b"), "a\
b")
