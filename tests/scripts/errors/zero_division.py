# Output printed before an uncaught error must appear first.
print("computing ratios")
for d in [4, 2, 1, 0]:
    print(12 // d)
