# bastion-fixture: app/tasks.py
# ok: py-shell-injection
import os
import subprocess

def thumb(path):
    subprocess.run(["convert", path, "out.png"], check=True, timeout=30)
    os.system("sync")
