# bastion-fixture: app/services/orders.py
from app.db import Customer, Order

def totals(session):
    out = {}
    for order in session.query(Order).filter(Order.open.is_(True)):
# expect: n-plus-one-query
        customer = session.get(Customer, order.customer_id)
        out[customer.name] = order.total
    return out
