# bastion-fixture: accounts/views.py
# ok: cookie-insecure
from django.shortcuts import redirect


def sign_out(request):
    # Cookies being cleared on logout: an empty value, an age of 0, an expiry in 1970.
    response = redirect("/")
    response.set_cookie("sessionid", "", max_age=0)
    response.set_cookie("auth_token", value="", expires="Thu, 01 Jan 1970 00:00:00 GMT")
    response.set_cookie("remember_token", "gone", max_age=0)
    return response
