# bastion-fixture: app/views.py
# ok: path-traversal
import os
from flask import request

@app.get('/x')
def view():
    name = os.path.basename(request.args['f'])
    return open('/data/' + name).read()
