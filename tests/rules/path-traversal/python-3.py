# bastion-fixture: app/routes/exports.py
import os

from fastapi import APIRouter
from fastapi.responses import FileResponse

router = APIRouter()
TEMPLATES = "/srv/app/templates"


@router.get("/exports")
def export(template_name: str, allowed: str):
    if template_name not in allowed.split(","):
        raise ValueError("unknown template")
# expect: path-traversal
    return FileResponse(os.path.join(TEMPLATES, template_name))
