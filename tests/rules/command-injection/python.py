# bastion-fixture: app/views.py
import os
import subprocess
from flask import request

@app.post('/thumb')
def thumb():
    path = request.form['path']
# expect: command-injection
    subprocess.run("convert " + path + " out.png", shell=True)
# expect: command-injection
    os.system(f"rm -rf {path}")
