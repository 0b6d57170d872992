"""Python security rules: ruff's flake8-bandit (`S`) rules, run once per review.

Every Python file of the change is written into one temporary tree and ruff runs
over it once. Ruff gives codes and messages but no severity, so the rules, their
severities and the advice are ours (`_RULES`, `_CODE_TO_RULE`). Codes that are noise
in a review (S101 assert, S311 random, S603/S607 subprocess, S110/S112 pass) are never
asked for.

Ruff's S608 sees SQL text built with `f""`, `%`, `.format` or `+` when the text
reads like `SELECT … FROM`; it misses other statements (`DROP TABLE {x}`), fragments
(`" WHERE id = " + x`) and templates kept in a variable (`sql.format(x)`), and it
also fires on prose ("select an option from {x}") in log messages. An `ast` pass
over the same files filters S608 by where the string goes and adds the forms it
misses when they flow into `execute`/`raw`/`query`/`text`.

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
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from bot.models import Category, ChangedFile, Severity
from bot.rules.engine import Check, Hit, Rule, RuleCase
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
                "def find(cursor, name):\n"
                "    cursor.execute(f\"SELECT * FROM users WHERE name = '{name}'\")\n"
                "    cursor.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)\n"
                '    cursor.execute("SELECT * FROM users WHERE id = {}".format(name))\n'
                '    cursor.execute("SELECT * FROM users WHERE id = " + name)\n',
                2,
                3,
                4,
                5,
            ),
            _case(
                "app/views.py",
                "from app.models import User\n"
                "\n"
                "def search(term):\n"
                "    return User.objects.raw(f\"SELECT * FROM app_user WHERE name = '{term}'\")\n",
                4,
            ),
            _case(
                "app/admin.py",
                "def purge(cursor, table, template, value):\n"
                '    cursor.execute(f"DROP TABLE {table}")\n'
                "    cursor.execute(template.format(value))\n"
                '    sql = "DELETE FROM t"\n'
                '    sql += " WHERE id = " + value\n'
                "    cursor.execute(sql)\n",
                2,
                3,
                6,
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
                '    cursor.execute("SELECT * FROM users WHERE id = %(id)s", {"id": user_id})\n'
                '    placeholders = ", ".join(["%s"] * len(ids))\n'
                '    cursor.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)\n'
                '    cursor.execute(f"SELECT * FROM {TABLE} WHERE id = %s", (user_id,))\n'
                '    log.info(f"select an option from {ids}")\n'
                '    raise ValueError(f"Please select a user from {ids}")\n',
            ),
            # Identifiers quoted by the driver, SQL forwarded whole, constant `extra()`.
            _case(
                "app/cache.py",
                "from django.db.models.expressions import RawSQL\n"
                "\n"
                "def count(conn, table, qs, args):\n"
                "    with conn.cursor() as cursor:\n"
                '        cursor.execute("SELECT COUNT(*) FROM %s" % conn.ops.quote_name(table))\n'
                "        quoted = conn.ops.quote_name(table)\n"
                '        cursor.execute(f"DELETE FROM {quoted} WHERE id = %s", [1])\n'
                "    first = RawSQL(*args)\n"
                '    return qs.extra(select={"one": 1}), first\n',
            ),
            # Test code never receives a request: no attacker to inject.
            _case(
                "tests/test_views.py",
                'def test_drop(cursor, view):\n    cursor.execute(f"DROP VIEW {view}")\n',
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
                "import pickle\n\ndef restore(cookie):\n    return pickle.loads(cookie)\n",
                4,
            ),
        ),
        negative=(
            _case(
                "app/session.py",
                "import json\n\ndef restore(cookie):\n    return json.loads(cookie)\n",
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
                "app/tasks.py",
                "import os\nimport subprocess\n\n"
                "def thumb(path):\n"
                '    subprocess.run("convert " + path + " out.png", shell=True)\n'
                '    os.system(f"rm -rf {path}")\n',
                5,
                6,
            ),
        ),
        negative=(
            _case(
                "app/tasks.py",
                "import os\nimport subprocess\n\n"
                "def thumb(path):\n"
                '    subprocess.run(["convert", path, "out.png"], check=True, timeout=30)\n'
                '    os.system("sync")\n',
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
                "def compute(expr):\n    return eval(expr)\n",
                2,
            ),
        ),
        negative=(
            _case(
                "app/calc.py",
                "import ast\n\ndef compute(expr):\n    return ast.literal_eval(expr)\n",
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

_CODE_TO_RULE: dict[str, str] = {
    "S608": SQL_INJECTION,
    "S610": SQL_INJECTION,  # Django QuerySet.extra with non-literal SQL
    "S611": SQL_INJECTION,  # Django RawSQL with non-literal SQL
    "S506": "py-yaml-unsafe-load",
    "S301": "py-pickle-untrusted",  # pickle and its wrappers: dill, shelve, jsonpickle…
    "S302": "py-pickle-untrusted",  # marshal.load(s): not safe against crafted data either
    "S602": "py-shell-injection",
    "S604": "py-shell-injection",
    "S605": "py-shell-injection",
    "S501": "py-tls-verify-disabled",
    "S323": "py-tls-verify-disabled",
    "S113": "py-request-no-timeout",
    "S201": "py-flask-debug",
    "S307": "py-eval-exec",
    "S102": "py-eval-exec",
    "S324": "py-weak-hash",
    "S507": "py-ssh-auto-add-host-key",
    "S202": "py-tar-extractall",
}
# Ruff marks shell calls on a constant command "seems safe": nothing to inject.
_SAFE_SHELL_MESSAGE = re.compile(r"seems safe", re.IGNORECASE)
_SHELL_CODES = frozenset({"S602", "S604", "S605"})


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


# --- SQL: where a built string goes ---------------------------------------------------

# Calls whose first argument is SQL by definition.
_SQL_ALWAYS = frozenset(
    {"execute", "executemany", "executescript", "exec_driver_sql", "mogrify", "raw", "RawSQL"}
)
# Calls that take SQL among other things: only when the text reads like SQL.
_SQL_MAYBE = frozenset(
    {"query", "text", "read_sql", "read_sql_query", "fetch", "fetchrow", "fetchval"}
)
_PROSE_METHODS = frozenset(
    {"debug", "info", "warning", "warn", "error", "exception", "critical", "log", "print"}
)
_PROSE_FUNCS = frozenset({"print", "_", "gettext", "ngettext", "gettext_lazy"})
_SQL_WORDS = re.compile(
    r"\b(select|insert|update|delete|upsert|merge|from|where|join|values|returning|set"
    r"|order\s+by|group\s+by|having|limit|offset|truncate|alter|create|drop|grant|call|exec)\b",
    re.IGNORECASE,
)
# S608 keeps a string away from a SQL call only when it reads like real SQL, not prose.
_STRICT_SQL = re.compile(
    r"\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\b[\s\S]*\bSET\b|\bDELETE\s+FROM\b"
    r"|(?i:\bselect\s+\*|\bwhere\b|\bjoin\b|\border\s+by\b|\bgroup\s+by\b|\bvalues\s*\(|\blimit\s)",
)
_SINK_TEXT = re.compile(
    r"\b(?:execute|executemany|executescript|exec_driver_sql|mogrify|raw|RawSQL|query|text"
    r"|read_sql|read_sql_query|fetch|fetchrow|fetchval)\s*\("
)
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)
_SQL_NAME = re.compile(r"sql|query|stmt|statement", re.IGNORECASE)
_PLACEHOLDER_NAME = re.compile(r"placeholder|^ph$|marks$|^qs$|bind", re.IGNORECASE)
_CONSTANT_NAME = re.compile(r"^_?[A-Z][A-Z0-9_]*$")
# Calls whose result cannot carry SQL: identifier quoting (what the fix advises for
# table and column names) and numbers.
_SAFE_CALLS = frozenset(
    {
        "quote_name",
        "quote_name_unless_alias",
        "quote_identifier",
        "quote_ident",
        "quote_table",
        "Identifier",
        "int",
        "float",
        "len",
    }
)
# Possessive runs: three overlapping whitespace runs backtrack cubically on a blank string.
_PLACEHOLDER_TOKEN = re.compile(r"^\s*+(?:%s|\?|%\(\w+\)s|:\w+|\$\d+)?[,\s]*+$")


def _call_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _str_of(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_str(node: ast.AST) -> bool:
    return _str_of(node) is not None


def _safe_value(node: ast.AST) -> bool:
    """An interpolated value that cannot carry user input into the SQL text."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name):
        return bool(_CONSTANT_NAME.match(node.id) or _PLACEHOLDER_NAME.search(node.id))
    if isinstance(node, ast.Attribute):
        return bool(_CONSTANT_NAME.match(node.attr) or _PLACEHOLDER_NAME.search(node.attr))
    if isinstance(node, ast.Tuple):
        return all(_safe_value(e) for e in node.elts)
    if isinstance(node, ast.Call) and _call_name(node) in _SAFE_CALLS:
        return True
    if isinstance(node, ast.Call) and _call_name(node) == "join":
        # `", ".join(["%s"] * len(ids))`: a list of placeholders, values bound separately
        strings = [s for a in node.args for n in ast.walk(a) if (s := _str_of(n)) is not None]
        return bool(strings) and all(_PLACEHOLDER_TOKEN.match(s) for s in strings)
    return False


