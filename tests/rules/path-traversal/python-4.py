# bastion-fixture: app/api/builds.py
import json
import shutil
from pathlib import Path

from fastapi import APIRouter

router = APIRouter()
CACHE = Path("/var/cache/builds")


@router.post("/builds")
async def build(data: BuildRequest):
    # The requested version names the cache file: that is the traversal.
# expect: path-traversal
    with open(CACHE / f"release-{data.version}.json", encoding="utf-8") as fh:
        release = json.load(fh)
    # What the file holds was written by the server, not sent with the request.
    shutil.rmtree(CACHE / release["version"], ignore_errors=True)
    return {"version": release["version"]}
