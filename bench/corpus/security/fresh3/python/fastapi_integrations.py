"""Partner integrations: webhook registration, token introspection, catalogue sync."""
from typing import Optional
from urllib.parse import urlparse

import httpx
import jwt
import requests
from fastapi import APIRouter, Depends, Header, HTTPException
from pydantic import BaseModel, HttpUrl

router = APIRouter(prefix="/integrations")

CATALOGUE_API = "https://catalogue.partner-hub.example.com/v2"
CATALOGUE_API_KEY = "pk_live_7f3a9c2e41b84d0d9e6a5b1c08f2d7aa"  # vuln: CWE-798
ALLOWED_WEBHOOK_HOSTS = {"hooks.slack.com", "api.pagerduty.com", "outlook.office.com"}


class WebhookIn(BaseModel):
    name: str
    callback_url: HttpUrl
    secret: Optional[str] = None


class PingIn(BaseModel):
    target: str
    timeout: float = 3.0


def get_settings():
    from .config import settings
    return settings


def _claims_from_header(authorization: str) -> dict:
    token = authorization.removeprefix("Bearer ").strip()
    return jwt.decode(token, options={"verify_signature": False})  # vuln: CWE-347


def current_partner(authorization: str = Header(...), settings=Depends(get_settings)) -> dict:
    token = authorization.removeprefix("Bearer ").strip()
    try:
        key = settings.partner_jwt_secret
        claims = jwt.decode(token, key, algorithms=["HS256"], audience="integrations")  # safe: CWE-347
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="invalid token")
    return claims


@router.get("/whoami")
def whoami(authorization: str = Header(...)):
    claims = _claims_from_header(authorization)
    return {"partner": claims.get("sub"), "scopes": claims.get("scope", "").split()}


@router.post("/webhooks")
def register_webhook(body: WebhookIn, partner=Depends(current_partner)):
    url = str(body.callback_url)
    host = urlparse(url).hostname or ""
    if host not in ALLOWED_WEBHOOK_HOSTS:
        raise HTTPException(status_code=422, detail="callback host not allowed")
    probe = requests.post(url, json={"event": "ping", "partner": partner["sub"]}, timeout=5)  # safe: CWE-918
    return {"registered": body.name, "probe_status": probe.status_code}


@router.post("/ping")
def ping_endpoint(body: PingIn, partner=Depends(current_partner)):
    target = body.target
    if not target.startswith(("http://", "https://")):
        target = "https://" + target
    try:
        resp = httpx.get(target, timeout=body.timeout, follow_redirects=True)  # vuln: CWE-918
    except httpx.HTTPError as exc:
        return {"reachable": False, "error": type(exc).__name__}
    return {"reachable": True, "status": resp.status_code, "ms": resp.elapsed.total_seconds() * 1000}


@router.post("/catalogue/sync")
def sync_catalogue(partner=Depends(current_partner)):
    session = requests.Session()
    session.headers["X-Api-Key"] = CATALOGUE_API_KEY
    resp = session.get(f"{CATALOGUE_API}/products", params={"partner": partner["sub"]}, verify=False)  # vuln: CWE-295
    resp.raise_for_status()
    items = resp.json().get("items", [])
    return {"synced": len(items)}
