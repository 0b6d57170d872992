# bastion-fixture: app/api/views.py
# ok: route-missing-auth-guard
from rest_framework.permissions import AllowAny

class SignupView(APIView):
    permission_classes = [AllowAny]
