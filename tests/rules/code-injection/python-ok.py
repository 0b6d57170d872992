# bastion-fixture: app/calc.py
# ok: code-injection
import ast
from flask import request

@app.get('/calc')
def compute():
    return str(ast.literal_eval(request.args['expr']))

def run_formula(expr):
    return eval(expr)
