# bastion-fixture: app/billing/views.py
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt


# expect: csrf-disabled
@csrf_exempt
def update_card(request):
    request.user.billing.update_card(request.POST["token"])
    return JsonResponse({"ok": True})
