"""Pricing rules typed by operators as small Python expressions."""

import ast
import base64

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
SAFE_FUNCS = {"min": min, "max": max, "round": round}


@app.post("/rules/try")
def try_rule():
    expr = request.form["expr"]
    result = eval(expr, {"__builtins__": {}}, SAFE_FUNCS)  # vuln: CWE-95
    return jsonify(result=result)


@app.post("/rules/literal")
def literal_rule():
    expr = request.form["expr"]
    return jsonify(result=ast.literal_eval(expr))  # safe: CWE-95


@app.post("/rules/exec")
def exec_rule():
    code = base64.b64decode(request.get_json()["code"]).decode()
    scope: dict = {}
    exec(code, scope)  # vuln: CWE-95
    return jsonify(ok=True)


@app.post("/rules/compile")
def compile_rule():
    src = request.values.get("src", "")
    obj = compile("total = " + src, "<rule>", "exec")  # vuln: CWE-95
    return jsonify(names=list(obj.co_names))


@app.get("/rules/field")
def rule_field():
    field = request.args.get("field", "price")
    value = eval("order." + field, {"order": current_order()})  # vuln: CWE-95
    return jsonify(value=value)


@app.get("/rules/number")
def rule_number():
    n = int(request.args.get("n", "1"))
    return jsonify(value=eval(f"{n} * 2"))  # safe: CWE-95


@app.get("/rules/constant")
def rule_constant():
    expr = request.args.get("expr", "")
    expr = "1 + 1"
    return jsonify(value=eval(expr))  # safe: CWE-95


@app.get("/rules/branch")
def rule_branch():
    expr = request.args.get("expr", "")
    num = 106
    chosen = "2 * 21" if (7 * 18) + num > 200 else expr
    return jsonify(value=eval(chosen))  # safe: CWE-95


@app.get("/rules/branch2")
def rule_branch2():
    expr = request.args.get("expr", "")
    num = 106
    chosen = "2 * 21" if (7 * 18) + num < 200 else expr
    return jsonify(value=eval(chosen))  # vuln: CWE-95


@app.get("/rules/list")
def rule_list():
    expr = request.args.get("expr", "")
    items = ["40 + 2"]
    items.append(expr)
    return jsonify(value=eval(items[0]))  # safe: CWE-95


@app.get("/rules/list2")
def rule_list2():
    expr = request.args.get("expr", "")
    items = ["40 + 2", expr]
    return jsonify(value=eval(items[1]))  # vuln: CWE-95


@app.get("/rules/known")
def rule_known():
    name = request.args.get("name", "")
    if name not in SAFE_FUNCS:
        abort(400)
    return jsonify(value=eval(name + "(1, 2)", {}, SAFE_FUNCS))  # safe: CWE-95


@app.get("/rules/dict")
def rule_dict():
    params = dict(request.args)
    return jsonify(value=eval(params.get("expr", "0")))  # vuln: CWE-95


def current_order(): ...
