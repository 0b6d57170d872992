import json
import pickle
from base64 import b64decode
from typing import Any
from urllib.parse import urlparse

import httpx
import yaml
from fastapi import APIRouter, Body, Depends, HTTPException, Header
from pydantic import BaseModel, HttpUrl

from .auth import current_tenant

router = APIRouter(prefix="/integrations", tags=["integrations"])

ALLOWED_WEBHOOK_HOSTS = {"hooks.slack.com", "api.pagerduty.com"}


class PreviewRequest(BaseModel):
    url: HttpUrl
    timeout: float = 5.0


class WebhookTest(BaseModel):
    url: HttpUrl
    message: str


@router.post("/preview")
async def preview_link(req: PreviewRequest, tenant=Depends(current_tenant)):
    async with httpx.AsyncClient(follow_redirects=True) as client:
        resp = await client.get(str(req.url), timeout=req.timeout)  # vuln: CWE-918
    return {"status": resp.status_code, "title": resp.text[:200]}


@router.post("/webhooks/test")
async def test_webhook(req: WebhookTest, tenant=Depends(current_tenant)):
    host = urlparse(str(req.url)).hostname
    if host not in ALLOWED_WEBHOOK_HOSTS:
        raise HTTPException(status_code=400, detail="host not allowed")
    async with httpx.AsyncClient() as client:
        resp = await client.post(str(req.url), json={"text": req.message}, timeout=5)  # safe: CWE-918
    return {"delivered": resp.is_success}


@router.post("/state/import")
async def import_state(blob: str = Body(..., embed=True), tenant=Depends(current_tenant)):
    state = pickle.loads(b64decode(blob))  # vuln: CWE-502
    if not isinstance(state, dict):
        raise HTTPException(status_code=422, detail="bad state")
    return {"keys": sorted(state.keys())}


@router.post("/config/import")
async def import_config(document: str = Body(..., media_type="text/yaml"), tenant=Depends(current_tenant)):
    config: dict[str, Any] = yaml.safe_load(document)  # safe: CWE-502
    return {"sections": list(config or {})}


@router.get("/partner/{partner_id}/status")
async def partner_status(partner_id: int, x_trace_id: str = Header(default="")):
    async with httpx.AsyncClient(verify=False, timeout=10) as client:  # vuln: CWE-295
        resp = await client.get(f"https://partner-gateway.internal/partners/{partner_id}/status")
    data = json.loads(resp.text)
    return {"partner": partner_id, "healthy": data.get("ok", False), "trace": x_trace_id}
