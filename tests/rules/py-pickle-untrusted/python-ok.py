# bastion-fixture: app/session.py
# ok: py-pickle-untrusted
import json, pickle

def restore(request):
    return json.loads(request.COOKIES['state'])

def thaw(blob):
    return pickle.loads(blob)
