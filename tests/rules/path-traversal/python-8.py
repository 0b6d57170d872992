# bastion-fixture: app/api/files.py
# FastAPI: `UploadFile.filename` is the client's text, separators included.
from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/files")
async def store(file: UploadFile):
    data = await file.read()
# expect: path-traversal
    with open(f"/srv/files/{file.filename}", "wb") as out:
        out.write(data)
    return {"stored": True}
