"""Account profile API (Django REST framework)."""
import base64
import json
import logging
import pickle

from django.contrib.auth import get_user_model
from rest_framework import serializers, status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Profile, UiPreferences

audit_log = logging.getLogger("accounts.audit")
User = get_user_model()


class ProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = Profile
        fields = ["display_name", "bio", "timezone", "avatar_url"]  # safe: CWE-915
        read_only_fields = ["avatar_url"]


class ProfileView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response(ProfileSerializer(request.user.profile).data)

    def patch(self, request):
        serializer = ProfileSerializer(request.user.profile, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)


class AdminUserImportView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        created = []
        for entry in request.data.get("users", []):
            attrs = dict(entry)
            attrs.pop("password", None)
            user = User.objects.create(**attrs)  # vuln: CWE-915
            created.append(user.pk)
        return Response({"created": created}, status=status.HTTP_201_CREATED)


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def restore_preferences(request):
    blob = request.data.get("snapshot", "")
    raw = base64.b64decode(blob)
    prefs = pickle.loads(raw)  # vuln: CWE-502
    UiPreferences.objects.update_or_create(user=request.user, defaults={"data": prefs})
    return Response({"restored": True})


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def import_preferences(request):
    blob = request.data.get("snapshot", "")
    prefs = json.loads(base64.b64decode(blob).decode("utf-8"))  # safe: CWE-502
    if not isinstance(prefs, dict):
        return Response({"error": "invalid snapshot"}, status=400)
    UiPreferences.objects.update_or_create(user=request.user, defaults={"data": prefs})
    return Response({"imported": True})


@api_view(["POST"])
def password_reset_request(request):
    email = request.data.get("email", "")
    reason = request.data.get("reason", "forgotten")
    audit_log.warning("password reset requested for " + email + " reason=" + reason)  # vuln: CWE-117
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        user.profile.send_reset_link()
    return Response({"queued": True})


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def deactivate(request):
    request.user.is_active = False
    request.user.save(update_fields=["is_active"])
    audit_log.info("account deactivated user_id=%d", request.user.pk)
    return Response(status=status.HTTP_204_NO_CONTENT)
