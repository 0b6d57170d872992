# bastion-fixture: app/llm.py
# The request object's URL is a fixed host: the user's key only travels in a header.
import json
import urllib.request

from flask import Flask, request

app = Flask(__name__)


@app.route("/models", methods=["POST"])
def models():
    api_key = request.json.get("api_key")
    req = urllib.request.Request(
        "https://api.example-llm.com/v1/models",
        headers={"x-api-key": api_key},
    )
    # ok: ssrf
    with urllib.request.urlopen(req, timeout=30) as response:
        return json.loads(response.read())
