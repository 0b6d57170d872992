"""Which database a repository runs on, read from its configuration files.

Lock advice is PostgreSQL's: `CREATE INDEX` blocking writes, `NOT VALID` constraints,
`CONCURRENTLY`. MySQL/MariaDB (InnoDB) adds and drops secondary indexes online, and
SQLite has one writer and no online DDL at all, so that advice is wrong there. The
answer is None unless the files name one database, or only MySQL and SQLite: a
project that may run on PostgreSQL (Django settings read from the environment, a
`pg` gem next to another) keeps the PostgreSQL advice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
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
        "database.php",
    }
)

_LARAVEL_DEFAULT = (
    r"[\"']default[\"']\s*=>\s*(?:env\(\s*[\"']DB_CONNECTION[\"']\s*,\s*)?[\"'](?:{names})[\"']"
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
    # Laravel's default connection in `config/database.php` (SQLite, Laravel 11's
    # default for a new app's local setup, says nothing about production).
    (MYSQL, re.compile(_LARAVEL_DEFAULT.format(names="mysql|mariadb"))),
    (POSTGRES, re.compile(_LARAVEL_DEFAULT.format(names="pgsql"))),
)
# MySQL-only SQL syntax in a migration or dump.
_MYSQL_SQL = re.compile(
    r"\bENGINE\s*=\s*InnoDB\b|\bAUTO_INCREMENT\b"
    # `ALTER TABLE t MODIFY col ...` and `ADD col ... AFTER other`: MySQL's column syntax
    # (PostgreSQL has neither; its AFTER belongs to triggers, never to ADD COLUMN).
    r"|\bALTER\s+TABLE\s+[\w`.]+\s+MODIFY\s+(?:COLUMN\s+)?[\w`]+\s+\w",
    re.I,
)
# (bounded: a column definition is short, and an unbounded scan to the next `;` from every
# ADD would be quadratic on a file of ADDs without one; tried only where AFTER is written)
_MYSQL_ADD_AFTER = re.compile(
    r"\bADD\s+(?:COLUMN\s+)?[\w`]+\s+[^;]{0,300}?\bAFTER\s+[\w`]+\s*[;,]", re.I
)
_AFTER = re.compile(r"\bAFTER\b", re.I)
_PG_SQL = re.compile(r"\bCONCURRENTLY\b|\bJSONB\b|::\w+", re.I)
# MySQL takes SERIAL too: PostgreSQL's only when nothing in the repository is MySQL-only.
_SERIAL = re.compile(r"\bSERIAL\b", re.I)


_SERIAL_ONLY = "serial"


@lru_cache(maxsize=32)
def _sql_signal(text: str) -> str | None:
    """What one SQL file says of its database: MySQL, PostgreSQL, only `SERIAL`, or
    nothing. Cached: the schema model and several checks ask about the same files."""
    # MySQL takes `SERIAL` too (and `::` can be a label): next to MySQL-only syntax in
    # the same file, the PostgreSQL-looking words are MySQL's.
    if _MYSQL_SQL.search(text) or (_AFTER.search(text) and _MYSQL_ADD_AFTER.search(text)):
        return MYSQL
    if _PG_SQL.search(text):
        return POSTGRES
    return _SERIAL_ONLY if _SERIAL.search(text) else None


def detect(texts: Mapping[str, str]) -> str | None:
    """The one database the repository's files name, or None when none or several."""
    found: set[str] = set()
    sql_seen: set[str] = set()
    serial = False
    for path, text in texts.items():
        name = PurePosixPath(path).name.lower()
        if name in CONFIG_NAMES or name.startswith("knexfile."):
            found |= {dialect for dialect, pattern in _SIGNALS if pattern.search(text)}
        elif name.endswith(".sql"):
            signal = _sql_signal(text)
            if signal == _SERIAL_ONLY:
                serial = True
            elif signal is not None:
                sql_seen.add(signal)
    if serial and MYSQL not in sql_seen:
        sql_seen.add(POSTGRES)
    found |= package_dialects(texts)
    if not found:
        found = sql_seen
    if found == {MYSQL, SQLITE}:
        return NOT_POSTGRES  # e.g. MariaDB in production, SQLite in development
    return next(iter(found)) if len(found) == 1 else None


# A Node service's package manifest: Kysely chooses its dialect in code and Sequelize
# often in a JSON file named for nothing in particular, but the driver the service
# depends on is the database its migrations run on. Read only beside a library that
# runs migrations, and only when the manifest's folder holds migration code: an
# Electron or CLI package that keeps local data in SQLite says nothing about the
# server's database.
PACKAGE_MANIFEST = "package.json"
_JS_MIGRATORS = frozenset(
    {
        "kysely",
        "typeorm",
        "knex",
        "sequelize",
        "drizzle-orm",
        "@mikro-orm/core",
        "objection",
        "umzug",
        "node-pg-migrate",
        "db-migrate",
    }
)
_JS_DRIVERS = {
    "pg": POSTGRES,
    "postgres": POSTGRES,
    "pg-promise": POSTGRES,
    "@neondatabase/serverless": POSTGRES,
    "@vercel/postgres": POSTGRES,
    "mysql2": MYSQL,
    "mysql": MYSQL,
    "mariadb": MYSQL,
    "better-sqlite3": SQLITE,
    "sqlite3": SQLITE,
    "sqlite": SQLITE,
    "@libsql/client": SQLITE,
}
_JS_CODE = (".js", ".ts", ".mjs", ".cjs", ".sql")


