# bastion-fixture: app/repo.py
# ok: sql-injection
import logging
log = logging.getLogger(__name__)
TABLE = 'users'

def find(cursor, user_id, ids):
    cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))
    placeholders = ", ".join(["%s"] * len(ids))
    cursor.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)
    cursor.execute(f"SELECT * FROM {TABLE} WHERE id = %s", (user_id,))
    log.info(f"select an option from {ids}")
