# bastion-fixture: app/session.py
import pickle

def restore(request):
# expect: py-pickle-untrusted
    return pickle.loads(request.COOKIES['state'])
