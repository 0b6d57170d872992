# bastion-fixture: app/accounts.py
import hashlib

def set_password(user, password):
# expect: password-fast-hash
    user.password = hashlib.sha256(password.encode()).hexdigest()
# expect: password-fast-hash
    digest = hashlib.md5(request.POST['password'].encode())
