"""Search pages, directory login and maintenance hooks of the intranet portal."""

import asyncio
import os
import random
import string
import subprocess
from string import Template

import ldap
import ldap3
import paramiko
from flask import Flask, Markup, make_response, request, send_from_directory, session
from ldap.filter import filter_format

app = Flask(__name__)
STATIC = "/srv/static"


@app.route("/tuple")
def tuple_ret():
    q = request.args.get("q", "")
    return f"<p>No results for {q}</p>", 404  # vuln: CWE-79


@app.route("/tpl-str")
def tpl_str():
    q = request.args.get("q", "")
    page = Template("<p>$q</p>").substitute(q=q)
    return page  # vuln: CWE-79


@app.route("/pct-dict")
def pct_dict():
    q = request.args.get("q", "")
    return "<p>%(q)s</p>" % {"q": q}  # vuln: CWE-79


@app.route("/joined")
def joined():
    items = request.args.getlist("item")
    return "".join(["<li>" + i + "</li>" for i in items])  # vuln: CWE-79


@app.route("/markup")
def markup():
    note = request.form.get("note", "")
    return Markup("<em>%s</em>" % note)  # vuln: CWE-79


@app.route("/static/<path:fname>")
def static_file(fname):
    return send_from_directory(STATIC, fname)  # safe: CWE-22


@app.route("/norm")
def norm():
    name = request.args.get("name", "")
    full = os.path.normpath(os.path.join(STATIC, name))
    if not full.startswith(STATIC):
        return "no", 403
    return open(full).read()  # safe: CWE-22


@app.route("/thumb")
async def thumb():
    cmd_arg = request.args.get("src", "")
    proc = await asyncio.create_subprocess_shell("convert " + cmd_arg)  # vuln: CWE-78
    await proc.wait()
    return "ok"


@app.route("/remote")
def remote():
    host_dir = request.args.get("dir", "")
    client = paramiko.SSHClient()
    client.connect("backup.internal")
    client.exec_command("ls " + host_dir)  # vuln: CWE-78
    return "ok"


@app.route("/spawn")
def spawn():
    prog = request.args.get("prog", "")
    os.execvp(prog, [prog])  # vuln: CWE-78


@app.route("/shellvar")
def shellvar():
    target = request.args.get("t", "")
    use_shell = True
    subprocess.call("ping " + target, shell=use_shell)  # vuln: CWE-78
    return "ok"


@app.route("/ldap-ff")
def ldap_ff():
    uid = request.args.get("uid", "")
    l = ldap.initialize("ldap://dir")
    return str(l.search_s("dc=corp", ldap.SCOPE_SUBTREE, filter_format("(uid=%s)", [uid])))  # safe: CWE-90


@app.route("/ldap-bind", methods=["POST"])
def ldap_bind():
    user = request.form["username"]
    pw = request.form["password"]
    l = ldap.initialize("ldap://dir")
    l.simple_bind_s("uid=" + user + ",ou=people,dc=corp", pw)  # vuln: CWE-90
    return "ok"


@app.route("/ldap3-self")
def ldap3_self():
    who = request.args.get("who", "")
    directory = ldap3.Connection("ldap://dir", auto_bind=True)
    directory.search("dc=corp", "(&(objectClass=person)(cn=" + who + "*))")  # vuln: CWE-90
    return "ok"


@app.route("/sess-update", methods=["POST"])
def sess_update():
    session.update({"role": request.form.get("role")})  # vuln: CWE-501
    return "ok"


@app.route("/eval-restricted")
def eval_restricted():
    formula = request.args.get("f", "")
    return str(eval(formula, {"__builtins__": {}}, {}))  # vuln: CWE-95


@app.route("/import")
def dyn_import():
    mod = request.args.get("m", "")
    return str(__import__(mod))  # vuln: CWE-95


def reset_password_token():
    chars = string.ascii_letters + string.digits
    return "".join(random.sample(chars, 20))  # vuln: CWE-330
