"""Export service."""

import os
import subprocess

from fastapi import APIRouter, Cookie, Form, Header, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from pydantic import BaseModel

router = APIRouter()
EXPORTS = "/srv/exports"


class ExportJob(BaseModel):
    fmt: str
    target: str


@router.post("/export")
def export(job: ExportJob):
    subprocess.run(f"exporter --fmt {job.fmt} --out {job.target}", shell=True)  # vuln: CWE-78
    return {"ok": True}


@router.post("/upload-name")
def upload_name(filename: str = Form(...)):
    return FileResponse(os.path.join(EXPORTS, filename))  # vuln: CWE-22


@router.get("/agent")
def agent(user_agent: str = Header(None)):
    os.system("log-agent '%s'" % user_agent)  # vuln: CWE-78
    return {}


@router.get("/theme", response_class=HTMLResponse)
def theme(theme: str = Cookie("light")):
    return f"<body class='{theme}'>"  # vuln: CWE-79


@router.get("/json-echo")
def json_echo(q: str):
    return f"<b>{q}</b>"  # safe: CWE-79


@router.post("/raw")
async def raw(request: Request):
    body = await request.body()
    cmd = body.decode().strip()
    os.system(cmd)  # vuln: CWE-78
    return {}


@router.get("/count/{n}")
def count(n: int):
    os.system(f"seq {n}")  # safe: CWE-78
    return {}
