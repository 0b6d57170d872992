# bastion-fixture: app/views/prefs.py
from django.http import HttpResponse


def remember(request):
    response = HttpResponse("ok")
# expect: cookie-insecure
    response.set_cookie("userid", request.user.pk)
# expect: cookie-insecure
    response.set_cookie("refresh_token", issue(), secure=True)
# expect: cookie-insecure
    response.set_cookie(key="visits", value="1", secure=False)
    return response
