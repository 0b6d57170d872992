"""A small workflow engine: steps are objects, queues are lists."""

import os
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


class EchoStep:
    def label(self, value):
        return "echo-step"

    def render(self, value):
        return f"echo {value}"


class ArchiveStep:
    def __init__(self, target: str) -> None:
        self.target = target
        self.flags = "-czf"

    def command(self) -> str:
        return f"tar {self.flags} /tmp/out.tgz {self.target}"

    def describe(self) -> str:
        return "archive " + self.flags


@app.post("/steps/echo")
def step_echo():
    value = request.form.get("value", "")
    step = EchoStep()
    os.system("logger " + step.label(value))  # safe: CWE-78
    os.system(step.render(value))  # vuln: CWE-78
    return "ok"


@app.post("/steps/archive")
def step_archive():
    step = ArchiveStep(request.form["target"])
    os.system("logger " + step.describe())  # safe: CWE-78
    subprocess.run(step.command(), shell=True)  # vuln: CWE-78
    return "ok"


@app.post("/steps/queue")
def step_queue():
    job = request.form.get("job", "")
    queue = ["warmup", job, "cleanup"]
    first = queue.pop(0)
    os.system("run-step " + first)  # safe: CWE-78
    os.system("run-step " + queue[1])  # safe: CWE-78
    os.system("run-step " + queue[0])  # vuln: CWE-78
    return "ok"


@app.post("/steps/skip")
def step_skip():
    job = request.form.get("job", "")
    queue = ["warmup", job, "cleanup"]
    queue.remove("warmup")
    os.system("run-step " + queue[1])  # safe: CWE-78
    return jsonify(left=len(queue))


@app.post("/steps/ratio")
def step_ratio():
    job = request.form.get("job", "")
    ratio = 7 / 2
    chosen = job if ratio == 3 else "default"
    os.system("run-step " + chosen)  # safe: CWE-78
    return "ok"
