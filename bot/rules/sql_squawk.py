"""PostgreSQL migration rules, found by squawk (the `squawk-cli` wheel's binary).

One squawk process reviews every PostgreSQL file of the change. squawk's rule names
map to our rule ids through our own table (severity, rationale and fix are ours);
rules that flood reviews (`prefer-robust-stmts`, the timeout rules, `varchar`/`char`
style) are not mapped and therefore never reported. `ban-drop-database` and
`ban-truncate-cascade` are left to `sql-destructive`, which covers every dialect.

Facts this module is built on (measured with squawk 2.70):

- JSON `line`/`line_end` are 0-based; exit code 1 means "findings", not failure.
- A syntax error hides every other finding of its file. A whole file that does not
  parse gets no findings. A file known only through its diff is different: its
  "errors" are mostly statements cut by the edges of hunks, so those statements are
  blanked out and the file is checked again.
- `--pg-version` changes verdicts: from 11 a constant `DEFAULT` no longer rewrites
  the table, and from 12 squawk no longer reports `SET NOT NULL` (our own
  `pg-set-not-null-scan` does). We assume PostgreSQL 13.
- squawk flags locks on tables the same file creates, which are empty: those hits
  are dropped here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from bot import lazyre as re
from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, Hit, catalog_rules
from bot.rules.lib.sql_text import (
    POSTGRES,
    Statement,
    analyzable_text,
    created_table,
    detect_dialect,
    parse,
    split_statements,
    target_table,
)
from bot.rules.lib.type_change import sql_widening_only
from bot.rules.loader import builtin_catalog

PG_VERSION = "13"
TIMEOUT_S = 30.0
# squawk rules that would only add noise to the output we parse.
_EXCLUDED = (
    "prefer-robust-stmts",
    "require-timeout-settings",
    "require-lock-timeout",
    "require-statement-timeout",
    "prefer-text-field",
    "ban-char-field",
    "prefer-identity",
)


class SquawkError(RuntimeError):
    """squawk could not be run or gave output we cannot read."""


# --- rules ---------------------------------------------------------------------------


CREATE_INDEX = "pg-create-index-blocking"
NOT_ANALYSED = "sql-not-analysed"

RULES = catalog_rules(
    CREATE_INDEX,
    "pg-drop-index-blocking",
    "pg-reindex-blocking",
    "pg-add-foreign-key-locking",
    "pg-constraint-not-valid",
    "pg-add-unique-constraint-locking",
    "pg-add-primary-key-locking",
    "pg-add-column-rewrite",
    "pg-add-required-column",
    "pg-change-column-type",
    "pg-rename-column",
    "pg-rename-table",
    "pg-drop-column",
    "pg-drop-table",
    "pg-concurrent-index-in-transaction",
    "pg-prefer-bigint",
    "pg-prefer-timestamptz",
    NOT_ANALYSED,
)


def squawk_rules() -> dict[str, str]:
    """squawk rule name -> the id its reports go under: the rules' `check.codes`."""
    return builtin_catalog().codes["squawk"]


# A constraint with one of these also gets `constraint-missing-not-valid`, whose
# advice (NOT VALID) does not apply to UNIQUE/PRIMARY KEY and repeats the FK one.
_SPECIFIC_CONSTRAINT = {
    "adding-foreign-key-constraint",
    "disallowed-unique-constraint",
    "adding-serial-primary-key-field",
}
# Rules about a statement's type choices, not about locking an existing table.
_TYPE_RULES = {"pg-prefer-bigint", "pg-prefer-timestamptz"}

# --- running squawk ------------------------------------------------------------------


@lru_cache(maxsize=1)
def squawk_binary() -> str:
    """The squawk executable the `squawk-cli` wheel put next to this interpreter.

    Inside a virtualenv that is `<venv>/bin/squawk`, found without PATH; PATH is the
    last resort.
    """
    exe = "squawk.exe" if os.name == "nt" else "squawk"
    for folder in (sysconfig.get_path("scripts"), os.path.dirname(sys.executable)):
        candidate = Path(folder) / exe
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("squawk")
    if found:
        return found
    raise SquawkError("squawk executable not found: install the `squawk-cli` package")


