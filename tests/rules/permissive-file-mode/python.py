# bastion-fixture: app/storage.py
import os


def publish(path):
# expect: permissive-file-mode
    os.chmod(path, 0o777)
