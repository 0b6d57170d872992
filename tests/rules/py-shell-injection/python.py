# bastion-fixture: app/views.py
import os
import subprocess
from flask import request

@app.post('/thumb')
def thumb():
    path = request.form['path']
# expect: py-shell-injection
    subprocess.run("convert " + path + " out.png", shell=True)
# expect: py-shell-injection
    os.system(f"rm -rf {path}")
