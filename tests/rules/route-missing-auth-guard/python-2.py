# bastion-fixture: app/api/views.py
from rest_framework.permissions import AllowAny

class ExportView(APIView):
# expect: route-missing-auth-guard
    permission_classes = [AllowAny]
