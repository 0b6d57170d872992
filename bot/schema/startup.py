"""Whether the application applies its own migrations when it starts, before it serves.

A self-hosted single binary (diesel's `embed_migrations!` run from the server, Go code
calling its migrator from `main`/`init`, Knex's `migrate.latest()` in the server's
database module) migrates while its previous version is stopped: no request waits on
a lock, and no old code reads a dropped or renamed column. The lock and "running code"
hazards of its migrations then belong in the summary, with one line saying why.

The answer comes from the repository's own start-up code, read from a few files picked
by path (so the App fetches them with the schema files); a migration command the
operator runs by hand (`cmd/migrate.go`, `diesel migration run`) is not a signal.
Pure: paths and texts in, an explanation or None out.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import PurePosixPath

from bot import lazyre as re

# Go files where a program starts: `main.go`, and the usual start-up packages.
_GO_NAMES = frozenset({"main.go", "init.go", "server.go", "serve.go", "app.go", "db.go"})
_GO_DIRS = frozenset({"initialize", "init", "bootstrap", "startup"})
# A Go server's database package opens the connection and, in a self-hosted binary,
# migrates there (`pkg/datastore/sqlstore/sqlstore.go`, `database/migrate.go`).
_GO_DB_DIRS = frozenset({"database", "datastore", "sqlstore", "db", "store", "storage"})
_JS_STEMS = frozenset({"db", "database", "server", "app", "main", "index", "util", "utils"})
_RUST_WORDS = ("schema", "migrat", "database")
# A Rust crate's database module (`src/db/mod.rs`, `src/storage/mod.rs`, `src/db.rs`)
# opens the pool and, in a self-hosted server, runs the embedded migrations there.
_RUST_DB = frozenset({"db", "storage", "store", "persistence"})
_SKIP = re.compile(r"(^|/)(tests?|spec|__tests__|fixtures|vendor|node_modules|testdata|examples?)/")

_SIGNALS: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = (
    (
        "rust",
        re.compile(r"\bembed_migrations!"),
        re.compile(r"\brun_pending_migrations\b|\brun_next_migration\b"),
    ),
    (
        "go",
        re.compile(
            r"\b\w*[Mm]igrat\w*\.(?:Migrate|Up|UpContext|Run)\(|\.Migrate\(\s*ctx\b"
            r"|\bgoose\.(?:Up|UpContext|Run|RunContext)\("
            # rubenv/sql-migrate's `migrate.Exec(db, dialect, source, migrate.Up)` and
            # gorm's `AutoMigrate`, which exists to run when the program starts.
            r"|\bmigrate\.Exec(?:Max)?\(|\.AutoMigrate\("
        ),
        None,
    ),
    ("js", re.compile(r"\.migrate\.latest\("), None),
    # A Python program's own entry point running Django's migrate (`kolibri start`).
    ("python", re.compile(r"\bcall_command\(\s*[\"']migrate[\"']"), None),
    # Prisma's migration engine driven from the server's own code (`@prisma/migrate`).
    ("js", re.compile(r"\.applyMigrations\("), re.compile(r"[\"']@prisma/migrate\b")),
)
_LANG = {
    ".rs": "rust",
    ".go": "go",
    ".js": "js",
    ".ts": "js",
    ".mjs": "js",
    ".cjs": "js",
    ".py": "python",
}
# A Python program's entry points (`kolibri/utils/main.py`, `app/__main__.py`).
_PY_NAMES = frozenset({"main.py", "__main__.py", "server.py", "startup.py", "entrypoint.py"})


# How an installed product is upgraded, shown by the repository itself: the container's
# start-up script or command runs the migrations before the server (Tandoor's `boot.sh`,
# a `docker-entrypoint.sh` with `rails db:prepare`), the operator documentation names
# the migration step of an upgrade (indico's `indico db upgrade`, pretalx's `python -m
# pretalx migrate`), or a Django `upgrade` management command runs `migrate` (Kiwi TCMS).
# Each installation then migrates with its old version stopped or briefly locked out.
_MIGRATE_COMMAND = re.compile(
    r"\bmanage\.py[\"']?\s+(?:migrate|upgrade)\b|\bdjango-admin\s+migrate\b"
    r"|\bpython3?\s+-m\s+[\w.]+\s+(?:migrate|upgrade)\b"
    r"|\b(?:rails|rake)\s+db:(?:migrate|prepare)|\balembic\s+upgrade\b"
    r"|\b[\w-]+\s+db\s+upgrade\b|\bartisan\s+migrate\b|\bprisma\s+migrate\s+deploy\b"
    r"|\bknex\s+migrate:latest\b|\bsequelize(?:-cli)?\s+db:migrate\b"
    r"|\btypeorm(?:-ts-node-\w+)?\s+migration:run\b"
)
_SCRIPT_NAME = re.compile(
    r"^(?:[\w-]*entrypoint[\w.-]*\.sh|boot\.sh|start[\w-]*\.sh|dockerfile|[\w.-]+\.dockerfile"
    r"|dockerfile\.[\w-]+)$"
)
_NOT_STARTUP_SCRIPT = re.compile(r"test|dev|local|migrat|(?:^|[-_.])ci(?:[-_.]|$)")
_DEV_DIRS = frozenset(
    {".devcontainer", "dev", "development", ".github", "ci", "scripts-dev", "project_template"}
)
_DOC_DIRS = frozenset({"doc", "docs", "documentation"})
# "install" alone is not enough: a contributor's setup guide is named that way too.
_OPERATOR_DOC = re.compile(r"admin|upgrad|updat|maintenance|self-?host|operat")
# A document about the project's migrations counts only by saying they run at start-up:
# one naming the migration command may be the developers' own how-to.
_MIGRATION_DOC = re.compile(r"migrat")
_DEV_DOC = re.compile(r"develop|contribut|hacking|changelog|release")
_DOC_SUFFIXES = frozenset({".md", ".rst", ".txt", ".adoc"})
_UPGRADE_COMMAND_FILE = "management/commands/upgrade.py"
# An operator document saying the product migrates its own schema when it starts
# ("Authelia will automatically upgrade your schema on startup"), one sentence at a time;
# a sentence that negates it ("is not applied automatically") says the opposite.
SENTENCE = re.compile(r"[^.!?\n]+(?:\n(?!\s*\n)[^.!?\n]+)*")
_AUTOMATIC = re.compile(r"\bautomatic(?:ally)?\b", re.I)
_SCHEMA_WORD = re.compile(r"\b(?:migrat\w*|upgrad\w*|schema)\b", re.I)
_AT_START = re.compile(
    r"\b(?:on|at|during|upon|when)\s+(?:\w+\s+){0,3}?"
    r"(?:start(?:-?up|s|ing)?|boot\w*|launch\w*|initiali[sz]\w*)\b"
    r"|\bstart-?up\b",
    re.I,
)
# An operator's upgrade guide that stops the product's services and then runs its own
# upgrade script (`sh ./tools/bin/upgrade-schema.sh`): the schema changes while nothing
# serves. A guide naming the script without stopping anything (the old version keeps
# serving until it is restarted) is no evidence.
_UPGRADE_SCRIPT = re.compile(r"\b[\w-]*upgrade[\w-]*\.(?:sh|bat|ps1)\b", re.I)
_STOP_SERVICE = re.compile(
    r"^[#\s]*stop\b[^.\n]{0,60}\b(?:services?|servers?|daemons?|instances?|application)\b"
    r"|\bsystemctl\s+stop\b|\bservice\s+[\w.-]+\s+stop\b",
    re.I | re.M,
)
_NEGATED = re.compile(r"\bnot\b|n't\b|\bnever\b|\bdisabl", re.I)
_DOCKER_RUNTIME = re.compile(r"^\s*(?:CMD|ENTRYPOINT)\b(?:[^\n]*\\\n)*[^\n]*", re.M | re.I)


# A start-up script's step that runs a program file before the server (`node db/init.js`,
# `npx ts-node ./scripts/setup.ts`): that file's own code says whether it migrates.
_RUNS_FILE = re.compile(
    r"^\s*(?:exec\s+)?(?:node|npx\s+(?:ts-node|tsx)|ts-node|tsx)\s+(?:--[\w-]+(?:=\S+)?\s+)*"
    r"[\"']?((?:\.{1,2}/)?[\w./-]+\.(?:[cm]?js|ts))\b",
    re.M,
)
# The JS files such a step runs by name: a database package's init, setup or upgrade
# script (`server/db/init.js`), fetched with the start-up script so it can be read.
_JS_DB_DIRS = frozenset({"db", "database"})
_JS_SETUP_STEMS = frozenset({"init", "setup", "bootstrap", "upgrade", "prepare"})


def _setup_script(path: str) -> bool:
    """A database setup script by its path; it counts only when a start-up script runs
    it (an operator may run it by hand too)."""
    p = PurePosixPath(path)
    return (
        p.suffix.lower() in {".js", ".ts", ".mjs", ".cjs"}
        and bool({d.lower() for d in p.parts[:-1]} & _JS_DB_DIRS)
        and p.stem.lower() in _JS_SETUP_STEMS
    )


def _script_runs(path: str, text: str) -> list[str]:
    """The repository paths of the program files a start-up script runs, in order."""
    base = posixpath.dirname(path)
    code = "\n".join(row for row in text.splitlines() if not row.lstrip().startswith("#"))
    return [posixpath.normpath(posixpath.join(base, m.group(1))) for m in _RUNS_FILE.finditer(code)]


def _runs_migrating_file(path: str, texts: Mapping[str, str]) -> bool:
    return any(
        target in texts and _migrates_itself(target, texts[target])
        for target in _script_runs(path, texts[path])
    )


def _migrates_itself(path: str, text: str) -> bool:
    """Whether a program file's own code applies the migrations (`_SIGNALS`)."""
    lang = _LANG.get(PurePosixPath(path).suffix.lower())
    return any(
        signal_lang == lang and first.search(text) and (second is None or second.search(text))
        for signal_lang, first, second in _SIGNALS
    )


