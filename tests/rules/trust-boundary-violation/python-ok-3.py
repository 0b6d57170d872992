# bastion-fixture: app/views/drafts.py
# ok: trust-boundary-violation
from flask import Flask, request, session

app = Flask(__name__)


@app.post("/drafts/<draft_id>/seen")
def mark_seen(draft_id):
    key = "seen_draft_" + request.form["draft"]
    session[key] = True
    return "ok"
