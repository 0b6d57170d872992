"""Formula fields and a debug console."""

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
OPS = {"add": "a + b", "mul": "a * b"}


class Formula:
    def __init__(self, source: str) -> None:
        self.source = source

    def evaluate(self, row: dict) -> float:
        return eval(self.source, {}, row)  # vuln: CWE-95


@app.post("/formula")
def formula():
    f = Formula(request.json["formula"])
    return jsonify(value=f.evaluate({"a": 1, "b": 2}))


@app.get("/op")
def op():
    name = request.args.get("op", "add")
    expr = OPS.get(name)
    if expr is None:
        abort(404)
    return jsonify(value=eval(expr, {}, {"a": 1, "b": 2}))  # safe: CWE-95


@app.get("/op/indexed")
def op_indexed():
    name = request.args.get("op", "add")
    return jsonify(value=eval(OPS[name], {}, {"a": 1, "b": 2}))  # safe: CWE-95


@app.post("/console")
def console():
    line = request.form.get("line", "").strip()
    scope: dict = {}
    exec(f"result = {line}", scope)  # vuln: CWE-95
    return jsonify(result=repr(scope.get("result")))


@app.post("/console/replace")
def console_replace():
    line = request.form.get("line", "").replace(";", "")
    return jsonify(result=eval(line))  # vuln: CWE-95


@app.get("/version")
def version():
    request.args.get("v")
    return jsonify(value=eval("1 + 2"))  # safe: CWE-95


@app.get("/attr")
def attr_lookup():
    field = request.args.get("field", "")
    if not field.isidentifier():
        abort(400)
    return jsonify(value=eval("settings." + field, {"settings": object()}))  # safe: CWE-95
