# bastion-fixture: app/services/orders.py
# ok: n-plus-one-query
def totals(session, names):
    out = {}
    for name in names:
        out[name] = session.get(Customer, name)
    for order in session.query(Order).options(selectinload(Order.customer)):
        out[order.customer.name] = order.total
    return out
