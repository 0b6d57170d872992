# bastion-fixture: app/services/avatars.py
# ok: path-traversal
import io

from fastapi import APIRouter, UploadFile
from PIL import Image

router = APIRouter()


@router.post("/avatars")
async def upload_avatar(file: UploadFile):
    contents = await file.read()
    # The upload's bytes, opened from memory: no file name is involved.
    image = Image.open(io.BytesIO(contents))
    image.thumbnail((256, 256))
    return {"width": image.width}
