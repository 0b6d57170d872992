"""Document storage service (FastAPI)."""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import shlex
import subprocess
import tempfile
from pathlib import Path

import httpx
import jwt
from Crypto.Cipher import AES
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from jinja2 import Environment
from sqlalchemy import text
from sqlalchemy.orm import Session

from .db import get_session

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])  # vuln: CWE-942
log = logging.getLogger("documents")

STORAGE = Path("/srv/documents").resolve()
JWT_SECRET = "documents-jwt-secret"  # vuln: CWE-798
JWT_SECRET_ENV = os.environ["DOCUMENTS_JWT_SECRET"]  # safe: CWE-798
AES_KEY = bytes.fromhex(os.environ["DOCUMENTS_AES_KEY"])
STATIC_IV = b"\x00" * 16


def current_user(authorization: str = Header(...)) -> dict:
    token = authorization.removeprefix("Bearer ")
    return jwt.decode(token, options={"verify_signature": False})  # vuln: CWE-347


def current_user_verified(authorization: str = Header(...)) -> dict:
    token = authorization.removeprefix("Bearer ")
    return jwt.decode(token, JWT_SECRET_ENV, algorithms=["HS256"])  # safe: CWE-347


@app.get("/documents")
def list_documents(owner: str, db: Session = Depends(get_session)):
    rows = db.execute(text(f"SELECT id, title FROM documents WHERE owner = '{owner}'")).all()  # vuln: CWE-89
    return [dict(r._mapping) for r in rows]


@app.get("/documents/safe")
def list_documents_safe(owner: str, db: Session = Depends(get_session)):
    rows = db.execute(text("SELECT id, title FROM documents WHERE owner = :owner"), {"owner": owner}).all()  # safe: CWE-89
    return [dict(r._mapping) for r in rows]


@app.get("/documents/recent")
def recent_documents(limit: int = Query(20, le=100), db: Session = Depends(get_session)):
    rows = db.execute(text(f"SELECT id, title FROM documents ORDER BY created_at DESC LIMIT {limit}")).all()  # safe: CWE-89
    return [dict(r._mapping) for r in rows]


@app.get("/documents/{doc_id}/raw")
def raw_document(doc_id: str, name: str):
    return FileResponse(STORAGE / doc_id / name)  # vuln: CWE-22


@app.get("/documents/{doc_id}/raw-safe")
def raw_document_safe(doc_id: int, name: str):
    target = (STORAGE / str(doc_id) / name).resolve()
    if not target.is_relative_to(STORAGE):
        raise HTTPException(404)
    return FileResponse(target)  # safe: CWE-22


@app.post("/documents/{doc_id}/convert")
def convert(doc_id: int, fmt: str):
    os.system(f"libreoffice --headless --convert-to {fmt} /srv/documents/{doc_id}/source.docx")  # vuln: CWE-78
    return {"ok": True}


@app.post("/documents/{doc_id}/convert-quoted")
def convert_quoted(doc_id: int, fmt: str):
    subprocess.run(f"libreoffice --headless --convert-to {shlex.quote(fmt)} /srv/documents/{doc_id}/source.docx", shell=True, check=True)  # safe: CWE-78
    return {"ok": True}


@app.post("/documents/compute")
def compute(expression: str):
    return {"value": eval(expression)}  # vuln: CWE-95


@app.post("/documents/compute-literal")
def compute_literal(expression: str):
    import ast

    return {"value": ast.literal_eval(expression)}  # safe: CWE-95


@app.post("/documents/fetch")
async def fetch_remote(url: str):
    async with httpx.AsyncClient() as client:
        resp = await client.get(url)  # vuln: CWE-918
    return {"size": len(resp.content)}


@app.get("/documents/login-callback")
def login_callback(next: str = "/"):
    return RedirectResponse(next)  # vuln: CWE-601


@app.get("/documents/login-callback-safe")
def login_callback_safe(next: str = "/"):
    if not next.startswith("/") or next.startswith("//") or "\\" in next:
        next = "/"
    return RedirectResponse(next)  # safe: CWE-601


@app.get("/documents/title", response_class=HTMLResponse)
def title(t: str):
    return HTMLResponse(f"<title>{t}</title>")  # vuln: CWE-79


@app.get("/documents/render", response_class=HTMLResponse)
def render(greeting: str):
    env = Environment(autoescape=False)  # vuln: CWE-79
    return env.from_string("<p>{{ g }}</p>").render(g=greeting)


@app.get("/documents/render-user-template", response_class=HTMLResponse)
def render_user_template(body: str):
    env = Environment(autoescape=True)
    return env.from_string(body).render()  # vuln: CWE-1336


@app.post("/documents/{doc_id}/audit")
async def audit(doc_id: int, request: Request):
    agent = request.headers.get("user-agent", "")
    log.info("document %s opened by %s", doc_id, agent)  # vuln: CWE-117
    return {"ok": True}


@app.post("/documents/upload")
async def upload(request: Request):
    body = await request.body()
    with tempfile.NamedTemporaryFile(delete=False, dir=STORAGE) as fh:  # safe: CWE-377
        fh.write(body)
    os.chmod(fh.name, 0o644)  # safe: CWE-732
    return {"name": os.path.basename(fh.name)}


@app.post("/documents/upload-shared")
async def upload_shared(request: Request):
    body = await request.body()
    path = "/tmp/upload-" + secrets.token_hex(4)
    with open(path, "wb") as fh:  # vuln: CWE-377
        fh.write(body)
    os.chmod(path, 0o666)  # vuln: CWE-732
    return {"name": path}


def encrypt_static(data: bytes) -> bytes:
    return AES.new(AES_KEY, AES.MODE_CBC, iv=STATIC_IV).encrypt(data)  # vuln: CWE-329


def encrypt_ecb(data: bytes) -> bytes:
    return AES.new(AES_KEY, AES.MODE_ECB).encrypt(data)  # vuln: CWE-327


def encrypt_gcm(data: bytes) -> bytes:
    cipher = AES.new(AES_KEY, AES.MODE_GCM)  # safe: CWE-327
    ciphertext, tag = cipher.encrypt_and_digest(data)
    return cipher.nonce + tag + ciphertext


def share_link_token() -> str:
    return secrets.token_urlsafe(32)  # safe: CWE-330


def document_checksum(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()  # safe: CWE-328


def api_key_digest(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()  # vuln: CWE-328
