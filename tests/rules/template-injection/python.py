# bastion-fixture: app/views.py
from flask import render_template_string
from flask import request

@app.get('/x')
def view():
# expect: template-injection
    return render_template_string('Hi ' + request.args['n'])
