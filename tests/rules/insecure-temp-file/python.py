# bastion-fixture: app/export.py
import tempfile


def export(rows):
# expect: insecure-temp-file
    path = tempfile.mktemp(suffix=".csv")
# expect: insecure-temp-file
    with open("/tmp/export.csv", "w") as out:
        out.write(rows)
    return path
