"""Account helpers: password reset, remember-me and avatar uploads (Flask)."""
import os
import random
import secrets
import string
from datetime import datetime, timedelta

from flask import Flask, jsonify, make_response, request, session
from flask_sqlalchemy import SQLAlchemy
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]  # safe: CWE-798
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///app.db")
db = SQLAlchemy(app)

AVATAR_ROOT = "/srv/app/media/avatars"


class ResetToken(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, nullable=False)
    token = db.Column(db.String(64), unique=True, nullable=False)
    expires_at = db.Column(db.DateTime, nullable=False)


class RememberToken(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, nullable=False)
    selector = db.Column(db.String(32), unique=True)


def make_code(length=8):
    alphabet = string.ascii_uppercase + string.digits
    return "".join(random.choice(alphabet) for _ in range(length))  # vuln: CWE-330


@app.post("/password/reset")
def request_reset():
    user_id = int(request.form["user_id"])
    token = secrets.token_urlsafe(32)  # safe: CWE-330
    db.session.add(ResetToken(user_id=user_id, token=token, expires_at=datetime.utcnow() + timedelta(hours=1)))
    db.session.commit()
    return jsonify({"sent": True})


@app.post("/mfa/sms")
def send_sms_code():
    code = make_code(6)
    session["sms_code"] = code
    session["sms_code_at"] = datetime.utcnow().isoformat()
    return jsonify({"sent": True})


@app.post("/login/remember")
def remember_me():
    user_id = session.get("user_id")
    if not user_id:
        return jsonify({"error": "not logged in"}), 401
    selector = secrets.token_hex(16)
    db.session.add(RememberToken(user_id=user_id, selector=selector))
    db.session.commit()
    resp = make_response(jsonify({"ok": True}))
    resp.set_cookie("remember_me", selector, max_age=60 * 60 * 24 * 30, httponly=True, samesite="Lax")  # vuln: CWE-614
    return resp


@app.post("/avatar")
def upload_avatar():
    upload = request.files.get("avatar")
    if upload is None or not upload.filename:
        return jsonify({"error": "no file"}), 400
    user_dir = os.path.join(AVATAR_ROOT, str(session.get("user_id", "anon")))
    os.makedirs(user_dir, exist_ok=True)
    dest = os.path.join(user_dir, secure_filename(upload.filename))
    upload.save(dest)
    os.chmod(dest, 0o777)  # vuln: CWE-732
    return jsonify({"ok": True, "path": os.path.relpath(dest, AVATAR_ROOT)})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000)
