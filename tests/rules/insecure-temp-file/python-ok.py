# bastion-fixture: app/export.py
# ok: insecure-temp-file
import tempfile


def export(rows):
    handle = tempfile.NamedTemporaryFile(suffix=".csv", delete=False)
    write_csv(handle.name, rows)
    return handle.name
