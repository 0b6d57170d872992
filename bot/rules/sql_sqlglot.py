"""SQL rules of our own, read statement by statement with sqlglot.

squawk (see `sql_squawk`) covers PostgreSQL migrations. This module covers what it
does not: MySQL's online-DDL clauses, destructive statements in every dialect, and
PostgreSQL's `SET NOT NULL`, which squawk stops reporting from PostgreSQL 12 on.

The dialect of a file is decided by the first of these that applies:

1. a `-- dialect: NAME` comment (a sqlglot dialect name; `mariadb` reads as `mysql`,
   `postgresql`/`pg` as `postgres`);
2. a path segment naming a dialect: `mysql`, `mariadb`, `postgres`, `postgresql`,
   `pg`, `sqlite`, `tsql`, `mssql`, `clickhouse`, and the embedded `h2`, `hsqldb`,
   `derby` (`db/mysql/001.sql`, `schema.mysql.sql`, `clickhouse/migrations/…`);
3. syntax only MySQL accepts: backtick-quoted names, `ENGINE=`, `AUTO_INCREMENT`,
   `UNSIGNED`, `DEFAULT CHARSET`, `ALGORITHM=`;
4. otherwise PostgreSQL, the dialect squawk's rules are written for.

sqlglot reads one statement at a time, so one statement it cannot read never hides
the others. Where it gives up (a parse error, or an opaque `exp.Command`) or does
not model a clause (`NOT VALID`), the statement's text decides.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import TYPE_CHECKING

from bot import lazyre as re
from bot.models import ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, catalog_rules
from bot.rules.lib.sql_text import (
    ALTER_TABLE,
    MYSQL,
    POSTGRES,
    TABLE_NAME,
    Statement,
    analyzable_text,
    created_table,
    detect_dialect,
    normalize_name,
    parse,
    split_statements,
    target_table,
)

if TYPE_CHECKING:
    from sqlglot import exp

# sqlglot itself is imported only when a statement is parsed: a review with no SQL
# file should not pay its ~0.1 s import.

# sqlglot warns through its logger for every statement it falls back on; those
# warnings are about our input, not problems a reviewer can act on.
logging.getLogger("sqlglot").setLevel(logging.ERROR)


# --- rules ---------------------------------------------------------------------------

MYSQL_ALTER = "mysql-alter-table-locking"
DESTRUCTIVE = "sql-destructive"
PG_SET_NOT_NULL = "pg-set-not-null-scan"


RULES = catalog_rules(MYSQL_ALTER, DESTRUCTIVE, PG_SET_NOT_NULL)

# Cheap pre-filters: a file without any of these words is never parsed.
_INTERESTING = re.compile(r"\b(?:ALTER|TRUNCATE|DROP)\b", re.IGNORECASE)
_STATEMENT_START = re.compile(r"(?:ALTER|TRUNCATE|DROP|CREATE)\b", re.IGNORECASE)


Changed = Callable[[Statement], bool]


def _every(statement: Statement) -> bool:
    return True


def touching(lines: Collection[int]) -> Changed:
    """Whether a statement covers one of `lines`: hits elsewhere would be dropped anyway."""
    return lambda s: any(n in lines for n in range(s.line, s.end_line + 1))


def _mysql_option(tree: exp.Expr | None, text: str, name: str) -> str | None:
    """ALGORITHM or LOCK of a MySQL ALTER TABLE, upper-cased; None when not given."""
    from sqlglot import exp

    wanted = exp.AlgorithmProperty if name == "ALGORITHM" else exp.LockProperty
    if isinstance(tree, exp.Alter):
        for option in tree.args.get("options") or ():
            if isinstance(option, wanted):
                return option.name.upper()
        return None
    match = re.search(rf"\b{name}\s*=?\s*(\w+)", text, re.IGNORECASE)
    return match.group(1).upper() if match else None


def mysql_alter_hits(
    path: str, statements: Iterable[Statement], changed: Changed = _every
) -> Iterator[Hit]:
    created: set[str] = set()
    for statement in statements:
        table = created_table(statement)
        if table:
            created.add(table)
            continue
        if not changed(statement) or not ALTER_TABLE.match(statement.text):
            continue
        if target_table(statement) in created:
            continue  # a table this file creates is empty: nothing to lock out
        tree = parse(statement, MYSQL)
        algorithm = _mysql_option(tree, statement.text, "ALGORITHM")
        lock = _mysql_option(tree, statement.text, "LOCK")
        if algorithm == "INSTANT" or lock == "NONE":
            continue
        if algorithm == "COPY" or lock in {"SHARED", "EXCLUSIVE"}:
            detail = "This statement asks for a table copy or lock explicitly."
            yield Hit(MYSQL_ALTER, path, statement.line, statement.end_line, detail=detail)
        elif algorithm is None and _online_from_mysql8(statement.text):
            # MySQL 8.0.12+ adds a column at the end instantly, and 5.6+ builds and drops
            # a secondary index in place with concurrent writes; only 5.x copies here.
            yield Hit(
                MYSQL_ALTER,
                path,
                statement.line,
                statement.end_line,
                detail=_VERSION_UNKNOWN,
                severity=Severity.INFO,
            )
        else:
            yield Hit(MYSQL_ALTER, path, statement.line, statement.end_line)


_VERSION_UNKNOWN = (
    "MySQL 8.0 (from 8.0.12) runs this without copying the table (`ALGORITHM=INSTANT`, or an "
    "in-place index build that lets writes through); MySQL 5.7 and older copy it. The "
    "repository does not show the server version: adding `, ALGORITHM=INSTANT` (or "
    "`ALGORITHM=INPLACE, LOCK=NONE` for an index) makes MySQL refuse rather than lock."
)
# The operations of one ALTER TABLE that MySQL 8.0 does online: a column added at the end
# (no FIRST/AFTER, no generated STORED column, no key in the same clause), a column or
# index renamed or dropped, a default changed, a plain secondary index added. Anything
# else (MODIFY/CHANGE of a type, a charset conversion, a primary key, FULLTEXT/SPATIAL)
# copies the table or blocks writes.
_ONLINE_OPERATION = re.compile(
    r"^(?:ADD\s+(?:COLUMN\s+)?(?!(?:PRIMARY|UNIQUE|FULLTEXT|SPATIAL|CONSTRAINT|FOREIGN|INDEX|KEY)\b)"
    r"(?!.*\b(?:FIRST|AFTER|STORED|AUTO_INCREMENT|PRIMARY\s+KEY)\b)[`\"\w]+\s+\w.*"
    r"|ADD\s+(?:INDEX|KEY)\b.*"
    r"|DROP\s+(?:INDEX|KEY)\b.*"
    r"|DROP\s+(?:COLUMN\s+)?(?!(?:PRIMARY|FOREIGN|CONSTRAINT|CHECK)\b)[`\"\w]+"
    r"|RENAME\s+(?:COLUMN|INDEX|KEY)\b.*"
    r"|ALTER\s+(?:COLUMN\s+)?[`\"\w]+\s+(?:SET\s+DEFAULT|DROP\s+DEFAULT)\b.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _online_from_mysql8(text: str) -> bool:
    """Whether every operation of this ALTER TABLE is one MySQL 8.0 does without a copy."""
    head = ALTER_TABLE.match(text)
    if head is None:
        return False
    body = text[head.end() :].strip().rstrip(";").strip()
    if not body:
        return False
    return all(_ONLINE_OPERATION.match(part.strip()) for part in _top_level_commas(body))


def _top_level_commas(text: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


_TRUNCATE_CASCADE = re.compile(r"TRUNCATE\b.*\bCASCADE\s*$", re.IGNORECASE | re.DOTALL)
_DROP_DATABASE = re.compile(r"DROP\s+DATABASE\b", re.IGNORECASE)
_DROP_SCHEMA_CASCADE = re.compile(r"DROP\s+SCHEMA\b.*\bCASCADE\s*$", re.IGNORECASE | re.DOTALL)


def _destructive_kind(tree: exp.Expr | None, text: str) -> str | None:
    from sqlglot import exp

    if isinstance(tree, exp.TruncateTable):
        return (
            "TRUNCATE … CASCADE" if str(tree.args.get("option", "")).upper() == "CASCADE" else None
        )
    if isinstance(tree, exp.Drop):
        kind = str(tree.args.get("kind") or "").upper()
        if kind == "DATABASE":
            return "DROP DATABASE"
        return "DROP SCHEMA … CASCADE" if kind == "SCHEMA" and tree.args.get("cascade") else None
    if tree is not None:
        return None
    for pattern, what in (
        (_TRUNCATE_CASCADE, "TRUNCATE … CASCADE"),
        (_DROP_DATABASE, "DROP DATABASE"),
        (_DROP_SCHEMA_CASCADE, "DROP SCHEMA … CASCADE"),
    ):
        if pattern.match(text):
            return what
    return None


def destructive_hits(
    path: str, statements: Iterable[Statement], dialect: str, changed: Changed = _every
) -> Iterator[Hit]:
    for statement in statements:
        if not changed(statement):
            continue
        if not re.match(r"(?:TRUNCATE|DROP)\b", statement.text, re.IGNORECASE):
            continue
        what = _destructive_kind(parse(statement, dialect), statement.text)
        if what:
            yield Hit(
                DESTRUCTIVE,
                path,
                statement.line,
                statement.end_line,
                title=f"Destructive statement: {what}",
            )


_SET_NOT_NULL = re.compile(
    r"ALTER\s+(?:COLUMN\s+)?(" + TABLE_NAME + r")\s+SET\s+NOT\s+NULL", re.IGNORECASE
)
_CHECK_NOT_NULL = re.compile(
    r"CHECK\s*\(\s*\(?\s*(" + TABLE_NAME + r")\s*\)?\s+IS\s+NOT\s+NULL\s*\)", re.IGNORECASE
)


def _set_not_null_columns(tree: exp.Expr | None, text: str) -> list[str]:
    from sqlglot import exp

    if isinstance(tree, exp.Alter):
        return [
            normalize_name(action.this.sql(POSTGRES))
            for action in tree.args.get("actions") or ()
            if isinstance(action, exp.AlterColumn) and action.args.get("allow_null") is False
        ]
    return [normalize_name(m.group(1)) for m in _SET_NOT_NULL.finditer(text)]


def set_not_null_hits(
    path: str, statements: Iterable[Statement], changed: Changed = _every
) -> Iterator[Hit]:
    created: set[str] = set()
    checked: set[tuple[str | None, str]] = set()
    for statement in statements:
        table = created_table(statement)
        if table:
            created.add(table)
            continue
        if not ALTER_TABLE.match(statement.text):
            continue
        target = target_table(statement)
        # With `CHECK (col IS NOT NULL)` validated first, PostgreSQL 12+ skips the scan.
        checked.update(
            (target, normalize_name(m.group(1))) for m in _CHECK_NOT_NULL.finditer(statement.text)
        )
        if not changed(statement) or target in created:
            continue
        if not _SET_NOT_NULL.search(statement.text):
            continue
        columns = _set_not_null_columns(parse(statement, POSTGRES), statement.text)
        unproven = [c for c in columns if (target, c) not in checked]
        if unproven:
            yield Hit(
                PG_SET_NOT_NULL,
                path,
                statement.line,
                statement.end_line,
                detail=f"Column(s): {', '.join(f'`{c}`' for c in unproven)}.",
            )


def file_hits(path: str, text: str, added: Collection[int] | None = None) -> Iterator[Hit]:
    """Every hit of this module's rules in one SQL file; with `added`, only in statements
    that touch those lines (the others are read for context, never parsed)."""
    if not _INTERESTING.search(text):
        return
    dialect = detect_dialect(path, text)
    statements = [s for s in split_statements(text, dialect) if _STATEMENT_START.match(s.text)]
    changed = _every if added is None else touching(added)
    yield from destructive_hits(path, statements, dialect, changed)
    if dialect == MYSQL:
        yield from mysql_alter_hits(path, statements, changed)
    elif dialect == POSTGRES:
        yield from set_not_null_hits(path, statements, changed)


class SqlglotCheck(Check):
    name = "sqlglot"
    rules = RULES
    languages = frozenset({"sql"})
    kinds = frozenset({FileKind.MIGRATION, FileKind.SQL})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return list(file_hits(file.path, analyzable_text(file), file.added_lines))


CHECKS: list[Check] = [SqlglotCheck()]
