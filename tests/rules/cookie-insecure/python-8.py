# bastion-fixture: accounts/views.py
def sign_in(response, token):
    # A token written with a lifetime, not cleared.
    # expect: cookie-insecure
    response.set_cookie("auth_token", token, max_age=3600, httponly=True)
    return response