def _upgrade_file(path: str) -> bool:
    """Whether a path may show how an installation is started or upgraded."""
    p = PurePosixPath(path)
    name, suffix = p.name.lower(), p.suffix.lower()
    dirs = [part.lower() for part in p.parts[:-1]]
    if path.endswith(_UPGRADE_COMMAND_FILE):
        return True
    if _SCRIPT_NAME.match(name):
        # Not a test or development container's script, nor a separate migrator
        # container, which may run while the old version still serves.
        return not set(dirs) & _DEV_DIRS and not _NOT_STARTUP_SCRIPT.search(name)
    if suffix in _DOC_SUFFIXES and set(dirs) & _DOC_DIRS:
        where = "/".join([*dirs, p.stem.lower()])
        return bool(_OPERATOR_DOC.search(where) or _MIGRATION_DOC.search(where)) and not (
            _DEV_DOC.search(where)
        )
    return False


def _migrates_on_upgrade(path: str, text: str) -> bool:
    name = PurePosixPath(path).name.lower()
    if path.endswith(_UPGRADE_COMMAND_FILE):
        return bool(re.search(r"call_command\(\s*[\"']migrate[\"']|^migrate$", text, re.M))
    if name.startswith("dockerfile") or name.endswith(".dockerfile"):
        return any(_MIGRATE_COMMAND.search(m.group()) for m in _DOCKER_RUNTIME.finditer(text))
    if name.endswith(".sh"):
        code = "\n".join(row for row in text.splitlines() if not row.lstrip().startswith("#"))
        return bool(_MIGRATE_COMMAND.search(code))
    if says_migrates_at_start(text):
        return True
    p = PurePosixPath(path)
    if p.suffix.lower() in _DOC_SUFFIXES:
        where = "/".join([*(d.lower() for d in p.parts[:-1]), p.stem.lower()])
        if not _OPERATOR_DOC.search(where):
            return False
        if _stops_then_upgrades(text):
            return True
    return bool(_MIGRATE_COMMAND.search(text))


