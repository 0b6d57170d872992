# bastion-fixture: app/integrations/views.py
# ok: ssrf
from urllib.parse import urlsplit

import requests
from django.http import HttpResponseBadRequest, JsonResponse

WEBHOOK_HOSTS = frozenset({"hooks.slack.com", "outlook.office.com"})


def test_webhook(request):
    target = urlsplit(request.POST["url"])
    if target.scheme != "https" or target.hostname not in WEBHOOK_HOSTS:
        return HttpResponseBadRequest("unsupported webhook host")
    reply = requests.post(target.geturl(), json={"text": "Test message"}, timeout=5)
    return JsonResponse({"status": reply.status_code})
