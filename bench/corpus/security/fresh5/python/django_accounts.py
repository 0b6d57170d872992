import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import authenticate, login
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from .models import PasswordResetRequest, LegacyCredential


@require_http_methods(["GET", "POST"])
def login_view(request):
    if request.method == "GET":
        return render(request, "accounts/login.html", {"next": request.GET.get("next", "/")})
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    if user is None:
        return render(request, "accounts/login.html", {"error": "Invalid credentials"}, status=401)
    login(request, user)
    next_url = request.POST.get("next") or "/"
    return redirect(next_url)  # vuln: CWE-601


def logout_redirect(request):
    target = request.GET.get("return_to", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        target = "/"
    return redirect(target)  # safe: CWE-601


@require_http_methods(["POST"])
def legacy_migrate(request):
    username = request.POST["username"]
    password = request.POST["password"]
    digest = hashlib.md5(password.encode("utf-8")).hexdigest()  # vuln: CWE-328
    LegacyCredential.objects.update_or_create(username=username, defaults={"password_digest": digest})
    return JsonResponse({"migrated": True})


@require_http_methods(["POST"])
def request_password_reset(request):
    email = request.POST.get("email", "").strip().lower()
    user = User.objects.filter(email=email).first()
    if user is not None:
        token = secrets.token_urlsafe(32)  # safe: CWE-330
        PasswordResetRequest.objects.create(user=user, token=token)
        send_mail(
            "Reset your password",
            f"{settings.SITE_URL}/accounts/reset/{token}/",
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )
    return JsonResponse({"status": "sent"})


def set_preferences(request):
    theme = request.GET.get("theme")
    if theme not in ("light", "dark", "system"):
        return HttpResponseBadRequest("unknown theme")
    response = JsonResponse({"theme": theme})
    response.set_cookie("remember_device", request.session.session_key, max_age=60 * 60 * 24 * 30, httponly=True, secure=False)  # vuln: CWE-614
    return response
