# bastion-fixture: app/cache.py
# ok: weak-hash
import hashlib

def cache_key(url):
    a = hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()
    return a + hashlib.sha256(url.encode()).hexdigest()
