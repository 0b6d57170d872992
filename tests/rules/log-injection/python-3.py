# bastion-fixture: app/accounts/views.py
# A logger bound at module level under a name of its own; request text concatenated in.
import logging

from rest_framework.decorators import api_view
from rest_framework.response import Response

audit_log = logging.getLogger("accounts.audit")


@api_view(["POST"])
def password_reset_request(request):
    email = request.data.get("email", "")
# expect: log-injection
    audit_log.warning("password reset requested for " + email)
    return Response(status=202)
