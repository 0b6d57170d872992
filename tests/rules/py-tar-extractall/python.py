# bastion-fixture: app/uploads.py
import tarfile

def unpack(path, dest):
    with tarfile.open(path) as tar:
# expect: py-tar-extractall
        tar.extractall(dest)
