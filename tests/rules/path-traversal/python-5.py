# bastion-fixture: app/api/builds.py
# bastion-changed: builds_service.repo.py
import shutil

from fastapi import APIRouter

from app.services.builds import build_dir_for

router = APIRouter()


@router.delete("/builds/{name}")
async def delete_build(name: str):
    # `build_dir_for` is defined by another file of this change, which joins the name
    # under the builds folder: the flow is seen whole and stays inline.
    # expect: path-traversal
    shutil.rmtree(build_dir_for(name), ignore_errors=True)
    return {"deleted": name}
