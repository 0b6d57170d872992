# bastion-fixture: app/views.py
# ok: api-verb-in-path
from flask import Flask, redirect, render_template

app = Flask(__name__)

@app.route("/getting-started")
def getting_started():
    return render_template("start.html")

@app.route("/posts/<int:id>/delete", methods=["POST"])
def delete(id):
    return redirect("/")
