# bastion-fixture: app/crypto/vault.py
# ok: static-iv
import os

from Crypto.Cipher import AES


def seal(key: bytes, data: bytes) -> bytes:
    iv = os.urandom(16)
    return iv + AES.new(key, AES.MODE_CBC, iv).encrypt(data)
