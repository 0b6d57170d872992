"""Account self-service views (profile edit, invite codes, greeting widget)."""
import random
import secrets
import string

from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from .models import Invite, Profile, Team

EDITABLE_PROFILE_FIELDS = ("display_name", "timezone", "locale", "bio")


def _invite_code(length=8):
    alphabet = string.ascii_uppercase + string.digits
    return "".join(random.choice(alphabet) for _ in range(length))  # vuln: CWE-330


def _api_token():
    return secrets.token_urlsafe(32)  # safe: CWE-330


@login_required
@require_POST
def update_profile(request):
    profile = get_object_or_404(Profile, user=request.user)
    for field in EDITABLE_PROFILE_FIELDS:
        if field in request.POST:
            setattr(profile, field, request.POST[field])  # safe: CWE-915
    profile.save()
    return redirect("accounts:profile")


@login_required
@require_POST
def update_team(request, team_id):
    team = get_object_or_404(Team, pk=team_id, owner=request.user)
    changes = request.POST.dict()
    changes.pop("csrfmiddlewaretoken", None)
    Team.objects.filter(pk=team.pk).update(**changes)  # vuln: CWE-915
    return JsonResponse({"ok": True})


@login_required
@require_POST
def create_invite(request):
    email = request.POST["email"].strip().lower()
    invite = Invite.objects.create(
        team=request.user.profile.team,
        email=email,
        code=_invite_code(),
        created_by=request.user,
    )
    send_mail(
        "You have been invited",
        f"Use code {invite.code} to join {invite.team.name}.",
        "noreply@example.com",
        [email],
    )
    return JsonResponse({"id": invite.pk})


@login_required
@require_POST
def rotate_token(request):
    profile = request.user.profile
    profile.api_token = _api_token()
    profile.save(update_fields=["api_token"])
    return JsonResponse({"token": profile.api_token})


def greeting_widget(request):
    name = request.GET.get("name", "friend")
    theme = request.GET.get("theme", "light")
    body = "<div class='greet greet-%s'>Welcome back, %s!</div>" % (theme, name)
    return HttpResponse(body)  # vuln: CWE-79


def team_badge(request, team_id):
    team = get_object_or_404(Team, pk=team_id)
    label = request.GET.get("label", team.name)
    html = format_html("<span class='badge' title='{}'>{}</span>", label, team.name)  # safe: CWE-79
    return HttpResponse(html)


@login_required
def profile(request):
    profile = get_object_or_404(Profile, user=request.user)
    invites = Invite.objects.filter(created_by=request.user).order_by("-created_at")[:20]
    return render(request, "accounts/profile.html", {"profile": profile, "invites": invites})
