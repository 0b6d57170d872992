"""Partner integration endpoints: webhook tests, partner status, imports and wizard state."""
import base64
import os
import pickle
from typing import Optional

import jwt
import requests
from fastapi import APIRouter, Cookie, Depends, Header, HTTPException
from pydantic import BaseModel

router = APIRouter(prefix="/integrations", tags=["integrations"])

JWT_SECRET = os.environ["INTEGRATIONS_JWT_SECRET"]
PARTNER_TOKEN = os.environ.get("PARTNER_API_TOKEN", "")
PARTNER_BASE_URLS = {
    "acme": "https://api.acme-logistics.example",
    "globex": "https://partners.globex.example/v2",
}


class WebhookTest(BaseModel):
    callback_url: str
    event: str = "ping"


class ImportRequest(BaseModel):
    source: str
    dry_run: bool = True


def partner_from_token(authorization: str = Header(...)) -> dict:
    token = authorization.removeprefix("Bearer ").strip()
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"], audience="integrations")  # safe: CWE-347
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="invalid token")
    return claims


def partner_from_legacy_token(x_partner_token: str = Header(...)) -> dict:
    # legacy partners sign with their own keys; we only need the partner id from it
    claims = jwt.decode(x_partner_token, options={"verify_signature": False})  # vuln: CWE-347
    if "partner" not in claims:
        raise HTTPException(status_code=401, detail="missing partner claim")
    return claims


@router.post("/webhooks/test")
def send_test_webhook(body: WebhookTest, partner: dict = Depends(partner_from_token)):
    payload = {"event": body.event, "partner": partner["sub"], "test": True}
    resp = requests.post(body.callback_url, json=payload, timeout=5)  # vuln: CWE-918
    return {"delivered": resp.ok, "status": resp.status_code}


@router.get("/partners/{partner_key}/status")
def partner_status(partner_key: str, partner: dict = Depends(partner_from_token)):
    base_url = PARTNER_BASE_URLS.get(partner_key)
    if base_url is None:
        raise HTTPException(status_code=404, detail="unknown partner")
    resp = requests.get(f"{base_url}/status", headers={"Authorization": f"Bearer {PARTNER_TOKEN}"}, timeout=5)  # safe: CWE-918
    resp.raise_for_status()
    return {"partner": partner_key, "upstream": resp.json()}


@router.post("/imports")
def start_import(body: ImportRequest, partner: dict = Depends(partner_from_legacy_token)):
    if body.source not in ("orders", "stock", "prices"):
        raise HTTPException(status_code=400, detail="unknown source")
    return {"queued": True, "partner": partner["partner"], "source": body.source, "dry_run": body.dry_run}


@router.get("/wizard/resume")
def resume_wizard(wizard_state: Optional[str] = Cookie(None)):
    if not wizard_state:
        return {"step": 1}
    state = pickle.loads(base64.urlsafe_b64decode(wizard_state))  # vuln: CWE-502
    return {"step": state.get("step", 1), "partner": state.get("partner"), "answers": state.get("answers", {})}
