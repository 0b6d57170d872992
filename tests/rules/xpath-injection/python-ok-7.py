# bastion-fixture: app/catalog/legacy.py
# ok: xpath-injection
from flask import Flask, jsonify, request
from saxonche import PySaxonProcessor

from app.scoring import load_model

app = Flask(__name__)


@app.get("/saxon/people")
def saxon_people():
    name = request.args.get("name", "")
    with PySaxonProcessor(license=False) as proc:
        xp = proc.new_xpath_processor()
        xp.set_context(file_name="people.xml")
        xp.set_parameter("name", proc.make_string_value(name))
        return str(xp.evaluate("//person[@name=$name]"))


@app.get("/score")
def score():
    model = load_model()
    return jsonify(score=float(model.evaluate(request.args.get("q", ""))))