def _stops_then_upgrades(text: str) -> bool:
    stop = _STOP_SERVICE.search(text)
    return stop is not None and _UPGRADE_SCRIPT.search(text, stop.end()) is not None


def says_migrates_at_start(text: str) -> bool:
    for sentence in SENTENCE.findall(text):
        if (
            _AUTOMATIC.search(sentence)
            and _SCHEMA_WORD.search(sentence)
            and _AT_START.search(sentence)
            and not _NEGATED.search(sentence)
        ):
            return True
    return False


def candidate(path: str) -> bool:
    """Whether a path may hold the code that starts the application (path alone)."""
    if _SKIP.search(path):
        return False
    if _upgrade_file(path):
        return True
    p = PurePosixPath(path)
    name, suffix = p.name.lower(), p.suffix.lower()
    dirs = {part.lower() for part in p.parts[:-1]}
    if suffix == ".go" and dirs & _GO_DB_DIRS and "cmd" not in dirs:
        # The database package's own migrate step (`database/migrate.go`), not a migration
        # file nor the command an operator runs (`cmd/migrate.go`).
        return not name.endswith("_test.go") and not name[:1].isdigit()
    if "migrat" in name or name.endswith(("_test.go", ".test.js", ".test.ts", ".spec.ts")):
        return False  # a migration, or the command an operator runs by hand
    if suffix == ".go":
        return name in _GO_NAMES or bool(dirs & _GO_DIRS)
    if suffix == ".rs":
        return (
            name == "main.rs"
            or any(w in path.lower() for w in _RUST_WORDS)
            or bool(_RUST_DB & dirs)
            or p.stem.lower() in _RUST_DB
        )
    if suffix == ".py":
        return name in _PY_NAMES and "management" not in dirs
    if suffix in {".js", ".ts", ".mjs", ".cjs"}:
        if _setup_script(path):
            return True  # what a start-up script may run before the server (`db/init.js`)
        return p.stem.lower() in _JS_STEMS and "server" in {*dirs, p.stem.lower()}
    return False


