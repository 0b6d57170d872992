"""Which database a repository runs on, read from its configuration files.

Lock advice is PostgreSQL's: `CREATE INDEX` blocking writes, `NOT VALID` constraints,
`CONCURRENTLY`. MySQL/MariaDB (InnoDB) adds and drops secondary indexes online, and
SQLite has one writer and no online DDL at all, so that advice is wrong there. The
answer is None unless the files name one database, or only MySQL and SQLite: a
project that may run on PostgreSQL (Django settings read from the environment, a
`pg` gem next to another) keeps the PostgreSQL advice.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath

from bot import lazyre as re

POSTGRES, MYSQL, SQLITE = "postgresql", "mysql", "sqlite"
NOT_POSTGRES = "mysql-or-sqlite"

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
