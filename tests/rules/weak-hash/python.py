# bastion-fixture: app/auth.py
import hashlib

def hash_password(pw):
# expect: weak-hash
    return hashlib.md5(pw.encode()).hexdigest()
