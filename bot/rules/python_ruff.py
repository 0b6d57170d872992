"""Python security rules: ruff's flake8-bandit (`S`) rules, run once per review.

Every Python file of the change is written into one temporary tree and ruff runs
over it once. Ruff gives codes and messages but no severity, so the rules, their
severities and the advice are ours: the catalogue's rule.yml files, whose
`check.codes` name the ruff codes each rule reports. Codes that are noise in a review
(S101 assert, S311 random, S603/S607 subprocess, S110/S112 pass) are never asked for.

The injection rules (`sql-injection`, `command-injection`, `py-eval-exec`, and
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
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from bot import lazyre as re
from bot.models import ChangedFile, Severity
from bot.rules.engine import Check, Hit, catalog_rules
from bot.rules.lib.hosts import Host, configured, host_of_url, is_probe, local_reason
from bot.rules.lib.python_units import Unit, parse_python, salvaged, units_of
from bot.rules.loader import builtin_catalog
from bot.rules.taint.api import flow_hits
from bot.rules.taint.cross import cross_hits
from bot.select import is_test_path

RUFF_TIMEOUT_S = 60.0
SQL_INJECTION = "sql-injection"
# Ruff's unpickling codes report under this id; only bytes read from the network count.
PICKLE = "py-pickle-untrusted"


_RULES = catalog_rules(
    SQL_INJECTION,
    "py-yaml-unsafe-load",
    "py-pickle-untrusted",
    "command-injection",
    "tls-verification-disabled",
    "py-request-no-timeout",
    "py-flask-debug",
    "py-eval-exec",
    "py-ssh-auto-add-host-key",
    "py-tar-extractall",
)

# The injection claims (SQL, shell, eval, unpickling request bytes) need a flow from
# request input to the call: `bot.rules.taint` reports them under these ids. Ruff's
# S608/S610/S611 (SQL text built with a value), S602/S604/S605 (shell with a variable)
# and S307/S102 (eval/exec of a non-literal) fire on any run-time value, which on real
# commits meant internal table names and allow-listed sort orders.
FLOW_RULES = frozenset({SQL_INJECTION, "command-injection", "py-eval-exec", "py-pickle-untrusted"})


def code_to_rule() -> dict[str, str]:
    """Ruff code -> the id its hits are reported under: the rules' `check.codes`
    (S506 yaml.load, S113 no timeout, ...). Only these codes are asked for."""
    return builtin_catalog().codes["ruff"]


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
    run = RuffRun(units, codes)
    try:
        return run.result()
    finally:
        run.close()


class RuffRun:
    """One ruff process over the units, started at once: the caller does its own work
    while ruff runs (on a second core when there is one), then asks for the `result`.
    `close` stops ruff if it still runs and removes the temporary tree."""

    def __init__(self, units: Sequence[Unit], codes: Iterable[str]) -> None:
        self._proc: subprocess.Popen[str] | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._by_name: dict[str, Unit] = {}
        if not units:
            return
        self._started = time.monotonic()
        self._tmp = tempfile.TemporaryDirectory(prefix="bastion-ruff-")
        try:
            self._root = Path(os.path.realpath(self._tmp.name))
            for unit in units:
                target = self._root / unit.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(unit.text, encoding="utf-8", errors="surrogateescape")
                self._by_name[unit.name] = unit
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
                *self._by_name,
            ]
            self._proc = subprocess.Popen(
                command,
                cwd=self._root,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                errors="replace",
            )
        except BaseException:
            self.close()
            raise

    def result(self) -> list[tuple[Unit, dict[str, object]]]:
        proc = self._proc
        if proc is None:
            return []
        # The budget counts from ruff's start, as when the caller waited for it at once.
        left = max(RUFF_TIMEOUT_S - (time.monotonic() - self._started), 0.0)
        try:
            stdout, stderr = proc.communicate(timeout=left)
        except subprocess.TimeoutExpired:
            raise RuffError(f"ruff timed out after {RUFF_TIMEOUT_S:.0f}s") from None
        if proc.returncode != 0:
            message = (stderr.strip().splitlines() or ["no message"])[0]
            raise RuffError(f"ruff exited with {proc.returncode}: {message}")
        try:
            diagnostics = json.loads(stdout or "[]")
        except json.JSONDecodeError as exc:
            raise RuffError(f"ruff printed output that is not JSON ({exc})") from None
        root, by_name = self._root, self._by_name
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

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None:
                proc.kill()
            proc.communicate()
        tmp, self._tmp = self._tmp, None
        if tmp is not None:
            tmp.cleanup()


# --- unpickling: where the bytes come from -------------------------------------------

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)


def _call_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _nearest(chain: Sequence[ast.AST], kinds: tuple[type, ...]) -> ast.AST | None:
    return next((n for n in reversed(chain) if isinstance(n, kinds)), None)


def _call_at(unit: Unit, row: int, col: int) -> ast.Call | None:
    """The innermost call whose span holds ruff's (row, 1-based column)."""
    index = unit.index
    if index is None or not 0 < row <= len(unit.lines):
        return None
    return index.call_at((row, len(unit.lines[row - 1][: max(col - 1, 0)].encode("utf-8"))))


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


