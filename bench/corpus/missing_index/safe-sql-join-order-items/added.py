def items_of(cursor, order_id):
    cursor.execute(
        "SELECT li.sku, li.quantity FROM line_items li WHERE li.order_id = %s", (order_id,)
    )
    return cursor.fetchall()
