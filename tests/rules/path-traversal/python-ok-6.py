# bastion-fixture: app/routes/attachments.py
# ok: path-traversal
import shutil

from fastapi import APIRouter
from fastapi.responses import FileResponse
from pydantic import UUID4

from app.core.dirs import ATTACHMENT_DIR

router = APIRouter()


# FastAPI parses the path parameter as a UUID (and rejects anything else) before the call.
@router.get("/attachments/{item_id}")
def get_attachment(item_id: UUID4):
    return FileResponse(ATTACHMENT_DIR / str(item_id) / "original.webp")


@router.delete("/attachments/{item_id}")
def delete_attachment(item_id: UUID4):
    shutil.rmtree(ATTACHMENT_DIR / str(item_id))
