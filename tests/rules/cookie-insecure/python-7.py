# bastion-fixture: accounts/views.py
from django.conf import settings


def finish_login(response, session_key):
    # The session cookie's name kept in a setting: still a session, still judged.
    # expect: cookie-insecure
    response.set_cookie(settings.SESSION_COOKIE_NAME, session_key, httponly=True)
    return response
