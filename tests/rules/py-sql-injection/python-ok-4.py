# bastion-fixture: tests/test_views.py
# ok: py-sql-injection
def test_drop(cursor, request):
    cursor.execute(f"DROP VIEW {request.GET}")
