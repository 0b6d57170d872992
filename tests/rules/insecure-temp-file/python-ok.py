# bastion-fixture: app/export.py
# ok: insecure-temp-file
import tempfile


def export(rows, folder):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as out:
        out.write(rows)
    with open(f"{folder}/export.csv", "w") as out:
        out.write(rows)
    return out.name