def package_dialects(texts: Mapping[str, str]) -> set[str]:
    """The databases named by the runtime drivers of the package manifests that sit
    beside a migration library and above migration code (devDependencies, test
    databases among them, are not read)."""
    found: set[str] = set()
    for path, text in texts.items():
        p = PurePosixPath(path)
        if p.name.lower() != PACKAGE_MANIFEST:
            continue
        try:
            manifest = json.loads(text)
        except ValueError:
            continue
        deps = manifest.get("dependencies") if isinstance(manifest, dict) else None
        if not isinstance(deps, dict) or not _JS_MIGRATORS & deps.keys():
            continue
        folder = p.parent
        if not any(
            other.lower().endswith(_JS_CODE) and folder in PurePosixPath(other).parents
            for other in texts
        ):
            continue
        found |= {_JS_DRIVERS[name] for name in deps if name in _JS_DRIVERS}
    return found


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
    exists among `paths`; else, when `paths` maps paths to texts, SQLite for a SQL file
    under a package manifest naming SQLite's driver alone. None when nothing says."""
    m = _DIALECT_SUFFIX.search(path)
    if m is not None:
        return _FILE_DIALECTS[m.group(1).lower()]
    generic = _GENERIC_SUFFIX.search(path)
    if generic is None:
        return _from_manifest(path, paths)
    stem, tail = path[: generic.start()], generic.group(1)
    # The PostgreSQL copy may differ by `.autocommit` (built CONCURRENTLY outside a
    # transaction) while the generic file runs inside one.
    direction = tail.removeprefix(".autocommit")
    siblings = {
        f"{stem}.{name}{auto}{direction}"
        for name, d in _FILE_DIALECTS.items()
        if d == POSTGRES
        for auto in ("", ".autocommit")
    }
    if any(p in siblings for p in paths):
        return GENERIC_NOT_POSTGRES
    return _from_manifest(path, paths)


_FOLDER_DIALECT = re.compile(
    r"(?:^|/)(" + "|".join(_FILE_DIALECTS) + r")(?:[_-]?migrations?)?/", re.IGNORECASE
)


def folder_dialect(path: str) -> str | None:
    """The database a migration folder is named for (`migrations/sqlite/0001.sql`,
    `postgres/001_x.up.sql`): its nearest folder named after one, else None."""
    named = _FOLDER_DIALECT.findall(path)
    return _FILE_DIALECTS[named[-1].lower()] if named else None


def _from_manifest(path: str, paths: Iterable[str]) -> str | None:
    if path.lower().endswith(".sql") and isinstance(paths, Mapping):
        text = paths.get(path)
        if text is not None and _sqlite_only(text):
            return SQLITE
        return manifest_dialect(path, paths)
    return None


# Syntax only SQLite accepts (MySQL spells it AUTO_INCREMENT; PostgreSQL has no PRAGMA):
# the file of a program that upgrades its own SQLite database (Duplicati's schema scripts).
_SQLITE_ONLY = re.compile(
    r"\bPRAGMA\s+\w+|\bsqlite_(?:master|sequence|schema)\b|\bAUTOINCREMENT\b|\bWITHOUT\s+ROWID\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def _sqlite_only(text: str) -> bool:
    """Asked once per finding of a file: its text is scanned once."""
    return _SQLITE_ONLY.search(text) is not None


# Package manifests that name the database driver of the code beside them: a crate or
# Go module whose driver is SQLite only (a command-line client's local history file, an
# embedded store) runs its migrations on SQLite, whatever the rest of the repository uses.
MANIFEST_NAMES = frozenset({"cargo.toml", "go.mod"})
# A .NET project file names its packages (`<PackageReference Include="System.Data.SQLite"`).
PROJECT_SUFFIX = ".csproj"
_DRIVERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        SQLITE,
        re.compile(
            r"\brusqlite\b|\blibsqlite3-sys\b|[\"'](?:sqlite|sqlx-sqlite|with-sqlite)[\"']"
            r"|Include=\"(?:System\.Data\.SQLite|Microsoft\.Data\.Sqlite)[\w.]*\""
            r"|<ProjectReference\s+Include=\"[^\"]*(?i:sqlite)[^\"]*\.csproj\""
            r"|\bmattn/go-sqlite3\b|\bmodernc\.org/sqlite\b|\bglebarez/(?:go-)?sqlite\b"
        ),
    ),
    (
        POSTGRES,
        re.compile(
            r"\btokio-postgres\b|\bpostgres\s*=|\bjackc/pgx\b|\blib/pq\b"
            r"|[\"'](?:postgres|postgresql|sqlx-postgres|with-postgres)[\"']"
        ),
    ),
    (
        MYSQL,
        re.compile(
            r"\bmysql_async\b|[\"'](?:mysql|sqlx-mysql|with-mysql)[\"']|\bgo-sql-driver/mysql\b"
        ),
    ),
)


def manifest_dialect(path: str, texts: Mapping[str, str]) -> str | None:
    """SQLITE when the nearest package manifest above `path` that names a database
    driver names SQLite's alone; None otherwise."""
    folder = PurePosixPath(path).parent
    # Asked once per SQL file of a change: a substring test keeps the paths that cannot
    # be a manifest from being parsed as paths (a large change has hundreds).
    manifests = {
        PurePosixPath(p).parent: t
        for p, t in texts.items()
        if (
            any(name in p.lower() for name in MANIFEST_NAMES)
            and PurePosixPath(p).name.lower() in MANIFEST_NAMES
        )
        or p.lower().endswith(PROJECT_SUFFIX)
    }
    for parent in (folder, *folder.parents):
        text = manifests.get(parent)
        if text is None:
            continue
        named = {engine for engine, pattern in _DRIVERS if pattern.search(text)}
        if named:
            return SQLITE if named == {SQLITE} else None
    return None
