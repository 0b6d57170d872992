# bastion-fixture: app/admin.py
from flask import request

@app.post('/purge')
def purge():
    value = request.form['id']
    sql = "DELETE FROM t"
    sql += " WHERE id = " + value
# expect: sql-injection
    cursor.execute(sql)
