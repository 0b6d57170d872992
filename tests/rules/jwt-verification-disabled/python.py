# bastion-fixture: app/auth.py
import jwt

def user_id(token):
# expect: jwt-verification-disabled
    claims = jwt.decode(token, options={"verify_signature": False})
# expect: jwt-verification-disabled
    other = jwt.decode(token, KEY, algorithms=["HS256", "none"])
    return claims["sub"], other
