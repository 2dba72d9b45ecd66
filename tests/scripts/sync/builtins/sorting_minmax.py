# sorted with key/reverse (stable), list.sort, min/max with key and default.
people = [("ann", 31), ("bob", 25), ("cy", 31), ("di", 19), ("ed", 25)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ["Banana", "apple", "cherry", "Apple", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
nums = [3, -7, 2, -1, 5]
print(sorted(nums, key=abs), sorted(nums, reverse=True), nums)
nums.sort(key=lambda n: n * n)
print(nums)
print(min(nums), max(nums), min(nums, key=abs), max(nums, key=abs))
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: p[1]))
print(max([], default="empty"), min([4], default=0), max("abc", "abd"), min(3, 1, 2))
print(max({"x": 1, "y": 5}, key=lambda k: {"x": 1, "y": 5}[k]))
print(sorted({3: "c", 1: "a"}), sorted("hello"), sorted((2, 1)), sorted({9, 4, 6}))
print(sorted([0.5, 1, -2.5, True]), sorted([[2, 1], [1, 9], [1, 2]]))
print(list(reversed([1, 2, 3])), list(reversed("ab")), list(reversed(range(3))))
