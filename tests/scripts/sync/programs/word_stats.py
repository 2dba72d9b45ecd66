# Word statistics: string methods, dict counting, sorting by several keys, formatting.
text = """The event loop runs one task at a time.
A task runs until it awaits; then the loop picks the next ready task.
Awaiting a future suspends the task until the future is done."""

words = [w.strip(".;,").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for word, n in top:
    print(f"{word:>8} {'#' * n} {n}")
print(len(words), len(freq), max(words, key=len), min(words, key=len))
lines = text.splitlines()
for i, line in enumerate(lines, 1):
    print(f"{i:02d} {len(line):3d} {line[:20]!r}")
by_len = {}
for w in sorted(set(words)):
    by_len.setdefault(len(w), []).append(w)
print({k: by_len[k] for k in sorted(by_len) if k >= 6})
caps = [w for w in text.split() if w[0].isupper()]
print(caps, " ".join(w.capitalize() for w in "a b c".split()))
print(text.count("task"), text.find("loop"), text.upper()[:9], text.title()[:14])
initials = "".join(w[0] for w in lines[0].split())
print(initials, initials.swapcase(), sorted(initials, key=str.lower))
