# bastion-fixture: app/repo.py
from flask import request

@app.get('/users')
def find():
    name = request.args['name']
# expect: sql-injection
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
# expect: sql-injection
    cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)
# expect: sql-injection
    cursor.execute("SELECT * FROM users WHERE id = {}".format(name))
# expect: sql-injection
    cursor.execute("SELECT * FROM users WHERE id = " + name)
