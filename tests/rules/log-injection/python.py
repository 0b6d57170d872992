# bastion-fixture: app/views.py
from flask import request

@app.get('/x')
def view():
# expect: log-injection
    logger.info('user ' + request.args['u'])
