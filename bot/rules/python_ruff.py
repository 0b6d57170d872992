"""Python security rules: ruff's flake8-bandit (`S`) rules, run once per review.

Every Python file of the change is written into one temporary tree and ruff runs
over it once. Ruff gives codes and messages but no severity, so the rules, their
severities and the advice are ours (`_RULES`, `_CODE_TO_RULE`). Codes that are noise
in a review (S101 assert, S311 random, S603/S607 subprocess, S110/S112 pass) are never
asked for.

The injection rules (`py-sql-injection`, `py-shell-injection`, `py-eval-exec`, and
`py-pickle-untrusted` for request bytes) are claims about request input, so they come
from `bot.rules.taint`'s flows, not from ruff: S608 and friends fire on any run-time
value in SQL or a shell command, and on real commits that was always an internal name.
Ruff keeps the rules whose danger does not depend on who sends the value (`yaml.load`,
unpickling bytes read from the network, `verify=False`, ...).

A file known only from its diff is not valid Python on its own: hunks start inside
functions and imports are out of view. Such files are cut into their hunks, each
given enough scaffolding to parse (block openers, the imports the rules resolve) and
mapped back to the real line numbers.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from bot.models import Category, ChangedFile, Severity
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.rules.taint.api import flow_hits
from bot.rules.taint.cross import cross_hits
from bot.select import is_test_path

RUFF_TIMEOUT_S = 60.0
SQL_INJECTION = "py-sql-injection"

# Imports put above each hunk of a partial file: ruff only reports `yaml.load(...)`
# when `yaml` resolves to the module, and a hunk rarely shows the file's imports.
_PARTIAL_HEADER = (
    "import hashlib, os, pickle, ssl, subprocess, tarfile",
    "import httpx, paramiko, requests, yaml",
)


# Test code is never deployed and never reads a request: the injection, deserialisation
# and transport rules have no attacker there (measured in docs/benchmarks.md: in
# Django's and SQLAlchemy's own suites they were most of the noise).
def _case(path: str, code: str, *lines: int) -> RuleCase:
    return RuleCase(path=path, code=code, lines=tuple(lines))


_RULES: tuple[Rule, ...] = (
    Rule(
        id=SQL_INJECTION,
        category=Category.SECURITY,
        severity=Severity.HIGH,
        title="SQL built from strings (SQL injection)",
        rationale=(
            "The SQL text is assembled with an f-string, `%`, `.format` or `+` and sent to "
            "the database. Any interpolated value that a caller controls becomes SQL: a "
            "name like `x' OR '1'='1` returns every row, and `'; DROP TABLE users; --` "
            "runs a second statement on drivers that allow it. Escaping by hand misses "
            "cases (quotes in identifiers, numeric contexts, encodings)."
        ),
        fix=(
            "Pass values as parameters and keep the SQL text constant: "
            '`cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))` '
            '(`?` or `:name` depending on the driver; `text("… :id").bindparams(id=…)` in '
            "SQLAlchemy; `Model.objects.raw(sql, [value])` in Django). Identifiers "
            "(table, column, sort order) cannot be parameters: pick them from a fixed "
            "allow-list, or use `psycopg.sql.Identifier`."
        ),
        languages=("python",),
        positive=(
            _case(
                "app/repo.py",
                "from flask import request\n"
                "\n"
                "@app.get('/users')\n"
                "def find():\n"
                "    name = request.args['name']\n"
                "    cursor.execute(f\"SELECT * FROM users WHERE name = '{name}'\")\n"
                "    cursor.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)\n"
                '    cursor.execute("SELECT * FROM users WHERE id = {}".format(name))\n'
                '    cursor.execute("SELECT * FROM users WHERE id = " + name)\n',
                6,
                7,
                8,
                9,
            ),
            _case(
                "app/views.py",
                "from app.models import User\n"
                "\n"
                "def search(request):\n"
                "    term = request.GET['q']\n"
                "    return User.objects.raw(f\"SELECT * FROM app_user WHERE name = '{term}'\")\n",
                5,
            ),
            _case(
                "app/admin.py",
                "from flask import request\n"
                "\n"
                "@app.post('/purge')\n"
                "def purge():\n"
                "    value = request.form['id']\n"
                '    sql = "DELETE FROM t"\n'
                '    sql += " WHERE id = " + value\n'
                "    cursor.execute(sql)\n",
                8,
            ),
        ),
        negative=(
            _case(
                "app/repo.py",
                "import logging\n"
                "log = logging.getLogger(__name__)\n"
                "TABLE = 'users'\n"
                "\n"
                "def find(cursor, user_id, ids):\n"
                '    cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))\n'
                '    placeholders = ", ".join(["%s"] * len(ids))\n'
                '    cursor.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)\n'
                '    cursor.execute(f"SELECT * FROM {TABLE} WHERE id = %s", (user_id,))\n'
                '    log.info(f"select an option from {ids}")\n',
            ),
            # The false alarms of real commits: bound values with an allow-listed sort
            # order, and a table name the code generates itself.
            _case(
                "app/views.py",
                "from flask import request\n"
                "\n"
                "@app.get('/items')\n"
                "def items():\n"
                "    order = 'DESC' if request.args.get('desc') else 'ASC'\n"
                "    kind = request.args['kind']\n"
                '    sql = f"SELECT * FROM items WHERE kind = ? ORDER BY created {order}"\n'
                "    return cursor.execute(sql, (kind,)).fetchall()\n",
            ),
            _case(
                "app/partitions.py",
                "def rotate(cursor, day):\n"
                '    table = f"events_{day:%Y%m%d}"\n'
                '    cursor.execute(f"CREATE TABLE IF NOT EXISTS {table} (LIKE events)")\n',
            ),
            # Test code never receives a request: no attacker to inject.
            _case(
                "tests/test_views.py",
                'def test_drop(cursor, request):\n    cursor.execute(f"DROP VIEW {request.GET}")\n',
            ),
        ),
    ),
    Rule(
        id="py-yaml-unsafe-load",
        category=Category.SECURITY,
        severity=Severity.HIGH,
        title="`yaml.load` can build arbitrary Python objects",
        rationale=(
            "`yaml.load` with the default or full loader honours tags like "
            "`!!python/object/apply:os.system`, so a YAML document from a request, an "
            "upload or a message queue can run commands on the server when it is parsed."
        ),
        fix=(
            "Use `yaml.safe_load` (or `Loader=yaml.SafeLoader`), which builds only plain "
            "dicts, lists, strings and numbers."
        ),
        languages=("python",),
        positive=(
            _case(
                "app/config_loader.py",
                "import yaml\n\ndef read(body):\n    return yaml.load(body)\n",
                4,
            ),
            _case(
                "app/import_view.py",
                "import yaml\n\ndef parse(data):\n    return yaml.load(data, Loader=yaml.Loader)\n",
                4,
            ),
        ),
        negative=(
            _case(
                "app/config_loader.py",
                "import yaml\n\n"
                "def read(body):\n"
                "    a = yaml.safe_load(body)\n"
                "    return a, yaml.load(body, Loader=yaml.SafeLoader)\n",
            ),
        ),
    ),
    Rule(
        id="py-pickle-untrusted",
        category=Category.SECURITY,
        severity=Severity.MEDIUM,
        title="Unpickling data can run code",
        rationale=(
            "`pickle.loads`/`pickle.load` (and wrappers like `dill`, `shelve`, "
            "`pandas.read_pickle`) execute whatever the byte stream tells them to. If the "
            "bytes ever come from a client, a cache an attacker can write to, or a shared "
            "bucket, unpickling them is remote code execution."
        ),
        fix=(
            "Exchange data as JSON (or msgpack/protobuf) and validate it. If pickle must "
            "stay, only load bytes this service wrote itself and sign them (HMAC) so "
            "tampered payloads are rejected before `loads`."
        ),
        languages=("python",),
        positive=(
            _case(
                "app/session.py",
                "import pickle\n\n"
                "def restore(request):\n"
                "    return pickle.loads(request.COOKIES['state'])\n",
                4,
            ),
            # Bytes read from a shared cache or the network: dangerous whoever asked.
            _case(
                "app/cache.py",
                "import pickle\n\n"
                "def cached(redis_client, key):\n"
                "    return pickle.loads(redis_client.get(key))\n",
                4,
            ),
        ),
        negative=(
            _case(
                "app/session.py",
                "import json, pickle\n\n"
                "def restore(request):\n"
                "    return json.loads(request.COOKIES['state'])\n\n"
                "def thaw(blob):\n"
                "    return pickle.loads(blob)\n",
            ),
            # A round trip through bytes this process just made carries no payload.
            _case(
                "app/copying.py",
                "import pickle\n\n"
                "def clone(obj):\n"
                "    data = pickle.dumps(obj)\n"
                "    return pickle.loads(data), pickle.loads(pickle.dumps(obj))\n",
            ),
        ),
    ),
    Rule(
        id="py-shell-injection",
        category=Category.SECURITY,
        severity=Severity.HIGH,
        title="Command built from variables and run through a shell",
        rationale=(
            "With `shell=True`, `os.system` or `os.popen` the string is parsed by "
            "`/bin/sh`, so a value containing `;`, `|`, `$(…)` or backticks runs extra "
            "commands with the service's privileges."
        ),
        fix=(
            "Pass an argument list without a shell: "
            '`subprocess.run(["convert", path, out], check=True, timeout=30)`. If a shell '
            "is truly needed, quote every value with `shlex.quote`."
        ),
        languages=("python",),
        positive=(
            _case(
                "app/views.py",
                "import os\nimport subprocess\nfrom flask import request\n\n"
                "@app.post('/thumb')\n"
                "def thumb():\n"
                "    path = request.form['path']\n"
                '    subprocess.run("convert " + path + " out.png", shell=True)\n'
                '    os.system(f"rm -rf {path}")\n',
                8,
                9,
            ),
        ),
        negative=(
            _case(
                "app/views.py",
                "import os\nimport subprocess\nfrom flask import request\n\n"
                "@app.post('/thumb')\n"
                "def thumb():\n"
                "    path = request.form['path']\n"
                '    subprocess.run(["convert", path, "out.png"], check=True, timeout=30)\n'
                '    os.system("sync")\n',
            ),
            # A helper's parameter is not request input: its callers decide.
            _case(
                "app/tasks.py",
                "import os\n\ndef backup(target_dir):\n"
                '    os.system(f"tar czf /backups/db.tgz {target_dir}")\n',
            ),
        ),
    ),
    Rule(
        id="py-tls-verify-disabled",
        category=Category.SECURITY,
        severity=Severity.HIGH,
        title="TLS certificate verification is turned off",
        rationale=(
            "`verify=False` (or an unverified SSL context) accepts any certificate, so "
            "anyone on the network path — a compromised proxy, a hostile Wi-Fi, a "
            "spoofed DNS answer — can read and change the traffic, including credentials "
            "and tokens sent with it."
        ),
        fix=(
            "Remove `verify=False`. For a private CA, point `verify` at its bundle "
            '(`verify="/etc/ssl/internal-ca.pem"`) instead of disabling checks.'
        ),
        languages=("python",),
        positive=(
            _case(
                "app/client.py",
                "import requests\n\n"
                "def fetch(url):\n"
                "    return requests.get(url, timeout=5, verify=False)\n",
                4,
            ),
        ),
        negative=(
            _case(
                "app/client.py",
                "import requests\n\n"
                "def fetch(url):\n"
                '    return requests.get(url, timeout=5, verify="/etc/ssl/ca.pem")\n',
            ),
        ),
    ),
    Rule(
        id="py-request-no-timeout",
        category=Category.SECURITY,
        severity=Severity.MEDIUM,
        title="HTTP request without a timeout",
        rationale=(
            "`requests` waits forever by default. One slow or unresponsive upstream "
            "then holds a worker thread per request until every worker is stuck and the "
            "service stops answering — an outage anyone can trigger who can slow the "
            "upstream or point a URL at a host that never replies."
        ),
        fix=(
            "Pass `timeout=` on every call (e.g. `timeout=(3.05, 10)` for connect and "
            "read), or use a `Session` wrapper that sets one by default."
        ),
        languages=("python",),
        positive=(
            _case(
                "app/client.py",
                "import requests\n\ndef fetch(url):\n    return requests.get(url)\n",
                4,
            ),
        ),
        negative=(
            _case(
                "app/client.py",
                "import requests\n\ndef fetch(url):\n    return requests.get(url, timeout=10)\n",
            ),
        ),
    ),
    Rule(
        id="py-flask-debug",
        category=Category.SECURITY,
        severity=Severity.HIGH,
        title="Flask app runs with the debugger on",
        rationale=(
            "`debug=True` enables the Werkzeug interactive debugger: any request that "
            "raises shows a console in the browser that executes Python on the server. "
            "Left on in a deployed app, it is remote code execution for anyone who can "
            "trigger an error."
        ),
        fix=(
            "Never hard-code `debug=True`; drive it from the environment for local runs "
            "(`FLASK_DEBUG=1 flask run`) and serve production through gunicorn/uwsgi."
        ),
        languages=("python",),
        positive=(
            _case(
                "app/main.py",
                "from flask import Flask\n\n"
                "app = Flask(__name__)\n\n"
                'if __name__ == "__main__":\n'
                '    app.run(host="0.0.0.0", debug=True)\n',
                6,
            ),
        ),
        negative=(
            _case(
                "app/main.py",
                "import os\n\nfrom flask import Flask\n\n"
                "app = Flask(__name__)\n\n"
                'if __name__ == "__main__":\n'
                '    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")\n',
            ),
        ),
    ),
    Rule(
        id="py-eval-exec",
        category=Category.SECURITY,
        severity=Severity.HIGH,
        title="`eval`/`exec` runs strings as code",
        rationale=(
            "`eval` and `exec` run any Python they are given; if any part of the string "
            "comes from a request, a file upload or the database, an attacker can run "
            "code on the server (`__import__('os').system(...)`). Restricting globals "
            "does not make it safe."
        ),
        fix=(
            "Parse data instead of evaluating it: `json.loads`, `ast.literal_eval` for "
            "Python literals, or a small dispatch table mapping allowed names to "
            "functions."
        ),
        languages=("python",),
        positive=(
            _case(
                "app/calc.py",
                "from flask import request\n\n"
                "@app.get('/calc')\n"
                "def compute():\n"
                "    return str(eval(request.args['expr']))\n",
                5,
            ),
        ),
        negative=(
            _case(
                "app/calc.py",
                "import ast\nfrom flask import request\n\n"
                "@app.get('/calc')\n"
                "def compute():\n"
                "    return str(ast.literal_eval(request.args['expr']))\n\n"
                "def run_formula(expr):\n"
                "    return eval(expr)\n",
            ),
        ),
    ),
    Rule(
        id="py-weak-hash",
        category=Category.SECURITY,
        severity=Severity.LOW,
        title="MD5/SHA-1 used where it may protect something",
        rationale=(
            "MD5 and SHA-1 have practical collisions and are fast to brute-force: as a "
            "password hash, signature, integrity check or token they can be forged or "
            "reversed. Non-security uses (cache keys, ETags) are fine but should say so."
        ),
        fix=(
            "For passwords use a password hash (`argon2`, `bcrypt`, `hashlib.scrypt`); "
            "for integrity and tokens use `hashlib.sha256` or `hmac`. If it is not a "
            "security use, pass `usedforsecurity=False` to document it."
        ),
        languages=("python",),
        positive=(
            _case(
                "app/auth.py",
                "import hashlib\n\n"
                "def hash_password(pw):\n"
                "    return hashlib.md5(pw.encode()).hexdigest()\n",
                4,
            ),
        ),
        negative=(
            _case(
                "app/cache.py",
                "import hashlib\n\n"
                "def cache_key(url):\n"
                "    a = hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()\n"
                "    return a + hashlib.sha256(url.encode()).hexdigest()\n",
            ),
        ),
    ),
    Rule(
        id="py-ssh-auto-add-host-key",
        category=Category.SECURITY,
        severity=Severity.MEDIUM,
        title="SSH client trusts any host key",
        rationale=(
            "`AutoAddPolicy`/`WarningPolicy` accept an unknown host key without "
            "checking it, so a machine that intercepts the connection is trusted and "
            "receives the password or can feed back forged command output."
        ),
        fix=(
            "Load known hosts (`client.load_system_host_keys()` or `load_host_keys(path)`) "
            "and keep the default `RejectPolicy`."
        ),
        languages=("python",),
        positive=(
            _case(
                "app/deploy.py",
                "import paramiko\n\n"
                "def connect(host):\n"
                "    client = paramiko.SSHClient()\n"
                "    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n"
                "    client.connect(host)\n",
                5,
            ),
        ),
        negative=(
            _case(
                "app/deploy.py",
                "import paramiko\n\n"
                "def connect(host):\n"
                "    client = paramiko.SSHClient()\n"
                "    client.load_system_host_keys()\n"
                "    client.connect(host)\n",
            ),
        ),
    ),
    Rule(
        id="py-tar-extractall",
        category=Category.SECURITY,
        severity=Severity.MEDIUM,
        title="`extractall` trusts member paths in an archive",
        rationale=(
            "`tarfile.extractall` writes members where their names say: `../../etc/cron.d/x` "
            "or an absolute path escapes the target directory, and symlink members can "
            "redirect later writes. An uploaded archive can overwrite files the service "
            "can write."
        ),
        fix=(
            'Pass `filter="data"` (Python 3.12+, backported to 3.8.17+/3.9.17+/3.10.12+/'
            "3.11.4+), or check each member's resolved path stays under the target "
            "before extracting it."
        ),
        languages=("python",),
        positive=(
            _case(
                "app/uploads.py",
                "import tarfile\n\n"
                "def unpack(path, dest):\n"
                "    with tarfile.open(path) as tar:\n"
                "        tar.extractall(dest)\n",
                5,
            ),
        ),
        negative=(
            _case(
                "app/uploads.py",
                "import tarfile\n\n"
                "def unpack(path, dest):\n"
                "    with tarfile.open(path) as tar:\n"
                '        tar.extractall(dest, filter="data")\n',
            ),
        ),
    ),
)

# The injection claims (SQL, shell, eval, unpickling request bytes) need a flow from
# request input to the call: `bot.rules.taint` reports them under these ids. Ruff's
# S608/S610/S611 (SQL text built with a value), S602/S604/S605 (shell with a variable)
# and S307/S102 (eval/exec of a non-literal) fire on any run-time value, which on real
# commits meant internal table names and allow-listed sort orders.
FLOW_RULES = frozenset({SQL_INJECTION, "py-shell-injection", "py-eval-exec", "py-pickle-untrusted"})
_CODE_TO_RULE: dict[str, str] = {
    "S506": "py-yaml-unsafe-load",
    "S301": "py-pickle-untrusted",  # only bytes read from the network (`keep_unpickle`)
    "S302": "py-pickle-untrusted",  # marshal.load(s): not safe against crafted data either
    "S501": "py-tls-verify-disabled",
    "S323": "py-tls-verify-disabled",
    "S113": "py-request-no-timeout",
    "S201": "py-flask-debug",
    "S324": "py-weak-hash",
    "S507": "py-ssh-auto-add-host-key",
    "S202": "py-tar-extractall",
}


# --- units: what ruff and `ast` see ---------------------------------------------------


@dataclass
class Unit:
    """One file handed to ruff: a whole file, or a piece of a partial view."""

    path: str  # the ChangedFile's path
    name: str  # relative name inside the temporary tree
    lines: list[str]
    rows: list[int]  # unit line index -> real line number; 0 for scaffolding
    region: list[tuple[int, str]] | None = None  # the hunk a partial unit came from
    # Per scope: assignments by variable name (for SQL kept in a variable).
    assignments: dict[int, dict[str, list[ast.stmt]]] = field(default_factory=dict, repr=False)
    _tree: ast.Module | None = field(default=None, repr=False)
    _parsed: bool = field(default=False, repr=False)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    @property
    def tree(self) -> ast.Module | None:
        """Parsed on first use: most units never need Python's own parser."""
        if not self._parsed:
            self._tree = parse_python(self.text)
            self._parsed = True
        return self._tree

    def real(self, row: int) -> int:
        """Real line of a 1-based unit row; 0 when it is scaffolding or out of range."""
        return self.rows[row - 1] if 0 < row <= len(self.rows) else 0


