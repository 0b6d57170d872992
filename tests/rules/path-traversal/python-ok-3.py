# bastion-fixture: app/routes/exports.py
# ok: path-traversal
import os

from fastapi import APIRouter
from fastapi.responses import FileResponse

router = APIRouter()
TEMPLATES = "/srv/app/templates"


@router.get("/exports")
def export(template_name: str):
    if template_name not in os.listdir(TEMPLATES):
        raise ValueError("unknown template")
    return FileResponse(os.path.join(TEMPLATES, template_name))
