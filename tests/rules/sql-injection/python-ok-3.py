# bastion-fixture: app/partitions.py
# ok: sql-injection
def rotate(cursor, day):
    table = f"events_{day:%Y%m%d}"
    cursor.execute(f"CREATE TABLE IF NOT EXISTS {table} (LIKE events)")