@dataclass(frozen=True)
class Built:
    """A string assembled at run time: its literal parts and the values put into it."""

    literal: str
    values: tuple[ast.AST, ...]
    how: str

    @property
    def unsafe(self) -> bool:
        return not all(_safe_value(v) for v in self.values)


def _add_operands(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _add_operands(node.left) + _add_operands(node.right)
    return [node]


def built_string(node: ast.AST) -> Built | None:
    """How `node` assembles a string at run time, or None if it does not."""
    if isinstance(node, ast.JoinedStr):
        values = tuple(v.value for v in node.values if isinstance(v, ast.FormattedValue))
        literal = "".join(_str_of(v) or "{}" for v in node.values)
        return Built(literal, values, "an f-string") if values else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        left = node.left
        if _is_str(left) or isinstance(left, ast.JoinedStr):
            right = node.right
            values = tuple(right.elts) if isinstance(right, ast.Tuple) else (right,)
            return Built(_str_of(left) or "", values, "`%` formatting")
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = _add_operands(node)
        strings = [p for p in parts if _is_str(p) or isinstance(p, ast.JoinedStr)]
        values = tuple(p for p in parts if isinstance(p, ast.expr) and not _is_str(p))
        if not strings or not values:
            return None
        literal = " ".join(s for p in strings if (s := _str_of(p)) is not None)
        return Built(literal, values, "`+` concatenation")
    if isinstance(node, ast.Call) and _call_name(node) == "format":
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        values = tuple(node.args) + tuple(k.value for k in node.keywords)
        if receiver is None or not values:
            return None
        literal = (_str_of(receiver) or "") if receiver is not None else ""
        return Built(literal, values, "`.format`")
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


def _enclosing_call(chain: Sequence[ast.AST], node: ast.AST) -> ast.Call | None:
    """The nearest call that receives `node` (directly or nested) as an argument."""
    child = node
    for parent in reversed(chain):
        if isinstance(parent, ast.stmt):
            return None
        if isinstance(parent, ast.Call) and child is not parent.func:
            return parent
        child = parent
    return None


def _nearest(chain: Sequence[ast.AST], kinds: tuple[type, ...]) -> ast.AST | None:
    return next((n for n in reversed(chain) if isinstance(n, kinds)), None)


def _is_prose(chain: Sequence[ast.AST], node: ast.AST) -> bool:
    """A string on its way to a log line, a print, an exception or a translation."""
    if isinstance(_nearest(chain, (ast.stmt,)), ast.Raise | ast.Assert):
        return True
    call = _enclosing_call(chain, node)
    if call is None:
        return False
    name = _call_name(call)
    if isinstance(call.func, ast.Name):
        return name in _PROSE_FUNCS or bool(name and name.endswith(("Error", "Exception")))
    return name in _PROSE_METHODS


def _sql_call(call: ast.Call | None, literal: str) -> bool:
    if call is None:
        return False
    name = _call_name(call)
    return name in _SQL_ALWAYS or (name in _SQL_MAYBE and bool(_SQL_WORDS.search(literal)))


def _node_at(unit: Unit, row: int, col: int) -> ast.AST | None:
    """The string-building expression that starts at ruff's (row, 1-based column)."""
    tree = unit.tree
    if tree is None or not 0 < row <= len(unit.lines):
        return None
    point = (row, len(unit.lines[row - 1][: max(col - 1, 0)].encode("utf-8")))
    node: ast.AST = tree
    while True:
        inner = next((c for c in _children(node) if _span(c)[0] <= point < _span(c)[1]), None)
        if inner is None:
            return None
        if _span(inner)[0] == point and built_string(inner) is not None:
            return inner
        node = inner


def carries_input(unit: Unit, at: ast.AST, built: Built) -> bool:
    """Whether a value put into the string can carry input. A variable counts as safe when
    its nearest assignment in scope is safe itself: `table = quote_name(self._table)`,
    `column = "id"`."""
    unsafe = [v for v in built.values if not _safe_value(v)]
    if not unsafe or unit.tree is None:
        return bool(unsafe)
    scope = _nearest(ancestors(unit.tree, at), _SCOPES)
    for value in unsafe:
        if not isinstance(value, ast.Name) or scope is None:
            return True
        earlier = _assignments(unit, scope, value.id, getattr(at, "lineno", 0))
        if not earlier or isinstance(earlier[0], ast.AugAssign):
            return True
        assigned = getattr(earlier[0], "value", None)
        if assigned is None or not _safe_value(assigned):
            return True
    return False


def keep_s608(unit: Unit, row: int, col: int) -> bool:
    """Whether ruff's S608 at this position is SQL with a value that can carry input."""
    node = _node_at(unit, row, col)
    if node is None or unit.tree is None:
        return True  # cannot tell: trust ruff
    built = built_string(node)
    if built is None or not built.unsafe or not carries_input(unit, node, built):
        return False
    chain = ancestors(unit.tree, node)
    if _sql_call(_enclosing_call(chain, node), built.literal):
        return True
    if _is_prose(chain, node):
        return False
    return bool(_STRICT_SQL.search(built.literal))


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


# Which arguments of Django's escape hatches carry SQL text (the others are bound values).
_EXTRA_SQL_POSITIONS = (0, 1, 3, 4)
_EXTRA_SQL_KEYWORDS = frozenset({"select", "where", "tables", "order_by"})


def _sql_arguments(call: ast.Call) -> list[ast.expr]:
    if _call_name(call) == "extra":
        positional = [a for i, a in enumerate(call.args) if i in _EXTRA_SQL_POSITIONS]
        named = [k.value for k in call.keywords if k.arg in _EXTRA_SQL_KEYWORDS]
        return positional + named
    first = call.args[:1] or [k.value for k in call.keywords if k.arg == "sql"]
    return list(first)


def _constant_tree(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return all(_constant_tree(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(_constant_tree(n) for n in [*node.values, *node.keys] if n is not None)
    return False


def keep_escape_hatch(unit: Unit, row: int, col: int) -> bool:
    """Ruff's S610/S611 flag every non-literal `.extra()`/`RawSQL()`; keep them unless the
    SQL is constant (`select={"one": 1}`) or forwarded whole (`RawSQL(*args)`): forwarding
    builds nothing, and the place that builds the text is what gets reported."""
    call = _call_at(unit, row, col)
    if call is None:
        return True
    sql = _sql_arguments(call)
    if call.args and isinstance(call.args[0], ast.Starred):
        return False
    return not all(_constant_tree(a) for a in sql)


def _is_dumps(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and _call_name(node) in {"dumps", "dump"}


def keep_unpickle(unit: Unit, row: int, col: int) -> bool:
    """S301 without the round trip `pickle.loads(pickle.dumps(x))` (or through a variable
    just assigned from `dumps`): bytes this process made a moment ago carry no payload."""
    call = _call_at(unit, row, col)
    if call is None or not call.args:
        return True
    argument = call.args[0]
    if _is_dumps(argument):
        return False
    if isinstance(argument, ast.Name) and unit.tree is not None:
        scope = _nearest(ancestors(unit.tree, call), _SCOPES)
        earlier = _assignments(unit, scope, argument.id, call.lineno) if scope else []
        value = getattr(earlier[0], "value", None) if earlier else None
        return not (value is not None and _is_dumps(value))
    return True


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


def _built_assignment(unit: Unit, name: str, call: ast.Call) -> tuple[ast.AST, Built] | None:
    """The run-time-built value that reaches `call` through `name`, if any. A plain
    assignment ends the search; `+=` keeps looking at what came before."""
    tree = unit.tree
    scope = _nearest(ancestors(tree, call), _SCOPES) if tree is not None else None
    if scope is None:
        return None
    for statement in _assignments(unit, scope, name, call.lineno):
        value = getattr(statement, "value", None)
        built = built_string(value) if value is not None else None
        if value is not None and built is not None and built.unsafe:
            return (value, built) if carries_input(unit, value, built) else None
        if not isinstance(statement, ast.AugAssign):
            return None
    return None


def _sql_argument(call: ast.Call) -> ast.AST | None:
    if call.args:
        return call.args[0]
    for keyword in call.keywords:
        if keyword.arg in {"sql", "query", "statement", "operation"}:
            return keyword.value
    return None


@dataclass(frozen=True)
class SqlFlow:
    call: ast.Call
    built: Built
    origin: ast.AST  # where the string is built (the argument or an earlier assignment)
    variable: str | None


def _walk_rows(tree: ast.AST, rows: list[int]) -> Iterator[ast.AST]:
    """Nodes whose lines include one of `rows` (sorted), without visiting the rest."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in _children(node):
            i = bisect_left(rows, getattr(child, "lineno", 0))
            if i < len(rows) and rows[i] <= (getattr(child, "end_lineno", 0) or 0):
                stack.append(child)


def sql_flows(unit: Unit) -> Iterator[SqlFlow]:
    """Calls that send a run-time-built string to a SQL API."""
    rows = [i for i, line in enumerate(unit.lines, 1) if _SINK_TEXT.search(line)]
    tree = unit.tree if rows else None
    if tree is None:
        return
    for call in _walk_rows(tree, rows):
        if not isinstance(call, ast.Call) or _call_name(call) not in _SQL_ALWAYS | _SQL_MAYBE:
            continue
        argument = _sql_argument(call)
        if isinstance(argument, ast.Name):
            found = _built_assignment(unit, argument.id, call)
            if found is not None:
                yield SqlFlow(call, found[1], found[0], argument.id)
            continue
        built = built_string(argument) if argument is not None else None
        if (
            argument is not None
            and built is not None
            and built.unsafe
            and carries_input(unit, argument, built)
        ):
            yield SqlFlow(call, built, argument, None)


def _flow_is_sql(flow: SqlFlow) -> bool:
    if _call_name(flow.call) in _SQL_ALWAYS:
        return True
    if _SQL_WORDS.search(flow.built.literal):
        return True
    return flow.variable is not None and bool(_SQL_NAME.search(flow.variable))


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
        flagged_sql: set[tuple[str, int]] = set()
        for unit, diagnostic in diagnostics:
            if id(unit) in broken:
                continue
            hit = self._hit(unit, diagnostic, by_path[unit.path])
            if hit is not None:
                hits.append(hit)
                if hit.rule == SQL_INJECTION:
                    end = hit.end_line or hit.line
                    flagged_sql.update((unit.path, n) for n in range(hit.line, end + 1))
        for unit in units:
            hits.extend(self._sql_flow_hits(unit, flagged_sql))
        return hits

    def _hit(self, unit: Unit, diagnostic: dict[str, object], file: ChangedFile) -> Hit | None:
        code = str(diagnostic.get("code") or "")
        rule = _CODE_TO_RULE.get(code)
        if rule is None:
            return None  # syntax errors (code null / invalid-syntax) and anything unasked
        message = str(diagnostic.get("message") or "")
        if code in _SHELL_CODES and _SAFE_SHELL_MESSAGE.search(message):
            return None
        row, col = _position(diagnostic, "location")
        end_row, _ = _position(diagnostic, "end_location")
        line = unit.real(row)
        if not line:
            return None  # on our scaffolding
        if code == "S608" and not keep_s608(unit, row, col):
            return None
        if code in {"S610", "S611"} and not keep_escape_hatch(unit, row, col):
            return None
        if code == "S301" and not keep_unpickle(unit, row, col):
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

    def _sql_flow_hits(self, unit: Unit, flagged: set[tuple[str, int]]) -> Iterator[Hit]:
        for flow in sql_flows(unit):
            origin = unit.real(getattr(flow.origin, "lineno", 0))
            line = unit.real(flow.call.lineno)
            if not line or not _flow_is_sql(flow):
                continue
            if (unit.path, origin) in flagged or (unit.path, line) in flagged:
                continue
            name = _call_name(flow.call)
            via = f" (`{flow.variable}`, built on line {origin})" if flow.variable else ""
            flagged.add((unit.path, line))
            yield Hit(
                rule=SQL_INJECTION,
                path=unit.path,
                line=line,
                end_line=max(unit.real(flow.call.end_lineno or flow.call.lineno), line),
                detail=f"The SQL passed to `{name}()`{via} is built with {flow.built.how}.",
            )


CHECKS: list[Check] = [RuffSecurityCheck()]
