# bastion-fixture: tests/test_views.py
# ok: py-sql-injection
def test_drop(cursor, view):
    cursor.execute(f"DROP VIEW {view}")
