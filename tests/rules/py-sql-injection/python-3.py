# bastion-fixture: app/admin.py
def purge(cursor, table, template, value):
# expect: py-sql-injection
    cursor.execute(f"DROP TABLE {table}")
# expect: py-sql-injection
    cursor.execute(template.format(value))
    sql = "DELETE FROM t"
    sql += " WHERE id = " + value
# expect: py-sql-injection
    cursor.execute(sql)
