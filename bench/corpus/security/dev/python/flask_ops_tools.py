"""Operator tools: ping, dig, archive."""

import configparser
import os
import shlex
import subprocess

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
ALLOWED_ZONES = ("internal", "public")


class PingJob:
    count = 3

    def __init__(self, host: str) -> None:
        self.host = host

    def command(self) -> str:
        return f"ping -c {self.count} {self.host}"


def run_shell(cmd: str) -> str:
    return subprocess.check_output(cmd, shell=True, text=True)  # vuln: CWE-78


@app.get("/ping")
def ping():
    host = request.args.get("host", "localhost")
    out = os.popen("ping -c 1 " + host).read()  # vuln: CWE-78
    return jsonify(out=out)


@app.get("/ping/job")
def ping_job():
    job = PingJob(request.args.get("host", "localhost"))
    proc = subprocess.run(job.command(), shell=True, capture_output=True)  # vuln: CWE-78
    return jsonify(rc=proc.returncode)


@app.get("/ping/quoted")
def ping_quoted():
    host = shlex.quote(request.args.get("host", "localhost"))
    os.system(f"ping -c 1 {host}")  # safe: CWE-78
    return "ok"


@app.get("/ping/argv")
def ping_argv():
    host = request.args.get("host", "localhost")
    proc = subprocess.run(["ping", "-c", "1", host], capture_output=True)  # safe: CWE-78
    return jsonify(rc=proc.returncode)


@app.get("/dig")
def dig():
    name = request.args.get("name", "")
    return jsonify(out=run_shell("dig +short " + name))


@app.post("/archive")
def archive():
    parts = ["tar", "czf", "/tmp/out.tgz", request.form["dir"]]
    subprocess.call(" ".join(parts), shell=True)  # vuln: CWE-78
    return "ok"


@app.post("/archive/config")
def archive_config():
    conf = configparser.ConfigParser()
    conf.add_section("job")
    conf.set("job", "target", request.form["dir"])
    conf.set("job", "mode", "fast")
    target = conf.get("job", "target")
    mode = conf.get("job", "mode")
    os.system("backup --mode " + mode)  # safe: CWE-78
    os.system("backup --dir " + target)  # vuln: CWE-78
    return "ok"


@app.get("/zone")
def zone():
    zone_name = request.args.get("zone", "")
    if zone_name not in ALLOWED_ZONES:
        abort(400)
    subprocess.Popen("nsupdate -z " + zone_name, shell=True)  # safe: CWE-78
    return "ok"


@app.get("/uptime")
def uptime():
    verbose = request.args.get("v", "")
    flags = "-p" if 3 * 3 > 5 else verbose
    os.system("uptime " + flags)  # safe: CWE-78
    return "ok"


@app.get("/uptime2")
def uptime2():
    verbose = request.args.get("v", "")
    flags = "-p" if 3 * 3 < 5 else verbose
    os.system("uptime " + flags)  # vuln: CWE-78
    return "ok"


@app.get("/tail")
def tail():
    lines = request.headers.get("X-Lines", "10")
    os.system("tail -n %d /var/log/app.log" % int(lines))  # safe: CWE-78
    return "ok"


@app.get("/env")
def env_cmd():
    tool = request.environ.get("HTTP_X_TOOL", "")
    subprocess.Popen(tool.split()[0] + " --version", shell=True)  # vuln: CWE-78
    return "ok"
