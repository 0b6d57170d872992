"""FastAPI endpoints that set cookies and redirect."""

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

router = APIRouter()


@router.post("/login")
def login(response: Response, username: str = Form(...)):
    response.set_cookie(key="session", value=issue(username))  # vuln: CWE-614
    return {"ok": True}


@router.post("/login/secure")
def login_secure(response: Response, username: str = Form(...)):
    response.set_cookie(key="session", value=issue(username), secure=True, httponly=True)  # safe: CWE-614
    return {"ok": True}


@router.post("/login/script")
def login_script(response: Response, username: str = Form(...)):
    response.set_cookie("refresh_token", issue(username), secure=True, httponly=False)  # vuln: CWE-1004
    return {"ok": True}


@router.get("/search", response_class=HTMLResponse)
async def search(request: Request):
    q = request.query_params.get("q", "")
    return HTMLResponse(f"<h1>Results for {q}</h1>")  # vuln: CWE-79


@router.get("/search.json")
async def search_json(request: Request):
    q = request.query_params.get("q", "")
    return {"q": q}  # safe: CWE-79


@router.get("/continue")
async def cont(request: Request):
    nxt = request.query_params.get("next", "/")
    return RedirectResponse(url=nxt)  # vuln: CWE-601


@router.get("/continue/named")
async def cont_named(request: Request):
    return RedirectResponse(url=request.url_for("home"))  # safe: CWE-601


def issue(user): ...
