"""Account endpoints: profile updates, password changes and password reset codes."""
import hashlib
import logging
import random
import secrets
import string
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.mail import send_mail
from django.utils import timezone
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import LegacyCredential, PasswordReset, Profile

User = get_user_model()
logger = logging.getLogger("accounts")


class ProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = Profile
        fields = ["display_name", "bio", "avatar_url", "timezone", "locale"]
        read_only_fields = ["locale"]


class ProfileView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response(ProfileSerializer(request.user.profile).data)

    def put(self, request):
        serializer = ProfileSerializer(request.user.profile, data=request.data)  # safe: CWE-915
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)

    def patch(self, request):
        profile = request.user.profile
        for field, value in request.data.items():
            setattr(profile, field, value)  # vuln: CWE-915
        profile.save()
        return Response(ProfileSerializer(profile).data)


def _legacy_digest(password):
    return hashlib.sha1(password.encode("utf-8")).hexdigest()  # vuln: CWE-328


class PasswordChangeView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        new_password = request.data.get("new_password", "")
        if len(new_password) < 12:
            return Response({"error": "password too short"}, status=status.HTTP_400_BAD_REQUEST)
        user = request.user
        user.password = make_password(new_password)  # safe: CWE-328
        user.save(update_fields=["password"])
        # keep the old SSO bridge in sync until it is retired
        LegacyCredential.objects.update_or_create(user=user, defaults={"digest": _legacy_digest(new_password)})
        return Response(status=status.HTTP_204_NO_CONTENT)


def _reset_code(length=6):
    return "".join(random.choice(string.digits) for _ in range(length))  # vuln: CWE-330


class PasswordResetRequestView(APIView):
    permission_classes = [AllowAny]

    def post(self, request):
        email = str(request.data.get("email", "")).strip().lower()
        user = User.objects.filter(email=email).first()
        if user is not None:
            reset = PasswordReset.objects.create(
                user=user,
                code=_reset_code(),
                link_token=secrets.token_urlsafe(32),  # safe: CWE-330
                expires_at=timezone.now() + timedelta(minutes=30),
            )
            send_mail("Your reset code", f"Your code is {reset.code}", None, [email])
        return Response(status=status.HTTP_202_ACCEPTED)


class PasswordResetConfirmView(APIView):
    permission_classes = [AllowAny]

    def post(self, request):
        reset = PasswordReset.objects.filter(
            code=request.data.get("code"), used=False, expires_at__gt=timezone.now()
        ).select_related("user").first()
        if reset is None:
            return Response({"error": "invalid or expired code"}, status=status.HTTP_400_BAD_REQUEST)
        reset.user.set_password(request.data.get("password", ""))
        reset.user.save()
        reset.used = True
        reset.save(update_fields=["used"])
        return Response(status=status.HTTP_204_NO_CONTENT)
