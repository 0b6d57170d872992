# bastion-fixture: app/views.py
# ok: command-injection
import os
import subprocess
from flask import request

@app.post('/thumb')
def thumb():
    path = request.form['path']
    subprocess.run(["convert", path, "out.png"], check=True, timeout=30)
    os.system("sync")
