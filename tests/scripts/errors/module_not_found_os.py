print("importing os")
import os
print(os.getcwd())
