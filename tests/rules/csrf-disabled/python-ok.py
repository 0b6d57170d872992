# bastion-fixture: app/billing/views.py
# ok: csrf-disabled
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def update_card(request):
    request.user.billing.update_card(request.POST["token"])
    return JsonResponse({"ok": True})
