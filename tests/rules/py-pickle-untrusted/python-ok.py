# bastion-fixture: app/session.py
# ok: py-pickle-untrusted
import json

def restore(cookie):
    return json.loads(cookie)
