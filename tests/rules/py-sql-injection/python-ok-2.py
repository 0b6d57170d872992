# bastion-fixture: app/cache.py
# ok: py-sql-injection
from django.db.models.expressions import RawSQL

def count(conn, table, qs, args):
    with conn.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM %s" % conn.ops.quote_name(table))
        quoted = conn.ops.quote_name(table)
        cursor.execute(f"DELETE FROM {quoted} WHERE id = %s", [1])
    first = RawSQL(*args)
    return qs.extra(select={"one": 1}), first
