# bastion-fixture: app/alerts/views.py
# ok: csrf-disabled
import hmac

from django.core import signing
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt


# Mail clients POST a one-click unsubscribe without a CSRF token; the signed link is
# what authorises it.
@csrf_exempt
def unsubscribe(request, code, signed_token):
    try:
        signing.TimestampSigner(salt="alerts").unsign(signed_token, max_age=86400)
    except signing.BadSignature:
        return HttpResponse(status=400)
    Subscription.objects.filter(code=code).delete()
    return HttpResponse("unsubscribed")


@csrf_exempt
def webhook(request):
    expected = hmac.new(SECRET, request.body, "sha256").hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        return HttpResponse(status=403)
    return HttpResponse("ok")
