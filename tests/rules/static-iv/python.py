# bastion-fixture: app/crypto/vault.py
from Crypto.Cipher import AES

IV = b"vault-iv-000001!"


def seal(key: bytes, data: bytes) -> bytes:
# expect: static-iv
    return AES.new(key, AES.MODE_CBC, IV).encrypt(data)
