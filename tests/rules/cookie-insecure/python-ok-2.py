# bastion-fixture: app/views/prefs.py
# ok: cookie-insecure
from django.conf import settings
from django.http import HttpResponse

SESSION_COOKIE_SECURE = True


def remember(request):
    response = HttpResponse("ok")
    response.set_cookie("django_language", request.GET["lang"])
    response.set_cookie("userid", request.user.pk, secure=settings.SESSION_COOKIE_SECURE)
    response.set_cookie("sid", make_sid(), secure=True, httponly=True)
    response.set_cookie(**settings.COOKIE_DEFAULTS, key="visits", value="1")
    return response
