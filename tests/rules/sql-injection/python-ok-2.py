# bastion-fixture: app/views.py
# ok: sql-injection
from flask import request

@app.get('/items')
def items():
    order = 'DESC' if request.args.get('desc') else 'ASC'
    kind = request.args['kind']
    sql = f"SELECT * FROM items WHERE kind = ? ORDER BY created {order}"
    return cursor.execute(sql, (kind,)).fetchall()
