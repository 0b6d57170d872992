# bastion-fixture: app/orders.py
from flask import request

@app.get('/orders')
def search():
    customer = request.args.get('customer', '')
    # The rows are not input, but the query already ran with it.
# expect: sql-injection
    rows = db.execute(f"SELECT id FROM orders WHERE customer = '{customer}'").fetchall()
    return jsonify(rows)
