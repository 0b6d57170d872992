"""A change that only reformats a Python file (a formatter run) gets no inline security
comment: the code was there before. The pre-change text is rebuilt from the diff
(`bot.rules.lib.old_code`)."""

from __future__ import annotations

import difflib

from bot.config import RepoConfig
from bot.diff import parse_diff
from bot.models import ChangedFile, Severity
from bot.pipeline import review_files
from bot.rules.lib.old_code import base_text, python_reformat_only

PATH = "app/views.py"
BEFORE = """from flask import Flask, request
import subprocess

app = Flask(__name__)


@app.route('/run')
def run():
    name = request.args.get('name')
    return subprocess.check_output('ls ' + name, shell=True)


def unrelated(a,b):
    return a+b
"""
# What Black makes of it: double quotes, spaces, two blank lines kept.
BLACK = """from flask import Flask, request
import subprocess

app = Flask(__name__)


@app.route("/run")
def run():
    name = request.args.get("name")
    return subprocess.check_output("ls " + name, shell=True)


def unrelated(a, b):
    return a + b
"""
# The same lines touched, and the command changed too.
EDITED = BLACK.replace('"ls " + name', '"ls -l " + name')


def _changed(before: str, after: str) -> ChangedFile:
    body = "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            f"a/{PATH}",
            f"b/{PATH}",
            n=1,
        )
    )
    (file,) = parse_diff(f"diff --git a/{PATH} b/{PATH}\n{body}")
    return file.model_copy(update={"content": after})


def _command_injection(file: ChangedFile) -> list[Severity]:
    result = review_files([file], RepoConfig(llm=False))
    return [f.severity for f in result.findings if f.rule == "command-injection"]


def test_base_is_rebuilt_from_the_head_and_the_hunks() -> None:
    assert base_text(_changed(BEFORE, BLACK)) == BEFORE
    assert base_text(_changed(BEFORE, EDITED)) == BEFORE
    removal = BEFORE.replace("def unrelated(a,b):\n    return a+b\n", "")
    assert base_text(_changed(BEFORE, removal)) == BEFORE


def test_a_formatter_run_is_reformat_only_and_an_edit_is_not() -> None:
    assert python_reformat_only(_changed(BEFORE, BLACK))
    assert not python_reformat_only(_changed(BEFORE, EDITED))


def test_finding_on_reformatted_code_goes_to_the_summary() -> None:
    assert _command_injection(_changed(BEFORE, BLACK)) == [Severity.INFO]
    result = review_files([_changed(BEFORE, BLACK)], RepoConfig(llm=False))
    (finding,) = [f for f in result.findings if f.rule == "command-injection"]
    assert "only reformats the file" in finding.body


def test_finding_on_edited_code_stays_inline() -> None:
    severities = _command_injection(_changed(BEFORE, EDITED))
    assert severities and Severity.INFO not in severities


def test_file_known_only_from_its_diff_or_unparsable_is_not_a_reformat() -> None:
    diff_only = _changed(BEFORE, BLACK).model_copy(update={"content": None})
    assert not python_reformat_only(diff_only)
    broken = BLACK.replace("def unrelated(a, b):", "def unrelated(a, b)")
    assert not python_reformat_only(_changed(BEFORE, broken))
