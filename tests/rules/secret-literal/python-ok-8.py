# bastion-fixture: app/db.py
# The password keyword argument reads the environment; the call on the line is not the value.
import os

import psycopg2


def connect():
# ok: secret-literal
    return psycopg2.connect(host="db.prod.internal", user="billing", password=os.environ["DB_PASSWORD"])
