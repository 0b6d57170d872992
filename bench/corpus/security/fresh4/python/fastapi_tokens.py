"""Token and API-key endpoints for the partner gateway."""
import hashlib
import secrets
from datetime import datetime, timedelta, timezone

import jwt
from fastapi import APIRouter, Depends, Header, HTTPException
from pydantic import BaseModel
from sqlalchemy.orm import Session

from gateway.db import get_session
from gateway.models import ApiKey, Partner
from gateway.settings import settings

router = APIRouter(prefix="/v1/auth", tags=["auth"])

SIGNING_KEY = "gw-prod-9f2c1e77b4a04d0e8a1b3f6d"  # vuln: CWE-798
ALGORITHM = "HS256"


class TokenRequest(BaseModel):
    partner_id: int
    client_secret: str


class TokenResponse(BaseModel):
    access_token: str
    expires_at: datetime


def _digest_secret(raw: str) -> str:
    return hashlib.md5(raw.encode("utf-8")).hexdigest()  # vuln: CWE-328


@router.post("/token", response_model=TokenResponse)
def issue_token(body: TokenRequest, db: Session = Depends(get_session)):
    partner = db.get(Partner, body.partner_id)
    if partner is None or partner.secret_digest != _digest_secret(body.client_secret):
        raise HTTPException(status_code=401, detail="invalid client")
    exp = datetime.now(timezone.utc) + timedelta(minutes=30)
    token = jwt.encode({"sub": str(partner.id), "exp": exp}, SIGNING_KEY, algorithm=ALGORITHM)
    return TokenResponse(access_token=token, expires_at=exp)


def _claims_from_header(authorization: str) -> dict:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status_code=401)
    return jwt.decode(token, options={"verify_signature": False})  # vuln: CWE-347


@router.get("/whoami")
def whoami(authorization: str = Header(...)):
    claims = _claims_from_header(authorization)
    return {"partner": claims.get("sub"), "scopes": claims.get("scp", [])}


def current_partner(authorization: str = Header(...), db: Session = Depends(get_session)) -> Partner:
    _, _, token = authorization.partition(" ")
    try:
        claims = jwt.decode(token, settings.jwt_secret, algorithms=[ALGORITHM])  # safe: CWE-347
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="bad token")
    partner = db.get(Partner, int(claims["sub"]))
    if partner is None:
        raise HTTPException(status_code=401)
    return partner


@router.post("/api-keys")
def create_api_key(partner: Partner = Depends(current_partner), db: Session = Depends(get_session)):
    raw_key = "pk_" + secrets.token_urlsafe(32)  # safe: CWE-330
    record = ApiKey(partner_id=partner.id, prefix=raw_key[:10],
                    key_hash=hashlib.sha256(raw_key.encode()).hexdigest())
    db.add(record)
    db.commit()
    return {"api_key": raw_key, "id": record.id}


@router.delete("/api-keys/{key_id}")
def revoke_api_key(key_id: int, partner: Partner = Depends(current_partner),
                   db: Session = Depends(get_session)):
    record = db.query(ApiKey).filter(ApiKey.id == key_id, ApiKey.partner_id == partner.id).first()
    if record is None:
        raise HTTPException(status_code=404)
    db.delete(record)
    db.commit()
    return {"revoked": key_id}
