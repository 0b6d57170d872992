# bastion-fixture: app/uploads/views.py
# The name the client sent with its upload chooses where the file is written.
from flask import Flask, request
import os

app = Flask(__name__)


@app.route("/documents", methods=["POST"])
def upload_document():
    upload = request.files["doc"]
# expect: path-traversal
    upload.save(os.path.join("/srv/documents", upload.filename))
    return "stored"
