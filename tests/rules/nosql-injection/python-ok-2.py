# bastion-fixture: app/views/glossary.py
# ok: nosql-injection
from flask import Flask, jsonify, request

app = Flask(__name__)


class Glossary:
    """Terms kept in memory; `find` is a prefix match over them, not a database query."""

    def __init__(self):
        self.terms = {"idempotent": "same result when repeated", "lease": "a timed lock"}

    def find(self, prefix):
        return {k: v for k, v in self.terms.items() if k.startswith(prefix)}


@app.route("/glossary")
def glossary():
    term = request.args.get("q", "")
    found = Glossary().find(term)
    book = Glossary()
    also = book.find(request.args.get("also", ""))
    return jsonify(found=found, also=also)
