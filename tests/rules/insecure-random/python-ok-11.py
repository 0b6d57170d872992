# bastion-fixture: app/game/rooms.py
# ok: insecure-random
import random
import secrets
import string

from flask import Flask, jsonify, session

app = Flask(__name__)
COLOURS = ["teal", "amber", "plum"]


@app.post("/rooms")
def create_room():
    room_code = "".join(secrets.choice(string.ascii_uppercase) for _ in range(6))
    room_colour = random.choice(COLOURS)
    room_id = random.randint(1, 10**9)
    save_room(room_code, room_id, colour=room_colour, owner=session.get("uid"))
    return jsonify(room=room_code)
