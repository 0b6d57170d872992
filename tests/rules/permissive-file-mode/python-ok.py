# bastion-fixture: app/storage.py
# ok: permissive-file-mode
import os


def publish(path):
    os.chmod(path, 0o640)
    os.makedirs(os.path.dirname(path), 0o750, exist_ok=True)
