"""Partner webhooks and status checks (FastAPI service)."""
import base64
import os
import pickle
from typing import Optional

import httpx
import jwt
import requests
from fastapi import APIRouter, Cookie, Depends, Header, HTTPException
from pydantic import BaseModel, HttpUrl

router = APIRouter(prefix="/integrations", tags=["integrations"])

PARTNER_HOSTS = {
    "acme": "api.acme-logistics.com",
    "globex": "hooks.globex.io",
    "initech": "status.initech.net",
}
SIGNING_KEY = os.environ["PARTNER_JWT_KEY"]
LEGACY_BILLING_URL = os.environ.get("LEGACY_BILLING_URL", "https://billing.internal.example/api")


class WebhookRegistration(BaseModel):
    partner: str
    callback_url: HttpUrl
    events: list[str] = []


class PartnerClaims(BaseModel):
    sub: str
    partner: str
    scope: Optional[str] = None


def partner_claims(authorization: str = Header(...)) -> PartnerClaims:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status_code=401)
    try:
        data = jwt.decode(token, SIGNING_KEY, algorithms=["HS256"], audience="integrations")  # safe: CWE-347
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="invalid token")
    return PartnerClaims(**data)


@router.post("/webhooks")
def register_webhook(reg: WebhookRegistration, claims: PartnerClaims = Depends(partner_claims)):
    if reg.partner != claims.partner:
        raise HTTPException(status_code=403)
    probe_url = str(reg.callback_url)
    # ping the callback once so partners find out early if it is unreachable
    resp = requests.get(probe_url, timeout=5)  # vuln: CWE-918
    return {"registered": True, "probe_status": resp.status_code, "events": reg.events}


@router.get("/partners/{partner}/status")
async def partner_status(partner: str, claims: PartnerClaims = Depends(partner_claims)):
    host = PARTNER_HOSTS.get(partner)
    if host is None:
        raise HTTPException(status_code=404, detail="unknown partner")
    async with httpx.AsyncClient(timeout=5.0) as client:
        resp = await client.get(f"https://{host}/v1/health")  # safe: CWE-918
    return {"partner": partner, "healthy": resp.status_code == 200}


@router.post("/billing/sync")
def sync_billing(claims: PartnerClaims = Depends(partner_claims)):
    session = requests.Session()
    payload = {"partner": claims.partner, "requested_by": claims.sub}
    resp = session.post(f"{LEGACY_BILLING_URL}/sync", json=payload, timeout=10, verify=False)  # vuln: CWE-295
    resp.raise_for_status()
    return resp.json()


@router.get("/cart/restore")
def restore_cart(cart_state: Optional[str] = Cookie(default=None)):
    if not cart_state:
        return {"items": []}
    raw = base64.urlsafe_b64decode(cart_state.encode())
    cart = pickle.loads(raw)  # vuln: CWE-502
    return {"items": cart.get("items", []), "coupon": cart.get("coupon")}
