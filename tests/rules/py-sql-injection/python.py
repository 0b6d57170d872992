# bastion-fixture: app/repo.py
def find(cursor, name):
# expect: py-sql-injection
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
# expect: py-sql-injection
    cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)
# expect: py-sql-injection
    cursor.execute("SELECT * FROM users WHERE id = {}".format(name))
# expect: py-sql-injection
    cursor.execute("SELECT * FROM users WHERE id = " + name)
