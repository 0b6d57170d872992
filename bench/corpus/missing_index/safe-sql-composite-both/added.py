def recent_orders(cursor, customer_id, since):
    cursor.execute(
        "SELECT id FROM orders WHERE customer_id = %s AND placed_at > %s ORDER BY placed_at",
        (customer_id, since),
    )
    return cursor.fetchall()
