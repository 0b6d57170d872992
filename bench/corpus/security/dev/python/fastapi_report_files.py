"""Reporting API for the analytics service."""

import os
import subprocess
from pathlib import Path

from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse

app = FastAPI()
REPORTS = Path("/srv/reports")


@app.get("/reports/{name}")
def get_report(name: str):
    return FileResponse(REPORTS / name)  # vuln: CWE-22


@app.get("/reports-safe/{name}")
def get_report_safe(name: str):
    target = (REPORTS / name).resolve()
    if not target.is_relative_to(REPORTS):
        return PlainTextResponse("no", status_code=404)
    return FileResponse(target)  # safe: CWE-22


@app.get("/count/{report_id}")
def count(report_id: int):
    return FileResponse(f"/srv/reports/{report_id}.csv")  # safe: CWE-22


@app.get("/hello", response_class=HTMLResponse)
def hello(who: str = Query("")):
    return HTMLResponse(f"<p>Hello {who}</p>")  # vuln: CWE-79


@app.get("/du")
def du(folder: str):
    out = subprocess.run(f"du -sh /srv/{folder}", shell=True, capture_output=True, text=True)  # vuln: CWE-78
    return {"out": out.stdout}


@app.get("/du-allowed")
def du_allowed(folder: str):
    allowed = {"logs", "cache", "tmp"}
    if folder not in allowed:
        return {"error": "bad folder"}
    out = subprocess.run(f"du -sh /srv/{folder}", shell=True, capture_output=True, text=True)  # safe: CWE-78
    return {"out": out.stdout}


@app.post("/ua")
async def ua(request: Request):
    agent = request.headers.get("user-agent", "")
    os.system("logger " + agent)  # vuln: CWE-78
    return {}


@app.post("/script")
async def script(request: Request):
    body = await request.json()
    expr = body["expr"]
    return {"value": eval(expr)}  # vuln: CWE-95
