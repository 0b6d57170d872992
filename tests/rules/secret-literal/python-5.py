# bastion-fixture: app/auth/tokens.py
# The JWT signing key is written into the module under its name.
import jwt

# expect: secret-literal
SIGNING_KEY = "gw-prod-9f2c1e77b4a04d0e8a1b3f6d"
ALGORITHM = "HS256"


def issue(sub: str) -> str:
    return jwt.encode({"sub": sub}, SIGNING_KEY, algorithm=ALGORITHM)