def parse_python(text: str) -> ast.Module | None:
    """Python's tree of `text`, or None. Cached by text: several checks parse the same
    files and hunks, and parsing is most of their cost. Callers must not mutate it."""
    return _parse_python(text)


@lru_cache(maxsize=256)
def _parse_python(text: str) -> ast.Module | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escapes etc. are not our business
            return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError):
        return None


def _indent(line: str) -> int:
    expanded = line.expandtabs(8)
    return len(expanded) - len(expanded.lstrip())


def _is_code(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _regions(known: dict[int, str]) -> list[list[tuple[int, str]]]:
    """Runs of consecutive known lines (one per hunk, roughly)."""
    out: list[list[tuple[int, str]]] = []
    previous = -1
    for number in sorted(known):
        if number != previous + 1 or not out:
            out.append([])
        out[-1].append((number, known[number]))
        previous = number
    return out


def _scaffold(region: list[tuple[int, str]]) -> tuple[list[str], list[int]]:
    """The region with block openers above it so its indentation parses."""
    code = [text for _, text in region if _is_code(text)]
    if not code:
        return [], []
    first = code[0]
    start = _indent(first)
    levels = sorted({_indent(t) for t in code if _indent(t) < start} | ({0} if start else set()))
    head = [" " * level + "if True:" for level in levels]
    word = first.lstrip().split(" ", 1)[0].rstrip(":")
    if word in {"elif", "else"}:
        head += [" " * start + "if True:", " " * (start + 4) + "pass"]
    elif word in {"except", "finally"}:
        head += [" " * start + "try:", " " * (start + 4) + "pass"]
    lines = head + [text for _, text in region]
    rows = [0] * len(head) + [number for number, _ in region]
    last = code[-1]
    if last.rstrip().endswith(":"):
        lines.append(" " * (_indent(last) + 4) + "pass")
        rows.append(0)
    return lines, rows


def _salvage(region: list[tuple[int, str]]) -> tuple[list[str], list[int]]:
    """Lines of a region that parse on their own, dedented: the last resort."""
    lines: list[str] = []
    rows: list[int] = []
    for number, text in region:
        stripped = text.strip()
        if _is_code(stripped) and parse_python(stripped) is not None:
            lines.append(stripped)
            rows.append(number)
    return lines, rows


def _with_header(lines: list[str], rows: list[int]) -> tuple[list[str], list[int]]:
    return list(_PARTIAL_HEADER) + lines, [0] * len(_PARTIAL_HEADER) + rows


def _safe_name(path: str, index: int, part: str = "") -> str:
    """A flat, unique file name for ruff's temporary tree: one directory level for
    hundreds of files (nested copies of the repo's paths cost a mkdir/rmdir each)."""
    stem = re.sub(r"[^A-Za-z0-9_]", "_", PurePosixPath(path.replace("\\", "/")).stem) or "file"
    return f"f{index:04d}{part.replace('.', '_')}_{stem}.py"


def units_of(file: ChangedFile, index: int) -> list[Unit]:
    """What ruff should see of one file, with the way back to real line numbers. A
    partial file gives one scaffolded unit per hunk."""
    if file.content is not None:
        lines = file.content.split("\n")
        rows = list(range(1, len(lines) + 1))
        return [Unit(file.path, _safe_name(file.path, index), lines, rows)]
    units = []
    for part, region in enumerate(_regions(file.right_text())):
        body, body_rows = _scaffold(region)
        if body:
            lines, rows = _with_header(body, body_rows)
            name = _safe_name(file.path, index, f".part{part}")
            units.append(Unit(file.path, name, lines, rows, region=region))
    return units


def salvaged(unit: Unit) -> Unit | None:
    """A partial unit ruff could not parse, reduced to the lines that parse alone."""
    if unit.region is None:
        return None
    body, body_rows = _salvage(unit.region)
    if not body:
        return None
    lines, rows = _with_header(body, body_rows)
    return Unit(unit.path, unit.name[: -len(".py")] + ".lines.py", lines, rows)


# --- running ruff ---------------------------------------------------------------------


class RuffError(RuntimeError):
    """Ruff could not be run or gave output we cannot read."""


@lru_cache(maxsize=1)
def ruff_binary() -> str:
    try:
        from ruff import find_ruff_bin

        return str(find_ruff_bin())
    except (ImportError, FileNotFoundError):
        found = shutil.which("ruff")
        if found is None:
            raise RuffError("ruff is not installed (pip install ruff)") from None
        return found


def run_ruff(units: Sequence[Unit], codes: Iterable[str]) -> list[tuple[Unit, dict[str, object]]]:
    """Ruff's diagnostics for every unit, from one ruff process."""
    if not units:
        return []
    with tempfile.TemporaryDirectory(prefix="bastion-ruff-") as tmp:
        root = Path(os.path.realpath(tmp))
        by_name: dict[str, Unit] = {}
        for unit in units:
            target = root / unit.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(unit.text, encoding="utf-8", errors="surrogateescape")
            by_name[unit.name] = unit
        command = [
            ruff_binary(),
            "check",
            "--isolated",  # the reviewed repo's ruff config must not change our rules
            "--no-cache",
            "--ignore-noqa",  # suppressions go through `bastion: ignore`
            "--exit-zero",
            "--target-version",
            "py313",
            "--select",
            ",".join(sorted(codes)),
            "--output-format",
            "json",
            "--",
            *by_name,
        ]
        try:
            proc = subprocess.run(
                command,
                cwd=root,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=RUFF_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise RuffError(f"ruff timed out after {RUFF_TIMEOUT_S:.0f}s") from None
        if proc.returncode != 0:
            message = (proc.stderr.strip().splitlines() or ["no message"])[0]
            raise RuffError(f"ruff exited with {proc.returncode}: {message}")
        try:
            diagnostics = json.loads(proc.stdout or "[]")
        except json.JSONDecodeError as exc:
            raise RuffError(f"ruff printed output that is not JSON ({exc})") from None
        out: list[tuple[Unit, dict[str, object]]] = []
        # A file that does not parse yields a syntax error per token (tens of thousands
        # on a long line of `$`): resolve each file name once, not once per diagnostic.
        names: dict[str, str] = {}
        for diagnostic in diagnostics if isinstance(diagnostics, list) else []:
            if not isinstance(diagnostic, dict):
                continue
            filename = str(diagnostic.get("filename") or "")
            name = names.get(filename)
            if name is None:
                name = Path(os.path.relpath(os.path.realpath(filename), root)).as_posix()
                names[filename] = name
            found = by_name.get(name)
            if found is not None:
                out.append((found, diagnostic))
        return out


# --- unpickling: where the bytes come from -------------------------------------------

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)


def _call_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _has_position(node: ast.AST) -> bool:
    return getattr(node, "end_lineno", None) is not None


def _span(node: ast.AST) -> tuple[tuple[int, int], tuple[int, int]]:
    return (
        (getattr(node, "lineno", 0), getattr(node, "col_offset", 0)),
        (getattr(node, "end_lineno", 0) or 0, getattr(node, "end_col_offset", 0) or 0),
    )


def _children(node: ast.AST) -> Iterator[ast.AST]:
    """Child nodes that carry a position; `withitem`, `arguments` … are looked through."""
    for child in ast.iter_child_nodes(node):
        if _has_position(child):
            yield child
        else:
            yield from _children(child)


def ancestors(tree: ast.AST, target: ast.AST) -> list[ast.AST]:
    """The nodes enclosing `target`, outermost first, found by descending from the root
    (cheaper than a parent map of the whole file)."""
    start, end = _span(target)
    chain: list[ast.AST] = []
    node = tree
    while node is not target:
        chain.append(node)
        following = None
        for child in _children(node):
            child_start, child_end = _span(child)
            if child is target or (child_start <= start and end <= child_end):
                following = child
                break
        if following is None:
            return []
        node = following
    return chain


def _nearest(chain: Sequence[ast.AST], kinds: tuple[type, ...]) -> ast.AST | None:
    return next((n for n in reversed(chain) if isinstance(n, kinds)), None)


def _call_at(unit: Unit, row: int, col: int) -> ast.Call | None:
    """The innermost call whose span holds ruff's (row, 1-based column)."""
    tree = unit.tree
    if tree is None or not 0 < row <= len(unit.lines):
        return None
    point = (row, len(unit.lines[row - 1][: max(col - 1, 0)].encode("utf-8")))
    node: ast.AST = tree
    found: ast.Call | None = None
    while True:
        inner = next((c for c in _children(node) if _span(c)[0] <= point < _span(c)[1]), None)
        if inner is None:
            return found
        if isinstance(inner, ast.Call):
            found = inner
        node = inner


def _is_dumps(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and _call_name(node) in {"dumps", "dump"}


def _assignments(unit: Unit, scope: ast.AST, name: str, before: int) -> list[ast.stmt]:
    """Assignments to `name` in `scope` above line `before`, nearest first."""
    key = id(scope)
    if key not in unit.assignments:
        found: dict[str, list[ast.stmt]] = {}
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        found.setdefault(target.id, []).append(node)
        unit.assignments[key] = found
    earlier = [n for n in unit.assignments[key].get(name, []) if n.lineno < before]
    return sorted(earlier, key=lambda n: n.lineno, reverse=True)


# Reads whose result is bytes from outside the process: a socket, an HTTP response, a
# shared cache or queue. Unpickling those is dangerous whoever sent the request, so this
# stays a pattern claim; any other argument needs a flow from request input.
_NETWORK_CALLS = frozenset(
    {"recv", "recv_bytes", "recvfrom", "urlopen", "blpop", "brpop", "lpop", "rpop", "hget"}
)
_NETWORK_ATTRS = frozenset({"content", "body"})
_HTTP_MODULES = frozenset({"requests", "httpx", "urllib3", "aiohttp"})
_CACHE_NAME = re.compile(r"redis|cache|memcache|\bmc\b|\br\b", re.IGNORECASE)


def _receiver_name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _receiver_name(node.func)
    return ""


def _reads_network(node: ast.AST) -> bool:
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute):
            name = inner.func.attr
            receiver = _receiver_name(inner.func.value)
            if name in _NETWORK_CALLS or receiver in _HTTP_MODULES:
                return True
            if name in {"get", "mget"} and _CACHE_NAME.search(receiver):
                return True
        if isinstance(inner, ast.Call) and _call_name(inner) in _NETWORK_CALLS:
            return True
        if isinstance(inner, ast.Attribute) and inner.attr in _NETWORK_ATTRS:
            return True
    return False


def keep_unpickle(unit: Unit, row: int, col: int) -> bool:
    """S301/S302 only for bytes visibly read from the network or a shared cache, in the
    call or in the variable's nearest assignment: `pickle.loads(redis.get(k))`,
    `pickle.loads(resp.content)`. The round trip `pickle.loads(pickle.dumps(x))` and bytes
    of unknown origin (a helper's parameter) are not claimed; request input that reaches
    the call is reported as a flow."""
    call = _call_at(unit, row, col)
    if call is None or not call.args:
        return False
    argument = call.args[0]
    if _is_dumps(argument):
        return False
    if isinstance(argument, ast.Name) and unit.tree is not None:
        scope = _nearest(ancestors(unit.tree, call), _SCOPES)
        earlier = _assignments(unit, scope, argument.id, call.lineno) if scope else []
        value = getattr(earlier[0], "value", None) if earlier else None
        return value is not None and not _is_dumps(value) and _reads_network(value)
    return _reads_network(argument)


# --- suggestions ----------------------------------------------------------------------


def _fix_yaml(line: str) -> str | None:
    if len(re.findall(r"\byaml\.load(?:_all)?\(", line)) != 1:
        return None
    fixed = re.sub(r"\byaml\.load(_all)?\(", r"yaml.safe_load\1(", line)
    return re.sub(r",\s*Loader\s*=\s*[\w.]+", "", fixed)


def _fix_verify(line: str) -> str | None:
    if len(re.findall(r"\bverify\s*=\s*False\b", line)) != 1:
        return None
    for pattern, replacement in (
        (r",\s*verify\s*=\s*False\b", ""),
        (r"\bverify\s*=\s*False\s*,\s*", ""),
        (r"\(\s*verify\s*=\s*False\s*\)", "()"),
    ):
        fixed, count = re.subn(pattern, replacement, line)
        if count:
            return fixed
    return None


def _fix_debug(line: str) -> str | None:
    if len(re.findall(r"\bdebug\s*=\s*True\b", line)) != 1:
        return None
    return re.sub(r"\bdebug\s*=\s*True\b", "debug=False", line)


_FIXERS: dict[str, Callable[[str], str | None]] = {
    "S506": _fix_yaml,
    "S501": _fix_verify,
    "S201": _fix_debug,
}


def suggestion_for(unit: Unit, row: int, code: str, original: str | None) -> str | None:
    """A one-line replacement, offered only if the file still parses with it."""
    fixer = _FIXERS.get(code)
    if fixer is None or original is None or unit.tree is None or not 0 < row <= len(unit.lines):
        return None
    fixed_original = fixer(original)
    fixed_unit_line = fixer(unit.lines[row - 1])
    if fixed_original is None or fixed_unit_line is None or fixed_original == original:
        return None
    lines = list(unit.lines)
    lines[row - 1] = fixed_unit_line
    return fixed_original if parse_python("\n".join(lines)) is not None else None


# --- the check ------------------------------------------------------------------------


_WEAK_HASH_CODES = frozenset({"S303", "S324"})
# The line's own suppression of exactly this check (ruff S324/S303, bandit B303/B324, or
# a bare `nosec`) is the author saying the hash protects nothing, the same statement as
# `usedforsecurity=False`: the rule's advice is already followed.
_NOT_SECURITY_MARK = re.compile(
    r"#.*?(?:\bnoqa:[\s\w,]*\bS(?:303|324)\b|\bnosec\b(?![:\s]*B(?!303|324)\d))", re.I
)


def _says_not_security(text: str | None) -> bool:
    return bool(text) and bool(_NOT_SECURITY_MARK.search(text or ""))


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _is_syntax_error(diagnostic: dict[str, object]) -> bool:
    code = diagnostic.get("code")
    return code is None or code == "invalid-syntax" or code == "E999"


def _position(diagnostic: dict[str, object], key: str) -> tuple[int, int]:
    where = diagnostic.get(key)
    if not isinstance(where, dict):
        return 0, 0
    return _int(where.get("row")), _int(where.get("column"))


class RuffSecurityCheck(Check):
    name = "python-ruff"
    rules = _RULES
    languages = frozenset({"python"})
    batch = True

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        files = [f for f in files if not is_test_path(f.path)]
        if not files:
            return []
        by_path = {f.path: f for f in files}
        units = [u for i, f in enumerate(files) for u in units_of(f, i)]
        diagnostics = run_ruff(units, _CODE_TO_RULE)
        broken = {id(u) for u, d in diagnostics if _is_syntax_error(d)}
        retry = [s for u in units if id(u) in broken and (s := salvaged(u)) is not None]
        if retry:
            diagnostics += run_ruff(retry, _CODE_TO_RULE)
        units = [u for u in units if id(u) not in broken] + retry
        hits: list[Hit] = []
        for unit, diagnostic in diagnostics:
            if id(unit) in broken:
                continue
            hit = self._hit(unit, diagnostic, by_path[unit.path])
            if hit is not None:
                hits.append(hit)
        flows = [h for f in files for h in flow_hits(f, FLOW_RULES)]
        # Request input a handler hands to a function of another file of the change.
        flows += cross_hits(files, FLOW_RULES)
        # One finding per call: the flow says more than the pattern on the same line.
        taken = {(h.path, h.rule, h.line) for h in flows}
        return [h for h in hits if (h.path, h.rule, h.line) not in taken] + flows

    def _hit(self, unit: Unit, diagnostic: dict[str, object], file: ChangedFile) -> Hit | None:
        code = str(diagnostic.get("code") or "")
        rule = _CODE_TO_RULE.get(code)
        if rule is None:
            return None  # syntax errors (code null / invalid-syntax) and anything unasked
        message = str(diagnostic.get("message") or "")
        row, col = _position(diagnostic, "location")
        end_row, _ = _position(diagnostic, "end_location")
        line = unit.real(row)
        if not line:
            return None  # on our scaffolding
        if code in {"S301", "S302"} and not keep_unpickle(unit, row, col):
            return None
        if code in _WEAK_HASH_CODES and _says_not_security(file.line_text(line)):
            return None
        end = max(unit.real(end_row) or line, line)
        suggestion = suggestion_for(unit, row, code, file.line_text(line))
        return Hit(
            rule=rule,
            path=unit.path,
            line=line,
            end_line=line if suggestion else end,
            detail=f"ruff {code}: {message}",
            suggestion=suggestion,
        )


CHECKS: list[Check] = [RuffSecurityCheck()]