def migrates_at_startup(texts: Mapping[str, str]) -> str | None:
    """The file whose start-up code applies the migrations (or, failing that, the
    start-up script or operator document whose upgrade step does), or None."""
    upgrade: str | None = None
    for path in sorted(texts):
        if not candidate(path):
            continue
        if _upgrade_file(path):
            if upgrade is None and (
                _migrates_on_upgrade(path, texts[path])
                or (path.endswith(".sh") and _runs_migrating_file(path, texts))
            ):
                upgrade = path
            continue
        if _setup_script(path):
            continue  # read only through the start-up script that runs it
        if _migrates_itself(path, texts[path]):
            return path
    return upgrade


# A SQL script an installation applies between two releases, named for them
# (`schema/upgrade/upgrade-pre-1.6.0.sql`, `upgrades/upgrade_2.3_to_2.4.sql`): the
# product's operators run it while upgrading, not a deploy pipeline beside live traffic.
_UPGRADE_DIRS = frozenset({"upgrade", "upgrades"})
_RELEASE = re.compile(r"\d+(?:[._]\d+)+")


def versioned_upgrade_script(path: str) -> bool:
    """Whether a SQL file is an upgrade script between named releases (path alone)."""
    p = PurePosixPath(path)
    if p.suffix.lower() != ".sql" or not _UPGRADE_DIRS & {d.lower() for d in p.parts[:-1]}:
        return False
    name = p.stem.lower()
    return "upgrade" in name and _RELEASE.search(name) is not None


def upgrade_script_note(path: str) -> str:
    return (
        f"`{PurePosixPath(path).name}` is an upgrade script between releases (from its "
        "name): installations apply it while upgrading, usually with the old version "
        "stopped. The repository does not show how each one upgrades: where the old version "
        "keeps serving while it runs, this applies again."
    )


def note(path: str, text: str | None = None) -> str:
    if _upgrade_file(path):
        if PurePosixPath(path).suffix.lower() in _DOC_SUFFIXES:
            how = f"its operator documentation (`{path}`) runs the migrations as an upgrade step"
            if not _MIGRATE_COMMAND.search(text or "") and says_migrates_at_start(text or ""):
                how = (
                    f"its operator documentation (`{path}`) says it migrates its schema "
                    "itself when it starts"
                )
            elif not _MIGRATE_COMMAND.search(text or "") and _stops_then_upgrades(text or ""):
                how = (
                    f"its operator documentation (`{path}`) stops its services, then runs "
                    "its upgrade script"
                )
        elif path.endswith(_UPGRADE_COMMAND_FILE):
            how = f"its `upgrade` command (`{path}`) runs the migrations"
        else:
            how = f"its container start-up (`{path}`) runs the migrations before the server"
        return (
            f"This project is installed and upgraded by its users: {how}, with the old "
            "version stopped, so no running code waits on this lock or still reads the old "
            "schema. The repository does not show how each installation is deployed: where "
            "several instances serve during an upgrade, this applies again."
        )
    return (
        f"The application applies its migrations itself when it starts (`{path}`), "
        "before it serves: no running code waits on this lock or still reads the old "
        "schema. If it runs as several instances during a deploy, this applies again."
    )
