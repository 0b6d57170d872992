# bastion-fixture: app/crypto.py
from Crypto.Cipher import AES, DES

def seal(key, data):
# expect: weak-cipher
    a = AES.new(key, AES.MODE_ECB).encrypt(data)
# expect: weak-cipher
    return a + DES.new(key, DES.MODE_CBC, iv).encrypt(data)
