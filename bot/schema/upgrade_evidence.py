"""When a migration runs with no old release serving, or on an empty database.

`bot.schema.startup` reads start-up code that applies the migrations itself. This
module adds three more kinds of evidence the repository itself shows (judged on real
commits, `bench/migration_precision.py --set freshI`):

- a README beside the migrations, or a start-up file / operator document, that says the
  schema is upgraded offline ("supports **offline** schema migrations"), that live
  migration is not supported, or that the servers are shut down before migrating (a
  server that refuses to start on a pending migration says so in its error);
- a README beside the migrations saying they are applied automatically when the
  application starts or initialises, or a Spring `Flyway` bean built with
  `initMethod = "migrate"` (Flyway runs before the application serves);
- a SQL script outside the migration folders named for creating the schema
  (`CreateIndexes.sql`, `create_primary_keys.sql`): it builds a new database, whose
  tables are empty, while the live database is changed by the update scripts beside it;
- a drop of a migration tool's own bookkeeping table (`databasechangelog`,
  `flyway_schema_history`), which no application code reads;
- a comment above the statement that weighs its lock against the table's measured size
  ("Asset is ~13k rows, so the build completes in sub-second under its brief lock"):
  the author decided it knowing what the reviewer cannot see.

Pure: paths and texts in, an explanation or None out.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import PurePosixPath

from bot import lazyre as re
from bot.schema import startup

_README = re.compile(r"^readme(?:\.(?:md|adoc|rst|txt|markdown))?$", re.I)
# A folder holding (or above) migrations or schema scripts.
_SCHEMA_DIR = re.compile(
    r"^(?:schema|schemas|migrations?|migrate|db|database|sql|sqlmigration|updates?|upgrades?"
    r"|changelogs?|flyway|liquibase|alembic|crdb|postgres(?:ql)?|mysql)$",
    re.I,
)
_SKIP = re.compile(r"(^|/)(tests?|spec|__tests__|fixtures|vendor|node_modules|testdata|examples?)/")

_NEGATED = re.compile(r"\bnot\b|n't\b|\bnever\b|\bno longer\b", re.I)
# "supports **offline** schema migrations", "== Offline Upgrade", "upgrades run offline"
_OFFLINE = re.compile(
    r"\boffline\W{0,4}(?:schema\s+|database\s+)?(?:migrat|upgrad|updat)"
    r"|\b(?:migrat|upgrad)\w*\s+(?:\w+\s+){0,3}?offline\b",
    re.I,
)
# "does not currently support live migration", "no zero-downtime upgrades"
_NO_LIVE = re.compile(
    r"(?:\bnot\b|n't\b|\bno\b|\bnever\b)[^.\n]{0,40}?\b(?:live|online|zero[- ]downtime|rolling)"
    r"\W{1,3}(?:schema\s+|database\s+)?(?:migrat|upgrad)",
    re.I,
)
# "Ensure all controllers are shut down before running the migration command."
_SHUT_DOWN_BEFORE = re.compile(
    r"\b(?:shut(?:\s+|-)?down|stop(?:ped)?)\b[^.\n]{0,60}?\bbefore\b[^.\n]{0,40}?"
    r"\b(?:migrat|upgrad)",
    re.I,
)
# A Spring bean that builds Flyway and runs `migrate` as its init method, or a Flyway
# initializer bean: the schema is migrated while the application context starts.
_FLYWAY_FILE = re.compile(r"flyway[^/]*\.(?:java|kt)$", re.I)
_FLYWAY_AT_START = re.compile(
    r"initMethod\s*=\s*\"migrate\"|\bFlywayMigrationInitializer\s*\(", re.I
)


def candidate(path: str) -> bool:
    """Whether a path may show how the migrations are applied (path alone)."""
    if _SKIP.search(path):
        return False
    p = PurePosixPath(path)
    if _README.match(p.name):
        return any(_SCHEMA_DIR.match(part) for part in p.parts[:-1])
    return bool(_FLYWAY_FILE.search(p.name))


# The sentence is about the database ("upgrading the connection" is not).
_DATABASE_WORD = re.compile(r"\b(?:migrat\w*|schema|database)\b", re.I)


def _offline_sentence(text: str) -> str | None:
    for sentence in startup.SENTENCE.findall(text):
        if not _DATABASE_WORD.search(sentence):
            continue
        if _NO_LIVE.search(sentence):
            return sentence
        if (_OFFLINE.search(sentence) or _SHUT_DOWN_BEFORE.search(sentence)) and not (
            _NEGATED.search(sentence)
        ):
            return sentence
    return None


def _beside(readme: str, migration: str) -> bool:
    """A README in the migration's folder or one of the folders above it."""
    folder = posixpath.dirname(readme)
    return bool(folder) and (migration.startswith(folder + "/"))


def _quote(sentence: str) -> str:
    words = " ".join(sentence.replace("`", "").replace('"', "").replace("*", "").split()).strip(
        " +*:;,"
    )
    return words if len(words) <= 120 else words[:117].rstrip() + "..."


