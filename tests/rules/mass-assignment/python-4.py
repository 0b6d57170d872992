# bastion-fixture: accounts/views.py
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Profile


@login_required
@require_POST
def update_profile(request):
    fields = request.POST.dict()
    fields.pop("csrfmiddlewaretoken", None)
# expect: mass-assignment
    Profile.objects.filter(user=request.user).update(**fields)
    return JsonResponse({"ok": True})
