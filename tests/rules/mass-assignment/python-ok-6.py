# bastion-fixture: accounts/views.py
# ok: mass-assignment
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Profile

EDITABLE = ("display_name", "bio", "timezone")


@login_required
@require_POST
def update_profile(request):
    fields = {key: request.POST[key] for key in EDITABLE if key in request.POST}
    Profile.objects.filter(user=request.user).update(**fields)
    return JsonResponse({"ok": True})
