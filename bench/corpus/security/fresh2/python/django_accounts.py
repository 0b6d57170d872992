"""accounts/views.py -- login, profile and preferences views."""
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import NotificationPreference, Profile

logger = logging.getLogger(__name__)

DEFAULT_LANDING = "/dashboard/"


def login_view(request):
    if request.method == "GET":
        return render(request, "accounts/login.html", {"next": request.GET.get("next", "")})
    user = authenticate(request, username=request.POST.get("username"), password=request.POST.get("password"))
    if user is None:
        messages.error(request, "Invalid credentials")
        return redirect("accounts:login")
    login(request, user)
    next_url = request.POST.get("next") or DEFAULT_LANDING
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(next_url)  # safe: CWE-601
    return redirect(DEFAULT_LANDING)


def switch_workspace(request):
    workspace = request.GET.get("ws")
    request.session["workspace"] = workspace
    back_to = request.GET.get("return_to", DEFAULT_LANDING)
    return redirect(back_to)  # vuln: CWE-601


@login_required
def greeting_banner(request):
    display = request.GET.get("display_name") or request.user.get_full_name()
    banner = "<div class='banner'>Welcome back, %s!</div>" % display
    return HttpResponse(banner)  # vuln: CWE-79


@login_required
def team_badge(request):
    team = request.GET.get("team", "")
    role = request.user.profile.role
    html = format_html("<span class='badge'>{} &middot; {}</span>", team, role)  # safe: CWE-79
    return HttpResponse(html)


@login_required
@require_POST
def update_profile(request):
    fields = request.POST.dict()
    fields.pop("csrfmiddlewaretoken", None)
    Profile.objects.filter(user=request.user).update(**fields)  # vuln: CWE-915
    logger.info("profile updated for user %s", request.user.pk)
    return JsonResponse({"ok": True})


@csrf_exempt  # vuln: CWE-352
@login_required
def notification_settings(request):
    if request.method != "POST":
        prefs = NotificationPreference.objects.filter(user=request.user).values("channel", "enabled")
        return JsonResponse({"prefs": list(prefs)})
    channel = request.POST.get("channel")
    if channel not in {"email", "sms", "push"}:
        return HttpResponseBadRequest("unknown channel")
    enabled = request.POST.get("enabled") == "1"
    NotificationPreference.objects.update_or_create(user=request.user, channel=channel, defaults={"enabled": enabled})
    return JsonResponse({"ok": True, "channel": channel, "enabled": enabled})


@login_required
def support_contact(request):
    return render(request, "accounts/support.html", {"email": settings.SUPPORT_EMAIL})
