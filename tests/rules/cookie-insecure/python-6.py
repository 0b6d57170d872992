# bastion-fixture: app/auth.py
def login_response(response, token):
    # expect: cookie-insecure
    response.set_cookie("auth_token", token, httponly=True)
    return response
