print("mentormatch")
