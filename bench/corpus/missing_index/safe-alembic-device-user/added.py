import sqlalchemy as sa


def devices_of(conn, user_id):
    return conn.execute(
        sa.text("SELECT id, serial FROM devices WHERE user_id = :uid"), {"uid": user_id}
    ).all()
