# bastion-fixture: app/game/rooms.py
import random
import string

from flask import Flask, jsonify, session

app = Flask(__name__)


@app.post("/rooms")
def create_room():
# expect: insecure-random
    room_code = "".join(random.choice(string.ascii_uppercase) for _ in range(6))
    save_room(room_code, owner=session.get("uid"))
    return jsonify(room=room_code)


@app.post("/meetings")
def create_meeting():
# expect: insecure-random
    join_link = "https://meet.example.com/j/%d" % random.randint(10**9, 10**10)
    return jsonify(link=join_link)
