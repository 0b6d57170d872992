import sqlalchemy as sa


def device_by_serial(conn, serial):
    row = conn.execute(
        sa.text("SELECT id, user_id FROM devices WHERE serial = :serial"), {"serial": serial}
    ).first()
    return row
