# bastion-fixture: accounts/views.py
# ok: cookie-insecure
from django.conf import settings
from django.shortcuts import redirect

THEME_COOKIE_NAME = "ui-theme"


def save_preferences(request, profile):
    response = redirect("accounts:preferences")
    # Django's language cookie and a theme cookie, named by a setting and a constant:
    # preferences the page may read, no session or token in them.
    response.set_cookie(
        key=settings.LANGUAGE_COOKIE_NAME,
        value=profile.locale,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
    )
    response.set_cookie(THEME_COOKIE_NAME, profile.theme)
    return response
