# bastion-fixture: accounts/views.py
import random

from django.http import JsonResponse

from accounts.models import PasswordReset


def forgot_password(request):
    user = find_user(request.POST["email"])
# expect: insecure-random
    PasswordReset.objects.create(user=user, code=random.randint(100000, 999999))
    return JsonResponse({"sent": True})
