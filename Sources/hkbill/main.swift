print("hkbill")
