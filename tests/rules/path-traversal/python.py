# bastion-fixture: app/views.py
from flask import request

@app.get('/x')
def view():
# expect: path-traversal
    return open('/data/' + request.args['f']).read()
