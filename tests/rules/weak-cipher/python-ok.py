# bastion-fixture: app/crypto.py
# ok: weak-cipher
from Crypto.Cipher import AES

def seal(key, data):
    return AES.new(key, AES.MODE_GCM).encrypt_and_digest(data)
