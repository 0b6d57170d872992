# bastion-fixture: app/tasks.py
import os
import subprocess

def thumb(path):
# expect: py-shell-injection
    subprocess.run("convert " + path + " out.png", shell=True)
# expect: py-shell-injection
    os.system(f"rm -rf {path}")
