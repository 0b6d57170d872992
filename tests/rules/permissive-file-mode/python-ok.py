# bastion-fixture: app/storage.py
# ok: permissive-file-mode
import os


def publish(path):
    os.chmod(path, 0o640)
    os.makedirs(os.path.dirname(path), 0o750, exist_ok=True)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o666)
    os.close(fd)
    os.umask(0o077)
