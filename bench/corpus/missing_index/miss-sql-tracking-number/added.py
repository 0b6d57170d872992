def order_by_tracking(cursor, number):
    cursor.execute(
        "SELECT id, customer_id FROM orders WHERE tracking_number = %s", (number,)
    )
    return cursor.fetchone()
