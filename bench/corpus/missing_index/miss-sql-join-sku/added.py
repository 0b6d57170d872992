def orders_with_sku(cursor, sku):
    cursor.execute(
        "SELECT o.id FROM orders o JOIN line_items li ON li.order_id = o.id WHERE li.sku = %s",
        (sku,),
    )
    return [row[0] for row in cursor.fetchall()]
