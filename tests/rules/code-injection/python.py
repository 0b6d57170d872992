# bastion-fixture: app/calc.py
from flask import request

@app.get('/calc')
def compute():
# expect: code-injection
    return str(eval(request.args['expr']))
