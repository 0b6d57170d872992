# bastion-fixture: app/views.py
# ok: log-injection
from flask import request

@app.get('/x')
def view():
    logger.info('user %s', request.args['u'])
