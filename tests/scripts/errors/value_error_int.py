for text in ["10", " 20 ", "3.5"]:
    print(int(text))
