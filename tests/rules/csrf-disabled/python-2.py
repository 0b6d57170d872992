# bastion-fixture: app/alerts/views.py
from django.core import signing
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt


# The token is only read, never verified: any site can post this form for a logged-in user.
# expect: csrf-disabled
@csrf_exempt
def unsubscribe(request, code, signed_token):
    token = signed_token.split(":")[0]
    Subscription.objects.filter(user=request.user, code=code, token=token).delete()
    return HttpResponse("unsubscribed")
