# bastion-fixture: app/calc.py
from flask import request

@app.get('/calc')
def compute():
# expect: py-eval-exec
    return str(eval(request.args['expr']))
