# Strings as sequences: iteration, indexing, slicing, membership, comparison.
word = "asyncio"
for i, ch in enumerate(word):
    if ch in "aeiou":
        print(i, ch, ch.upper())
print(list(word), sorted(word), sorted(word, reverse=True))
print(word[0], word[-2], word[2:5], word[:3], word[3:], word[-3:])
print(word[1:-1:2], word[::-2], word[10:], word[-100:2])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(max("hello"), min("hello"), "".join(sorted(set("hello"))))
print([c * 2 for c in "abc"], tuple("xy"), set("aab") == {"a", "b"})
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(words, key=len), max(words, key=len))
print(" ".join(w[::-1] for w in words[:3]))
print("ab" < "abc", "b" > "abc", "A" < "a", str(123)[::-1])
print("x".join("123"), "a,b".split(",") + ["c"])
