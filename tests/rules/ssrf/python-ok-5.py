# bastion-fixture: app/api/webhooks.py
# ok: ssrf
# The callback's host must be one of the listed hosts before the probe is sent.
from urllib.parse import urlparse

import requests
from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, HttpUrl

router = APIRouter()
ALLOWED_WEBHOOK_HOSTS = {"hooks.partner-one.com", "events.partner-two.io"}


class WebhookIn(BaseModel):
    name: str
    callback_url: HttpUrl


@router.post("/webhooks")
def register_webhook(body: WebhookIn):
    url = str(body.callback_url)
    host = urlparse(url).hostname or ""
    if host not in ALLOWED_WEBHOOK_HOSTS:
        raise HTTPException(status_code=422, detail="callback host not allowed")
    probe = requests.post(url, json={"event": "ping"}, timeout=5)
    return {"registered": body.name, "probe_status": probe.status_code}