def no_old_release_serving(texts: Mapping[str, str], migration: str) -> str | None:
    """One line saying why no old release serves while `migration` runs, or None."""
    for path in sorted(texts):
        text = texts[path]
        name = PurePosixPath(path).name
        if _README.match(name) and candidate(path):
            if not _beside(path, migration):
                continue
            said = _offline_sentence(text)
            if said is not None:
                return _offline_note(path, said)
            if startup.says_migrates_at_start(text):
                return (
                    f"The README beside the migrations (`{path}`) says they are applied "
                    "automatically when the application starts, before it serves: no running "
                    "code waits on this lock or still reads the old schema. If it runs as "
                    "several instances during a deploy, this applies again."
                )
        elif _FLYWAY_FILE.search(name) and not _SKIP.search(path):
            if _FLYWAY_AT_START.search(text):
                return (
                    f"Flyway migrates the schema while the application starts (`{path}`), "
                    "before it serves: no running code waits on this lock or still reads the "
                    "old schema. If it runs as several instances during a deploy, this "
                    "applies again."
                )
        elif startup.candidate(path):
            said = _offline_sentence(text)
            if said is not None:
                return _offline_note(path, said)
    return None


def _offline_note(path: str, said: str) -> str:
    return (
        f"The repository says its migrations run with no old version serving (`{path}`: "
        f'"{_quote(said)}"): no running code waits on this lock or still reads the old schema.'
    )


# Folders of scripts run against a live database, one per change.
_UPDATE_DIRS = frozenset(
    {
        "migrations",
        "migration",
        "migrate",
        "updates",
        "update",
        "upgrades",
        "upgrade",
        "versions",
        "changes",
        "changelog",
        "patches",
        "deltas",
        "sqlmigration",
        "schema-change",
    }
)
# `CreateIndexes.sql`, `create_primary_keys.sql`, `create-constraints.sql`: named for
# creating one part of the schema, without the version or date a migration carries.
_INSTALL_NAME = re.compile(
    r"^create[-_]?(?:indexes|indices|constraints|primary[-_]?keys|foreign[-_]?keys|fkeys"
    r"|pkeys|tables|schema|triggers|views|functions)\.sql$",
    re.I,
)


def install_script(path: str, texts: Mapping[str, str]) -> bool:
    """Whether `path` is a script that creates a new database, kept beside the update
    scripts that change the live one (some other SQL file in `texts` is in an update
    folder)."""
    p = PurePosixPath(path)
    if not _INSTALL_NAME.match(p.name) or _UPDATE_DIRS & {d.lower() for d in p.parts[:-1]}:
        return False
    return any(
        other.lower().endswith(".sql")
        and bool(_UPDATE_DIRS & {d.lower() for d in PurePosixPath(other).parts[:-1]})
        for other in texts
    )


def install_script_note(path: str) -> str:
    return (
        f"`{PurePosixPath(path).name}` creates the schema of a new database (from its name, "
        "outside the update scripts): its tables are empty when it runs, so this blocks "
        "nobody. A change to the live database belongs in an update script."
    )


# Tables a migration tool keeps for itself: which migrations ran, and its lock.
_BOOKKEEPING = frozenset(
    {
        "databasechangelog",
        "databasechangeloglock",
        "flyway_schema_history",
        "schema_version",
        "schema_migrations",
        "ar_internal_metadata",
        "alembic_version",
        "django_migrations",
        "knex_migrations",
        "knex_migrations_lock",
        "goose_db_version",
        "gorp_migrations",
        "_prisma_migrations",
        "sequelizemeta",
        "__diesel_schema_migrations",
        "_sqlx_migrations",
    }
)
_DROP_TABLE = re.compile(
    r"\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?((?:[\w\"`.]+\s*,\s*)*[\w\"`.]+)", re.I
)


def drops_bookkeeping(line: str) -> bool:
    """Whether a statement drops only a migration tool's own bookkeeping tables."""
    m = _DROP_TABLE.search(line)
    if m is None:
        return False
    names = [
        n.strip().strip('"`').split(".")[-1].strip('"`').lower() for n in m.group(1).split(",")
    ]
    return bool(names) and all(n in _BOOKKEEPING for n in names)


BOOKKEEPING_NOTE = (
    "This drops a migration tool's own bookkeeping table (which migrations ran), which no "
    "application code reads."
)


# Comment lines of SQL, Ruby/Python and JS/Go/PHP migrations.
_COMMENT = re.compile(r"^\s*(?:--|#|//|/?\*)\s?(.*)$")
_LOCK_WORD = re.compile(r"\block(?:s|ed|ing)?\b|\bconcurrently\b|\bblock(?:s|ed|ing)?\b", re.I)
# A measured size or duration: "~13k rows", "tens of thousands of rows", "sub-second",
# "a few seconds", "2.3s".
_MEASURED = re.compile(
    r"~?\d[\d,.]*\s*[km]?\s+rows\b|\b(?:tens|hundreds|thousands)\s+of\s+(?:thousands\s+of\s+)?rows\b"
    r"|\bsub-?second\b|\b(?:a\s+few|few|\d+)\s+(?:milli)?seconds\b",
    re.I,
)


def comment_weighs_lock(text: str, line: int) -> str | None:
    """The comment above `line` that names the lock and a measured size, or None."""
    rows = text.splitlines()[: max(line - 1, 0)]
    said = " ".join(m.group(1) for row in rows if (m := _COMMENT.match(row)) is not None)
    if not _LOCK_WORD.search(said):
        return None
    size = _MEASURED.search(said)
    return None if size is None else size.group()


def weighed_note(size: str) -> str:
    return (
        f"The migration's own comment weighs this lock against the table's size "
        f'("{size}"): left to the author, who can see the production data.'
    )
