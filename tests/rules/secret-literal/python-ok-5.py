# bastion-fixture: app/accounts/views.py
# ok: secret-literal
from django.shortcuts import render


def profile(request):
    ctx = {"page": "profile"}
    if request.method == "POST" and "change_password" in request.POST:
        request.user.set_password(request.POST["password"])
        request.user.save()
        ctx["email_password_status"] = "success"
        ctx["password_reset_mode"] = "disabled"
    return render(request, "accounts/profile.html", ctx)
