# bastion-fixture: app/routes/exports.py
from fastapi import APIRouter
from fastapi.responses import FileResponse

from app.core.dirs import EXPORT_DIR

router = APIRouter()


@router.get("/exports/{name}")
def get_export(name: str):
    # expect: path-traversal
    return FileResponse(EXPORT_DIR / name)
