# bastion-fixture: app/repo.py
def user(cursor, user_id):
# expect: select-star
    cursor.execute("SELECT * FROM users WHERE id = %s", [user_id])
    return cursor.fetchone()
