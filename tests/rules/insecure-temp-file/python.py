# bastion-fixture: app/export.py
import tempfile


def export(rows):
# expect: insecure-temp-file
    path = tempfile.mktemp(suffix=".csv")
    write_csv(path, rows)
    return path
