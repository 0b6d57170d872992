# bastion-fixture: app/catalog/legacy.py
import libxml2
from flask import Flask, jsonify, request
from saxonche import PySaxonProcessor

app = Flask(__name__)


@app.get("/legacy/people")
def legacy_people():
    name = request.args.get("name", "")
    doc = libxml2.parseFile("people.xml")
    ctxt = doc.xpathNewContext()
# expect: xpath-injection
    found = ctxt.xpathEval("//person[@name='%s']" % name)
    return jsonify(n=len(found))


@app.get("/saxon/people")
def saxon_people():
    name = request.args.get("name", "")
    with PySaxonProcessor(license=False) as proc:
        xp = proc.new_xpath_processor()
        xp.set_context(file_name="people.xml")
# expect: xpath-injection
        return str(xp.evaluate("//person[@name='" + name + "']"))
