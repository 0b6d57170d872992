# bastion-fixture: app/db.py
# The database password is a keyword argument of the connect call, written out.
import psycopg2


def connect():
# expect: secret-literal
    conn = psycopg2.connect(host="db.prod.internal", user="billing", password="Qm7#vT2pLx9w")
    conn.autocommit = False
    return conn
