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

from collections.abc import Mapping
from pathlib import PurePosixPath

from bot import lazyre as re

# Go files where a program starts: `main.go`, and the usual start-up packages.
_GO_NAMES = frozenset({"main.go", "init.go", "server.go", "serve.go", "app.go", "db.go"})
_GO_DIRS = frozenset({"initialize", "init", "bootstrap", "startup"})
_JS_STEMS = frozenset({"db", "database", "server", "app", "main"})
_RUST_WORDS = ("schema", "migrat", "database")
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
        ),
        None,
    ),
    ("js", re.compile(r"\.migrate\.latest\("), None),
)
_LANG = {".rs": "rust", ".go": "go", ".js": "js", ".ts": "js", ".mjs": "js", ".cjs": "js"}


def candidate(path: str) -> bool:
    """Whether a path may hold the code that starts the application (path alone)."""
    if _SKIP.search(path):
        return False
    p = PurePosixPath(path)
    name, suffix = p.name.lower(), p.suffix.lower()
    if "migrat" in name or name.endswith(("_test.go", ".test.js", ".test.ts", ".spec.ts")):
        return False  # a migration, or the command an operator runs by hand
    dirs = {part.lower() for part in p.parts[:-1]}
    if suffix == ".go":
        return name in _GO_NAMES or bool(dirs & _GO_DIRS)
    if suffix == ".rs":
        return name == "main.rs" or any(w in path.lower() for w in _RUST_WORDS)
    if suffix in {".js", ".ts", ".mjs", ".cjs"}:
        return p.stem.lower() in _JS_STEMS and "server" in {*dirs, p.stem.lower()}
    return False


def migrates_at_startup(texts: Mapping[str, str]) -> str | None:
    """The file whose start-up code applies the migrations, or None."""
    for path in sorted(texts):
        if not candidate(path):
            continue
        lang = _LANG.get(PurePosixPath(path).suffix.lower())
        text = texts[path]
        for signal_lang, first, second in _SIGNALS:
            if (
                signal_lang == lang
                and first.search(text)
                and (second is None or second.search(text))
            ):
                return path
    return None


def note(path: str) -> str:
    return (
        f"The application applies its migrations itself when it starts (`{path}`), "
        "before it serves: no running code waits on this lock or still reads the old "
        "schema. If it runs as several instances during a deploy, this applies again."
    )
