# bastion-fixture: app/storage.py
import os
from pathlib import Path


def publish(path):
# expect: permissive-file-mode
    os.chmod(path, 0o777)
# expect: permissive-file-mode
    os.makedirs(os.path.dirname(path), mode=0o777, exist_ok=True)
# expect: permissive-file-mode
    Path(path).parent.mkdir(0o777, parents=True)


def start_worker():
# expect: permissive-file-mode
    os.umask(0)
