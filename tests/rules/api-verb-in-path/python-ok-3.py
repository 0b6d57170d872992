# bastion-fixture: tests/test_cookies.py
# ok: api-verb-in-path
from flask import Flask

app = Flask(__name__)

@app.route("/getCookie")
def get_cookie():
    return "ok"
