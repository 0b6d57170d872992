def order(cursor, order_id):
    cursor.execute("SELECT id, tracking_number FROM orders WHERE id = %s", (order_id,))
    return cursor.fetchone()
