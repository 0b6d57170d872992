# bastion-fixture: app/views/hooks.py
from django.views.decorators.csrf import csrf_exempt


# Only the payment provider posts here, signed; see verify_signature below.
# expect: csrf-disabled
@csrf_exempt
def payment_webhook(request):
    return handle(request)
