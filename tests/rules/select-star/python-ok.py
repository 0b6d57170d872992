# bastion-fixture: app/repo.py
# ok: select-star
def user(cursor, user_id):
    cursor.execute("SELECT id, email FROM users WHERE id = %s", [user_id])
    cursor.execute("SELECT COUNT(*) FROM users")
    cursor.execute("SELECT 1 WHERE EXISTS (SELECT * FROM users)")
    log.info("do not write SELECT * FROM users")
    cursor.execute("SELECT * FROM jsonb_to_recordset(%s) AS t(a int)", [x])
    return cursor.fetchone()