class Report(NamedTuple):
    """One squawk finding, with 1-based lines. A tuple: a file of thousands of
    statements gives as many reports, and a frozen dataclass is slow to build."""

    rule: str
    line: int
    end_line: int
    column: int
    column_end: int
    message: str = ""


def run_squawk(texts: Sequence[str], timeout: float = TIMEOUT_S) -> list[list[Report]]:
    """squawk's reports for each text, in one process. Raises `SquawkError`."""
    if not texts:
        return []
    with tempfile.TemporaryDirectory(prefix="bastion-squawk-") as tmp:
        names = [f"{i:05d}.sql" for i in range(len(texts))]
        for name, text in zip(names, texts, strict=True):
            Path(tmp, name).write_text(text, encoding="utf-8", errors="replace")
        # An empty config file keeps a stray .squawk.toml from changing verdicts.
        Path(tmp, "squawk.toml").write_text("", encoding="utf-8")
        command = [
            squawk_binary(),
            "--reporter=json",
            f"--pg-version={PG_VERSION}",
            "--config=squawk.toml",
            f"--exclude={','.join(_EXCLUDED)}",
            *names,
        ]
        try:
            proc = subprocess.run(
                command, cwd=tmp, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            raise SquawkError(
                f"squawk timed out after {timeout:g} s on {len(texts)} file(s)"
            ) from None
        except OSError as exc:
            raise SquawkError(f"squawk could not start: {exc}") from None
    return _parse_output(proc, names)


_MAX_SYNTAX_ERRORS = 500


def _parse_output(proc: subprocess.CompletedProcess[str], names: list[str]) -> list[list[Report]]:
    if proc.returncode not in (0, 1):
        raise SquawkError(f"squawk exited with {proc.returncode}: {_first_line(proc.stderr)}")
    if not proc.stdout.strip():
        if proc.returncode == 0:
            return [[] for _ in names]
        # Exit 1 with no report is a failure (e.g. a path it could not read).
        raise SquawkError(f"squawk failed: {_first_line(proc.stderr)}")
    try:
        items = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise SquawkError(
            f"squawk gave no JSON: {_first_line(proc.stderr or proc.stdout)}"
        ) from None
    if not isinstance(items, list):
        raise SquawkError("squawk's JSON output is not a list")
    index = {name: i for i, name in enumerate(names)}
    out: list[list[Report]] = [[] for _ in names]
    errors = [0] * len(names)
    for item in items:
        if not isinstance(item, dict):
            continue
        name = str(item.get("file", ""))
        position = index.get(name[name.rfind("/") + 1 :] if "/" in name else name)
        if position is None:
            continue
        if item.get("rule_name") == "syntax-error":
            # A file squawk cannot read gives one per token it trips on (100,000 for a
            # crafted migration): the first ones name where it stopped and which
            # statements to blank; the rest cost time and say nothing more.
            errors[position] += 1
            if errors[position] > _MAX_SYNTAX_ERRORS:
                continue
        out[position].append(
            Report(
                rule=str(item.get("rule_name", "")),
                line=int(item.get("line", 0)) + 1,
                end_line=int(item.get("line_end") or item.get("line", 0)) + 1,
                column=int(item.get("column", 0)),
                column_end=int(item.get("column_end", 0)),
                message=" ".join(str(item.get("message") or "").split())[:160],
            )
        )
    return out


def _first_line(text: str) -> str:
    stripped = text.strip()
    return stripped.splitlines()[0][:200] if stripped else "no output"


# --- from reports to hits ------------------------------------------------------------

_CAMEL_ID = re.compile(r"[a-z0-9]Id$")
_SERIAL = {"serial", "serial4", "smallserial", "serial2"}
_COLUMN_BEFORE = re.compile(r"(\"[^\"]+\"|(?<![\w$])[\w$]+)\s++$")


def _is_id_column(line_text: str, report: Report) -> bool:
    """Whether a `prefer-bigint` report is about an id (other ints rarely overflow)."""
    type_text = line_text[report.column : report.column_end].strip().lower()
    if type_text in _SERIAL:
        return True
    match = _COLUMN_BEFORE.search(line_text[: report.column])
    if not match:
        return False
    name = match.group(1).strip('"')
    lower = name.lower()
    return lower == "id" or lower.endswith("_id") or bool(_CAMEL_ID.search(name))


# Why `pg-prefer-bigint` is summary only: none of 12 held-out findings was worth acting on.
_GROWTH_NOTE = (
    "Whether this table can reach 2,147,483,647 rows depends on how fast it grows, which "
    "the repository does not show."
)
_REFERENCES = re.compile(r"\bREFERENCES\s+(?:\w+\.)?[\"`]?(\w+)", re.I)
_INT32 = frozenset(
    {"int", "integer", "int4", "serial", "serial4", "smallint", "int2", "smallserial", "mediumint"}
)


def _matches_int_key(line_text: str, report: Report, file: ChangedFile) -> bool:
    """Whether a 32-bit key column points at a table whose own key is 32-bit: the two
    must match, so `bigint` here alone would be the mismatch. The referenced table is
    named by `REFERENCES t` on the line, else by the column (`memo_id` -> `memo(s)`)."""
    match = _COLUMN_BEFORE.search(line_text[: report.column])
    if not match:
        return False
    name = match.group(1).strip('"').lower()
    ref = _REFERENCES.search(line_text[report.column_end :])
    if ref:
        candidates = [ref.group(1)]
    elif name.endswith("_id"):
        stem = name[: -len("_id")]
        candidates = [stem, stem + "s", stem + "es"]
    else:
        return False
    # Imported here: the schema is only needed for this one rule. The review's schema
    # (the whole repository's), else the one this file declares.
    from bot.schema.context import current
    from bot.schema.sources import build_schema

    context = current()
    schema = context.schema if context else build_schema({file.path: file.visible_text()})
    for candidate in candidates:
        table = schema.table(candidate)
        if table is None:
            continue
        key = table.primary_key[0] if table.primary_key else "id"
        column = table.columns.get(key)
        kind = (column.type or "").lower().split("(")[0].strip() if column else ""
        return kind in _INT32
    return False


# A constant default: a number (signed), a string, a boolean or NULL, bare, in
# parentheses, cast with `::type` or `CAST(… AS type)`. PostgreSQL 11+ stores it in the
# catalog without rewriting the table; squawk reads `-1` (a unary minus) as an
# expression and reports it like `gen_random_uuid()`.
_LITERAL = r"(?:[+-]?\s*(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?|'(?:[^']|'')*'|true|false|null)"
_TYPE = r"[a-z_][\w ]*(?:\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\[\])*"
# The SQL-standard date and time functions are STABLE, not volatile: evaluated once by the
# ALTER and stored like a constant (squawk reports `CURRENT_DATE` as if it were volatile).
_STABLE_NOW = (
    r"current_date|current_time(?:stamp)?(?:\s*\(\s*\d\s*\))?"
    r"|localtime(?:stamp)?(?:\s*\(\s*\d\s*\))?|(?:now|transaction_timestamp)\s*\(\s*\)"
)
_CONSTANT_DEFAULT = re.compile(
    rf"(?:(?:{_LITERAL}|{_STABLE_NOW})(?:\s*::\s*{_TYPE})?"
    rf"|cast\s*\(\s*(?:{_LITERAL}|{_STABLE_NOW})\s+as\s+{_TYPE}\s*\))",
    re.I,
)


def _constant_default(line_text: str, report: Report) -> bool:
    """Whether a `adding-field-with-default` report points at a constant default (or a
    stable one, such as `CURRENT_DATE`)."""
    if report.end_line != report.line:
        return False
    text = line_text[report.column : report.column_end].strip()
    while text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    return bool(_CONSTANT_DEFAULT.fullmatch(text))


def _statement_at(
    statements: Sequence[Statement], line: int, starts: Sequence[int] | None = None
) -> Statement | None:
    """The statement covering a line (statements are in file order). `starts`, the
    statements' first lines, computed once by a caller that asks for many lines."""
    if starts is None:
        starts = [s.line for s in statements]
    at = bisect_right(starts, line) - 1
    if at >= 0 and statements[at].end_line >= line:
        return statements[at]
    return None


def _creations(statements: Sequence[Statement]) -> dict[str, int]:
    """Table -> offset of the first CREATE TABLE of it in the file."""
    out: dict[str, int] = {}
    for statement in statements:
        table = created_table(statement)
        if table and table not in out:
            out[table] = statement.start
    return out


def _on_new_table(statement: Statement, creations: dict[str, int]) -> bool:
    table = target_table(statement)
    return table is not None and creations.get(table, statement.start) < statement.start


_TX_BEGIN = re.compile(r"(?:BEGIN|START\s+TRANSACTION)\b", re.IGNORECASE)
_TX_END = re.compile(r"(?:COMMIT|END|ROLLBACK|ABORT)\b", re.IGNORECASE)
_INDEX_KEYWORDS = re.compile(r"\b(create)(\s+(?:unique\s+)?)(index)\b(?!\s+concurrently\b)", re.I)


def _in_transaction(statements: Sequence[Statement]) -> set[int]:
    """The `id` of each statement an explicit `BEGIN … COMMIT` of the file wraps, in one
    pass (asking per finding made a file of thousands of statements quadratic)."""
    out: set[int] = set()
    inside = False
    for statement in statements:
        if inside:
            out.add(id(statement))
        if _TX_BEGIN.match(statement.text):
            inside = True
        elif _TX_END.match(statement.text):
            inside = False
    return out


def concurrent_suggestion(line_text: str) -> str | None:
    """The line with CONCURRENTLY added, when the line is one whole CREATE INDEX."""
    match = _INDEX_KEYWORDS.search(line_text)
    if match is None:
        return None
    word = "CONCURRENTLY" if match.group(3).isupper() else "concurrently"
    fixed = f"{line_text[: match.end()]} {word}{line_text[match.end() :]}"
    statements = split_statements(fixed, POSTGRES)
    if len(statements) != 1:
        return None
    tree = parse(statements[0], POSTGRES)
    if tree is None or not tree.args.get("concurrently"):
        return None
    return fixed


@dataclass(frozen=True)
class _FileView:
    file: ChangedFile
    text: str
    lines: list[str]
    statements: list[Statement]


def _hits_for_file(view: _FileView, reports: Iterable[Report]) -> Iterator[Hit]:
    reports = list(reports)
    specific_ends = {(r.end_line, r.column_end) for r in reports if r.rule in _SPECIFIC_CONSTRAINT}
    creations = _creations(view.statements)
    starts = [s.line for s in view.statements]
    in_transaction = _in_transaction(view.statements)
    for report in reports:
        rule_id = squawk_rules().get(report.rule)
        if rule_id is None:
            continue
        if report.rule == "constraint-missing-not-valid" and (
            (report.end_line, report.column_end) in specific_ends
        ):
            continue
        line_text = view.lines[report.line - 1] if report.line <= len(view.lines) else ""
        if rule_id == "pg-prefer-bigint" and (
            not _is_id_column(line_text, report) or _matches_int_key(line_text, report, view.file)
        ):
            continue
        if report.rule == "adding-field-with-default" and _constant_default(line_text, report):
            continue  # no rewrite since PostgreSQL 11
        statement = _statement_at(view.statements, report.line, starts)
        if (
            rule_id == "pg-change-column-type"
            and statement is not None
            and sql_widening_only(statement.text, target_table(statement), view.file.path)
        ):
            continue  # the schema's old type widens in place: no rewrite, no long lock
        if (
            rule_id not in _TYPE_RULES
            and statement is not None
            and _on_new_table(statement, creations)
        ):
            continue  # the file creates this table: it is empty, nothing waits on it
        suggestion = None
        if (
            rule_id == CREATE_INDEX
            and report.line in view.file.added_lines
            and statement is not None
            and statement.line == statement.end_line
            and id(statement) not in in_transaction
        ):
            suggestion = concurrent_suggestion(line_text)
        yield Hit(
            rule=rule_id,
            path=view.file.path,
            line=report.line,
            end_line=max(report.end_line, report.line),
            suggestion=suggestion,
            detail=_GROWTH_NOTE if rule_id == "pg-prefer-bigint" else None,
        )


def _view(file: ChangedFile, text: str) -> _FileView:
    return _FileView(
        file=file,
        text=text,
        # Split on "\n" only, as squawk counts lines; other line breaks stay in the text.
        lines=[line.removesuffix("\r") for line in text.split("\n")],
        statements=split_statements(text),
    )


def _blank_broken(view: _FileView, reports: Sequence[Report]) -> str | None:
    """The text with every statement squawk could not parse blanked (newlines kept), or
    None when no statement is left."""
    broken: dict[int, Statement] = {}
    for report in reports:
        if report.rule != "syntax-error":
            continue
        statement = _statement_at(view.statements, report.line)
        if statement is None:
            before = [s for s in view.statements if s.end_line <= report.line]
            statement = before[-1] if before else None
        if statement is not None:
            broken[statement.start] = statement
    if not broken:
        return None
    chars = list(view.text)
    for statement in broken.values():
        for i in range(statement.start, statement.end):
            if chars[i] != "\n":
                chars[i] = " "
    repaired = "".join(chars)
    # Nothing left to read: the file is named as not analysed rather than read again.
    return repaired if repaired.strip() else None


def _has_syntax_error(reports: Iterable[Report]) -> bool:
    return any(r.rule == "syntax-error" for r in reports)


_DDL = re.compile(r"\b(?:CREATE|ALTER|DROP|REINDEX)\b", re.IGNORECASE)


def wants_squawk(file: ChangedFile, text: str) -> bool:
    return bool(_DDL.search(text)) and detect_dialect(file.path, text) == POSTGRES


class SquawkCheck(Check):
    name = "squawk"
    rules = RULES
    languages = frozenset({"sql"})
    kinds = frozenset({FileKind.MIGRATION, FileKind.SQL})
    batch = True

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        views = [_view(f, text) for f in files if wants_squawk(f, text := analyzable_text(f))]
        results = run_squawk([v.text for v in views])
        hits: list[Hit] = []
        retry: list[_FileView] = []
        for view, reports in zip(views, results, strict=True):
            if not _has_syntax_error(reports):
                hits.extend(_hits_for_file(view, reports))
                continue
            # Only a diff's view of a file has cut statements worth repairing; a whole
            # file that does not parse would not run either.
            repaired = _blank_broken(view, reports) if view.file.content is None else None
            if repaired is not None:
                retry.append(_view(view.file, repaired))
            else:
                hits.append(_not_analysed(view, reports))
        for view, reports in zip(retry, run_squawk([v.text for v in retry]), strict=True):
            if not _has_syntax_error(reports):
                hits.extend(_hits_for_file(view, reports))
        return hits


def _not_analysed(view: _FileView, reports: Sequence[Report]) -> Hit:
    """The summary names the file squawk could not read, and where it stopped."""
    first = min((r for r in reports if r.rule == "syntax-error"), key=lambda r: r.line)
    reason = first.message or "syntax error"
    return Hit(
        rule=NOT_ANALYSED,
        path=view.file.path,
        line=first.line,
        title=f"Not analysed: {view.file.path} (line {first.line}: {reason})",
        detail=(
            "squawk could not parse this file, so its PostgreSQL lock and type checks did "
            "not run on it."
        ),
        file_level=True,
    )


CHECKS: list[Check] = [SquawkCheck()]
