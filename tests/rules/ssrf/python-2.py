# bastion-fixture: app/proxy.py
# The URL is the request's own; a fixed URL in a header does not make it safe.
import json
import urllib.request

from flask import Flask, request

app = Flask(__name__)


@app.route("/proxy", methods=["POST"])
def proxy():
    target = request.json.get("url")
    req = urllib.request.Request(target, headers={"Origin": "https://shop.example.com"})
    # expect: ssrf
    with urllib.request.urlopen(req, timeout=30) as response:
        return json.loads(response.read())
