# bastion-fixture: app/uploads/avatars.py
# The upload object itself is its bytes: Pillow reads the stream, no file is named.
from flask import Flask, request
from PIL import Image

app = Flask(__name__)


@app.route("/avatar", methods=["POST"])
def check_avatar():
    upload = request.files["avatar"]
# ok: path-traversal
    image = Image.open(upload)
    image.verify()
    return {"format": image.format}
