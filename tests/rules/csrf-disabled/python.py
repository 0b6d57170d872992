# bastion-fixture: app/billing/views.py
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt


# expect: csrf-disabled
@csrf_exempt
def update_card(request):
    request.user.billing.update_card(request.POST["token"])
    return JsonResponse({"ok": True})


# A comment at the end of the decorator's line.
# expect: csrf-disabled
@csrf_exempt  # the mobile app posts here
def update_address(request):
    request.user.profile.update_address(request.POST["address"])
    return JsonResponse({"ok": True})
