"""A small arcade: dice, daily challenges, leaderboards (Flask)."""
import random
import time

from flask import Flask, jsonify, make_response, request, session

app = Flask(__name__)
CHALLENGES = ["speedrun", "no-damage", "pacifist", "collector"]
AVATARS = ["fox", "owl", "otter", "lynx"]


def backoff_delay(attempt):
    return min(60, 2**attempt) + random.uniform(0, 1)  # safe: CWE-330


@app.post("/roll")
def roll():
    count = int(request.form.get("dice", "2"))
    faces = [random.randint(1, 6) for _ in range(count)]  # safe: CWE-330
    session["last_roll"] = sum(faces)
    return jsonify(faces=faces)


@app.get("/challenge")
def challenge():
    today = random.Random(int(time.time() // 86400))
    pick = today.choice(CHALLENGES)  # safe: CWE-330
    return jsonify(challenge=pick)


@app.get("/leaderboard/sample")
def leaderboard_sample():
    rows = top_scores(limit=500)
    shown = random.sample(rows, k=min(20, len(rows)))  # safe: CWE-330
    return jsonify(rows=[r.as_dict() for r in shown])


@app.get("/avatar")
def avatar():
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("avatar", random.choice(AVATARS), secure=True, httponly=True)  # safe: CWE-330
    return resp


@app.get("/shuffle")
def deck():
    cards = [f"{rank}{suit}" for suit in "SHDC" for rank in "A23456789TJQK"]
    random.shuffle(cards)  # safe: CWE-330
    session["deck_order"] = cards[:10]
    return jsonify(hand=cards[:5])


@app.post("/rooms")
def create_room():
    room_code = "".join(random.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(6))  # vuln: CWE-330
    save_room(room_code, owner=session.get("uid"))
    return jsonify(room=room_code)


@app.post("/rooms/<room>/invite")
def invite_to_room(room):
    join_token = "%x" % random.getrandbits(64)  # vuln: CWE-330
    save_invite(room, join_token)
    return jsonify(join_token=join_token)


@app.post("/matchmaking")
def matchmaking():
    if random.random() < 0.1:  # safe: CWE-330
        log_sample(request.remote_addr)
    wait = backoff_delay(int(request.form.get("attempt", "0")))
    return jsonify(wait=wait)