def _bound_value(unit: Unit, scope: ast.AST | None, name: str, before: int) -> ast.expr | None:
    """The value `name` was last given above line `before`: in `scope`, else in the module."""
    for found in (scope, unit.tree):
        if found is None:
            continue
        earlier = _assignments(unit, found, name, before)
        value = getattr(earlier[0], "value", None) if earlier else None
        if value is not None:
            return value
    return None


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
        scope = _nearest(unit.index.ancestors(call), _SCOPES) if unit.index else None
        earlier = _assignments(unit, scope, argument.id, call.lineno) if scope else []
        value = getattr(earlier[0], "value", None) if earlier else None
        return value is not None and not _is_dumps(value) and _reads_network(value)
    return _reads_network(argument)


# --- requests without a timeout: where the URL points --------------------------------


def _leading_text(unit: Unit, node: ast.AST, scope: ast.AST | None, depth: int = 0) -> str:
    """The start of the URL an expression builds: the literal text it begins with, or
    the source of the expression the rest is appended to (`settings.X + "/path"`)."""
    if depth > 3:
        return ""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        text = ""
        for part in node.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                text += part.value
            elif not text and isinstance(part, ast.FormattedValue):
                return _leading_text(unit, part.value, scope, depth + 1)
            else:
                return text + "{}"
        return text
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _leading_text(unit, node.left, scope, depth + 1)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    ):
        return _leading_text(unit, node.func.value, scope, depth + 1)
    if isinstance(node, ast.Name) and scope is not None:
        value = _bound_value(unit, scope, node.id, getattr(node, "lineno", 1 << 30))
        return _leading_text(unit, value, scope, depth + 1) if value is not None else ""
    try:
        return ast.unparse(node)
    except (ValueError, AttributeError, RecursionError):
        return ""


_WEB_APP = re.compile(r"\b(?:Flask|FastAPI|Starlette|Sanic|Quart)\s*\(|@\w+\.(?:route|get|post)\(")
_MAIN_GUARD = re.compile(r"^if\s+__name__\s*==\s*[\"']__main__[\"']\s*:", re.M)


@lru_cache(maxsize=8)
def _is_script(content: str) -> bool:
    # Asked once per finding of a file: searched once per file.
    return bool(_MAIN_GUARD.search(content)) and not _WEB_APP.search(content)


def spreads_a_timeout(unit: Unit, row: int, col: int) -> bool:
    """`requests.get(url, **options)` where `options` is a dict literal of the function
    (or the module) with a `timeout` key: the call has its timeout; ruff cannot see it.
    A spread of anything else (a parameter, a dict built elsewhere) proves nothing."""
    call = _call_at(unit, row, col)
    if call is None or unit.tree is None:
        return False
    scope = _nearest(unit.index.ancestors(call), _SCOPES) if unit.index else None
    for keyword in call.keywords:
        if keyword.arg is not None or not isinstance(keyword.value, ast.Name):
            continue
        value = _bound_value(unit, scope, keyword.value.id, call.lineno)
        if isinstance(value, ast.Dict) and any(
            isinstance(k, ast.Constant) and k.value == "timeout" for k in value.keys
        ):
            return True
    return False


def forwarded_timeout(unit: Unit, row: int, col: int) -> bool:
    """`requests.get(url, **kwargs)` where `kwargs` is the `**` parameter of the function
    around the call (a wrapper such as `def _get(self, path, **kwargs)`), and the file
    calls that function, every time with `timeout=` (or a spread of its own)."""
    call = _call_at(unit, row, col)
    if call is None or unit.tree is None or unit.index is None:
        return False
    func = _nearest(unit.index.ancestors(call), (ast.FunctionDef, ast.AsyncFunctionDef))
    if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef) or func.args.kwarg is None:
        return False
    spread = func.args.kwarg.arg
    if not any(
        k.arg is None and isinstance(k.value, ast.Name) and k.value.id == spread
        for k in call.keywords
    ):
        return False
    callers = [
        node
        for node in ast.walk(unit.tree)
        if isinstance(node, ast.Call) and node is not call and _call_name(node) == func.name
    ]
    return bool(callers) and all(
        any(k.arg in ("timeout", None) for k in c.keywords) for c in callers
    )


