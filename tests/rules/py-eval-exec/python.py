# bastion-fixture: app/calc.py
def compute(expr):
# expect: py-eval-exec
    return eval(expr)
