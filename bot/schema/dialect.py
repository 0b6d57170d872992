"""Which database a repository runs on, read from its configuration files.

Lock advice is PostgreSQL's: `CREATE INDEX` blocking writes, `NOT VALID` constraints,
`CONCURRENTLY`. MySQL/MariaDB (InnoDB) adds and drops secondary indexes online, and
SQLite has one writer and no online DDL at all, so that advice is wrong there. The
answer is None unless the files name one database, or only MySQL and SQLite: a
project that may run on PostgreSQL (Django settings read from the environment, a
`pg` gem next to another) keeps the PostgreSQL advice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from bot import lazyre as re

POSTGRES, MYSQL, SQLITE = "postgresql", "mysql", "sqlite"
NOT_POSTGRES = "mysql-or-sqlite"
COCKROACH = "cockroachdb"
# A generic migration next to a PostgreSQL-specific copy of it: it runs on the other
# databases the project supports (CockroachDB, SQLite, MySQL), never on PostgreSQL.
GENERIC_NOT_POSTGRES = "not-postgresql"

# File names (lower case) whose text names the database; `candidate` reads them too.
CONFIG_NAMES = frozenset(
    {
        "database.yml",
        "gemfile",
        "knexfile.js",
        "knexfile.ts",
        "knexfile.cjs",
        "knexfile.mjs",
        "settings.py",
        ".sequelizerc",
        "alembic.ini",
    }
)

_SIGNALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Rails: the adapter in database.yml, or the adapter gem.
    (POSTGRES, re.compile(r"^\s*adapter:\s*[\"']?(?:postgresql|postgis)\b", re.M)),
    (MYSQL, re.compile(r"^\s*adapter:\s*[\"']?(?:mysql2|trilogy|mysql)\b", re.M)),
    (SQLITE, re.compile(r"^\s*adapter:\s*[\"']?sqlite3?\b", re.M)),
    (POSTGRES, re.compile(r"^\s*gem\s+[\"']pg[\"']", re.M)),
    (MYSQL, re.compile(r"^\s*gem\s+[\"'](?:mysql2|trilogy)[\"']", re.M)),
    (SQLITE, re.compile(r"^\s*gem\s+[\"']sqlite3[\"']", re.M)),
    # Django settings.
    (POSTGRES, re.compile(r"[\"']django\.db\.backends\.postgresql\w*[\"']")),
    (MYSQL, re.compile(r"[\"']django\.db\.backends\.mysql[\"']")),
    (SQLITE, re.compile(r"[\"']django\.db\.backends\.sqlite3[\"']")),
    # knex `client:`, sequelize `dialect:`, SQLAlchemy URLs.
    (POSTGRES, re.compile(r"\b(?:client|dialect)\s*:\s*[\"'](?:pg|postgres|postgresql)[\"']")),
    (MYSQL, re.compile(r"\b(?:client|dialect)\s*:\s*[\"'](?:mysql2?|mariadb)[\"']")),
    (SQLITE, re.compile(r"\b(?:client|dialect)\s*:\s*[\"'](?:sqlite3?|better-sqlite3)[\"']")),
)
# MySQL-only SQL syntax in a migration or dump.
_MYSQL_SQL = re.compile(r"\bENGINE\s*=\s*InnoDB\b|\bAUTO_INCREMENT\b", re.I)
_PG_SQL = re.compile(r"\bCONCURRENTLY\b|\bJSONB\b|\bSERIAL\b|::\w+", re.I)


def detect(texts: Mapping[str, str]) -> str | None:
    """The one database the repository's files name, or None when none or several."""
    found: set[str] = set()
    sql_seen: set[str] = set()
    for path, text in texts.items():
        name = PurePosixPath(path).name.lower()
        if name in CONFIG_NAMES or name.startswith("knexfile."):
            found |= {dialect for dialect, pattern in _SIGNALS if pattern.search(text)}
        elif name.endswith(".sql"):
            if _MYSQL_SQL.search(text):
                sql_seen.add(MYSQL)
            if _PG_SQL.search(text):
                sql_seen.add(POSTGRES)
    if not found:
        found = sql_seen
    if found == {MYSQL, SQLITE}:
        return NOT_POSTGRES  # e.g. MariaDB in production, SQLite in development
    return next(iter(found)) if len(found) == 1 else None


# Migration folders with one file per database (ory/pop "fizz" migrations, and others):
# `NAME.up.sql` for every database without its own copy, `NAME.postgres.up.sql`,
# `NAME.mysql.up.sql`, `NAME.sqlite3.up.sql`, `NAME.cockroach.up.sql`.
_FILE_DIALECTS = {
    "postgres": POSTGRES,
    "postgresql": POSTGRES,
    "pg": POSTGRES,
    "mysql": MYSQL,
    "mariadb": MYSQL,
    "sqlite": SQLITE,
    "sqlite3": SQLITE,
    "cockroach": COCKROACH,
    "cockroachdb": COCKROACH,
    "crdb": COCKROACH,
}
_DIALECT_SUFFIX = re.compile(
    r"\.(" + "|".join(_FILE_DIALECTS) + r")((?:\.autocommit)?\.(?:up|down)\.sql)$", re.I
)
_GENERIC_SUFFIX = re.compile(r"((?:\.autocommit)?\.(?:up|down)\.sql)$", re.I)


def file_dialect(path: str, paths: Iterable[str]) -> str | None:
    """The database one migration file of a per-database folder runs on: its own
    suffix, or, for the generic file, "not PostgreSQL" when a `.postgres` copy of it
    exists among `paths`. None when the name says nothing."""
    m = _DIALECT_SUFFIX.search(path)
    if m is not None:
        return _FILE_DIALECTS[m.group(1).lower()]
    generic = _GENERIC_SUFFIX.search(path)
    if generic is None:
        return None
    stem, tail = path[: generic.start()], generic.group(1)
    siblings = {f"{stem}.{name}{tail}" for name, d in _FILE_DIALECTS.items() if d == POSTGRES}
    if any(p in siblings for p in paths):
        return GENERIC_NOT_POSTGRES
    return None
