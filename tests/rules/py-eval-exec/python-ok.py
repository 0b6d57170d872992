# bastion-fixture: app/calc.py
# ok: py-eval-exec
import ast

def compute(expr):
    return ast.literal_eval(expr)
