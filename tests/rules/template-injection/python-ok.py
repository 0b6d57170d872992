# bastion-fixture: app/views.py
# ok: template-injection
from flask import render_template_string
from flask import request

@app.get('/x')
def view():
    return render_template_string('Hi {{ n }}', n=request.args['n'])