def timeout_summary(unit: Unit, row: int, col: int, file: ChangedFile) -> str | None:
    """Why the finding goes to the summary (at `info`): the request goes to this machine,
    a private service or a configured base URL (a missing timeout then depends on where
    that host runs), or the file is a script run by hand. None (inline, at the rule's
    severity) for a host on the internet written in the code, a URL from a variable we
    cannot follow, and health probes."""
    if _is_script(file.content or ""):
        return (
            'This file is a script run by hand (`if __name__ == "__main__"`, no web app): '
            "a hung call stops the script, not a service, so this is noted in the summary."
        )
    call = _call_at(unit, row, col)
    if call is None:
        return None
    index = 1 if _call_name(call) == "request" else 0
    url = next((k.value for k in call.keywords if k.arg == "url"), None)
    if url is None and len(call.args) > index:
        url = call.args[index]
    if url is None or unit.tree is None:
        return None
    scope = _nearest(unit.index.ancestors(call), _SCOPES) if unit.index else None
    text = _leading_text(unit, url, scope)
    try:
        source = ast.unparse(url)
    except (ValueError, AttributeError, RecursionError):
        source = ""
    if is_probe(text) or is_probe(source):
        return None
    kind = host_of_url(text)
    if kind is Host.LOCAL:
        return local_reason(kind)
    if kind is None and configured(text):
        return local_reason(Host.CONFIGURED)
    return None


# --- suggestions ----------------------------------------------------------------------


def full_loader_note(message: str) -> str | None:
    """S506 on `yaml.load(..., Loader=FullLoader)`: since PyYAML 5.4 the full loader builds
    no arbitrary objects (`python/object*` tags need the unsafe loader; only names already
    imported resolve), so the call is a hazard only on an older PyYAML."""
    if "`FullLoader`" not in message:
        return None
    return (
        "PyYAML 5.4 and later build no arbitrary objects with `FullLoader`; this matters only"
        " where an older PyYAML is installed, and `SafeLoader` is still the narrower choice."
    )


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
        # Test code is never deployed and never reads a request: the injection,
        # deserialisation and transport rules have no attacker there (measured in
        # docs/benchmarks.md: in Django's and SQLAlchemy's own suites they were most of
        # the noise).
        files = [f for f in files if not is_test_path(f.path)]
        if not files:
            return []
        by_path = {f.path: f for f in files}
        units = [u for i, f in enumerate(files) for u in units_of(f, i)]
        codes = code_to_rule()
        # Ruff runs while the flows are computed here: the two take about as long.
        ruff = RuffRun(units, codes)
        try:
            try:
                flows = [h for f in files for h in flow_hits(f, FLOW_RULES)]
                # Request input a handler hands to a function of another file of the change.
                flows += cross_hits(files, FLOW_RULES)
            except Exception:
                ruff.result()  # ruff's own failure first, as when it ran before the flows
                raise
            diagnostics = ruff.result()
        finally:
            ruff.close()
        broken = {id(u) for u, d in diagnostics if _is_syntax_error(d)}
        retry = [s for u in units if id(u) in broken and (s := salvaged(u)) is not None]
        if retry:
            diagnostics += run_ruff(retry, codes)
        units = [u for u in units if id(u) not in broken] + retry
        hits: list[Hit] = []
        for unit, diagnostic in diagnostics:
            if id(unit) in broken:
                continue
            hit = self._hit(unit, diagnostic, by_path[unit.path], codes)
            if hit is not None:
                hits.append(hit)
        # One finding per call: the flow says more than the pattern on the same line.
        taken = {(h.path, h.rule, h.line) for h in flows}
        return [h for h in hits if (h.path, h.rule, h.line) not in taken] + flows

    def _hit(
        self,
        unit: Unit,
        diagnostic: dict[str, object],
        file: ChangedFile,
        codes: dict[str, str],
    ) -> Hit | None:
        code = str(diagnostic.get("code") or "")
        rule = codes.get(code)
        if rule is None:
            return None  # syntax errors (code null / invalid-syntax) and anything unasked
        message = str(diagnostic.get("message") or "")
        row, col = _position(diagnostic, "location")
        end_row, _ = _position(diagnostic, "end_location")
        line = unit.real(row)
        if not line:
            return None  # on our scaffolding
        if rule == PICKLE and not keep_unpickle(unit, row, col):
            return None
        if code == "S113":
            if spreads_a_timeout(unit, row, col):
                return None
            if forwarded_timeout(unit, row, col):
                # Every caller in the file passes one through `**kwargs`. A wrapper whose
                # callers are elsewhere stays a comment: a judged shared helper of query
                # runners in other files had no caller passing a timeout.
                return None
        end = max(unit.real(end_row) or line, line)
        suggestion = suggestion_for(unit, row, code, file.line_text(line))
        detail = f"ruff {code}: {message}"
        summary = timeout_summary(unit, row, col, file) if code == "S113" else None
        summary = summary or (full_loader_note(message) if code == "S506" else None)
        if summary:
            detail += " " + summary
        return Hit(
            rule=rule,
            path=unit.path,
            line=line,
            end_line=line if suggestion else end,
            detail=detail,
            suggestion=suggestion,
            severity=Severity.INFO if summary else None,
        )


CHECKS: list[Check] = [RuffSecurityCheck()]
