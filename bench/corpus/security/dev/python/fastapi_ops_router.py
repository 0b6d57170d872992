"""FastAPI router for operations endpoints."""

import os
import pickle
import subprocess
from base64 import b64decode
from pathlib import Path

from fastapi import APIRouter, Cookie, Header, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse

router = APIRouter()
EXPORTS = Path("/srv/exports")


@router.get("/ops/ping")
def ping(host: str = Query("localhost")):
    return {"rc": os.system("ping -c 1 " + host)}  # vuln: CWE-78


@router.get("/ops/ping-safe")
def ping_safe(host: str = Query("localhost")):
    return {"rc": subprocess.call(["ping", "-c", "1", host])}  # safe: CWE-78


@router.get("/ops/export")
def export(name: str):
    return FileResponse(EXPORTS / name)  # vuln: CWE-22


@router.get("/ops/export/{export_id}")
def export_by_id(export_id: int):
    return FileResponse(EXPORTS / f"{export_id}.csv")  # safe: CWE-22


@router.get("/ops/banner", response_class=HTMLResponse)
def banner(msg: str = ""):
    return f"<div class='banner'>{msg}</div>"  # vuln: CWE-79


@router.get("/ops/banner.json")
def banner_json(msg: str = ""):
    return {"banner": msg}  # safe: CWE-79


@router.get("/ops/go")
def go(to: str):
    return RedirectResponse(to)  # vuln: CWE-601


@router.post("/ops/state")
async def state(request: Request, x_state: str = Header("")):
    data = pickle.loads(b64decode(x_state))  # vuln: CWE-502
    return {"keys": list(data)}


@router.get("/ops/calc")
def calc(expr: str = Query(""), session: str = Cookie("")):
    return {"value": eval(expr)}  # vuln: CWE-95
