"""Go migrations: SQL that goose, golang-migrate, xormigrate/gormigrate or a hand-made
list of `func(tx *sql.Tx) error` steps runs from Go strings.

Such files are not under a path the migration frameworks are recognised by, so the
file's text decides: a migration library's type or call, or a step function taking a
transaction. The SQL in its string literals (raw `...` strings and ordinary "..."
strings that start like a statement) is read with the checks shared by every
framework (`migrations_python.embedded_sql_findings`); only strings on lines the
change adds are read, and tables those strings create are empty, so not flagged.
xorm's `Sync`/`Sync2` (tables and indexes from struct tags) is not read.
"""

from __future__ import annotations

import re

from bot.models import ChangedFile
from bot.rules.engine import Hit
from bot.rules.lib.migrations_python import (
    created_tables_in_sql,
    embedded_sql_findings,
    to_hits,
)

GO_INDEX = "go-create-index-blocking"

MIGRATION_CODE = re.compile(
    r"\b(?:xormigrate|gormigrate)\.Migration\b|\bgoose\.AddMigration\w*\("
    r"|\bfunc\s*\(\s*\w+\s+\*sql\.Tx\s*\)|\bmigrate\.NewWithDatabaseInstance\("
)
# Raw strings hold most migration SQL; an ordinary string counts when it starts like
# a statement (a log message or a column name does not).
_RAW = re.compile(r"`([^`]*)`")
_QUOTED = re.compile(r'"((?:[^"\\\n]|\\.){0,2000})"')
_SQL_START = re.compile(r"^\s*(?:ALTER|CREATE|DROP|UPDATE|DELETE|INSERT)\b", re.I)


def hits(file: ChangedFile) -> list[Hit]:
    text = file.visible_text()
    if not MIGRATION_CODE.search(text):
        return []
    strings: list[tuple[str, int]] = []
    for pattern in (_RAW, _QUOTED):
        for match in pattern.finditer(text):
            sql = match.group(1)
            if not _SQL_START.search(sql) and pattern is _QUOTED:
                continue
            line = text.count("\n", 0, match.start(1)) + 1
            span = range(line, line + sql.count("\n") + 1)
            if file.added_lines.isdisjoint(span):
                continue
            strings.append((sql.replace('\\"', '"') if pattern is _QUOTED else sql, line))
    created: set[str] = set()
    for sql, _line in strings:
        created |= created_tables_in_sql(sql)
    findings = [
        f
        for sql, line in strings
        for f in embedded_sql_findings(sql, line, created, GO_INDEX)
        if f.line in file.added_lines
    ]
    return to_hits(file.path, findings)
