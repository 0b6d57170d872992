# bastion-fixture: tests/test_views.py
# ok: sql-injection
def test_drop(cursor, request):
    cursor.execute(f"DROP VIEW {request.GET}")
