# bastion-fixture: app/auth/token_parsing.py
# ok: secret-literal
# Seeds for the token parser: no signature, or no claims; neither authorises anything.
UNSIGNED = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9."
EMPTY_CLAIMS = "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJlLW9mLW5vdGhpbmc"
