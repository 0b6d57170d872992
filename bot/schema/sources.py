"""Which files declare the schema, in what order they apply, and the build itself.

`schema_paths` works on paths alone, so the App can fetch only those files;
`build_schema` reads a mapping path -> text (from disk or from GitHub) into a `Schema`.
Snapshots (schema.rb, structure.sql, models, entities, Prisma) apply first, then
migrations in history order, so history refines the snapshot and a migration's new
index is compared with what existed before it.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from bot import lazyre as re
from bot.rules import rails_defaults
from bot.schema import deploy_order, dialect, read_python, startup, upgrade_evidence
from bot.schema.builder import Builder
from bot.schema.model import Schema, singular

_SKIP_DIRS = {"node_modules", "vendor", ".venv", "venv", "site-packages", "dist", "build", ".git"}
_MODEL_DIRS = {
    "models",
    "model",
    "entity",
    "entities",
    "domain",
    "schema",
    "schemas",
    "db",
    "database",
    "orm",
    "persistence",
    "tables",
}
_MIGRATION_DIRS = {
    "migrations",
    "migrate",
    "migration",
    "versions",
    "alembic",
    "flyway",
    "changelog",
    "sql",
}


@dataclass(frozen=True)
class Source:
    path: str
    framework: str
    snapshot: bool


def _natural(text: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", text))


def candidate(path: str) -> bool:
    """Whether a path may declare schema (decided on the path alone)."""
    p = PurePosixPath(path)
    parts = {part.lower() for part in p.parts[:-1]}
    if parts & _SKIP_DIRS or re.search(
        r"(^|/)(tests?|spec|__tests__|fixtures|testdata|examples?)/", path
    ):
        return False
    name, suffix = p.name.lower(), p.suffix.lower()
    if suffix == ".prisma" or name in {"schema.rb", "structure.sql"}:
        return True
    if (
        name in dialect.CONFIG_NAMES
        or name in dialect.MANIFEST_NAMES
        or name.endswith(dialect.PROJECT_SUFFIX)
    ):
        return True  # names the database, which decides what lock advice applies
    if name == dialect.PACKAGE_MANIFEST:
        # A service's own manifest sits near the top; deeper ones are a monorepo's
        # many front-end packages, which would cost fetches and name no database.
        return len(p.parts) <= 3
    if rails_defaults.app_config_path(path) and len(p.parts) <= 5:
        return True  # the Rails defaults decide whether `redirect_to` leaves the host
    if startup.candidate(path) or upgrade_evidence.candidate(path) or deploy_order.candidate(path):
        return True  # may apply the migrations at start-up (`bot.schema.startup`)
    if suffix == ".sql":
        if re.search(r"(^|[._-])down\.sql$", name):
            return False  # a rollback: the schema is what the forward migrations build
        return bool(parts & (_MIGRATION_DIRS | _MODEL_DIRS)) or "schema" in name
    if suffix == ".rb":
        return "migrate" in parts
    if suffix == ".py":
        return (
            "migrations" in parts
            or "versions" in parts
            or name == "models.py"
            or name == "apps.py"  # `AppConfig.label` names the app's tables
            or (bool(parts & _MODEL_DIRS))
        )
    if suffix in {".js", ".ts", ".mjs", ".cjs"}:
        return (
            bool(parts & (_MIGRATION_DIRS | _MODEL_DIRS)) or ".entity." in name or ".model." in name
        )
    if suffix == ".php":
        return "migrations" in parts
    if suffix == ".go":
        if name.endswith("_test.go"):
            return False
        return bool(parts & _MODEL_DIRS) or name in {"models.go", "model.go", "schema.go"}
    if suffix in {".java", ".kt"}:
        return bool(parts & _MODEL_DIRS) or name.endswith(("entity.java", "entity.kt"))
    return False


def schema_paths(paths: Iterable[str]) -> list[str]:
    """The paths of a file listing whose text `build_schema` should be given."""
    return sorted(p for p in paths if candidate(p))


def classify(path: str, text: str) -> Source | None:
    p = PurePosixPath(path)
    name, suffix = p.name.lower(), p.suffix.lower()
    parts = {part.lower() for part in p.parts[:-1]}
    if name in dialect.CONFIG_NAMES or suffix == ".rs" or rails_defaults.app_config_path(path):
        return None  # read by `dialect.detect` / `startup` / `rails_defaults`, not the builder
    if name == "schema.rb":
        return Source(path, "rails", True)
    if suffix == ".rb" and ("create_table" in text or "add_" in text or "remove_" in text):
        return Source(path, "rails", False)
    if suffix == ".prisma":
        return Source(path, "prisma", True)
    if suffix == ".sql":
        if name.endswith((".down.sql", "_down.sql")) or re.match(r"u\d", name):
            return None
        snapshot = name in {"structure.sql", "schema.sql"} or not parts & _MIGRATION_DIRS
        return Source(path, "sql", snapshot)
    if suffix == ".py":
        if "django" in text and "migrations.Migration" in text:
            return Source(path, "django-migration", False)
        if "from alembic" in text or "import alembic" in text or re.search(r"\bop\.\w+\(", text):
            return Source(path, "alembic", False)
        if "django.db" in text and "models.Model" in text or re.search(r"\(models\.Model\)", text):
            return Source(path, "django", True)
        if "__tablename__" in text or "Table(" in text:
            return Source(path, "sqlalchemy", True)
        return None
    if suffix in {".js", ".ts", ".mjs", ".cjs"}:
        if "@Entity" in text:
            return Source(path, "typeorm", True)
        if re.search(r"queryInterface\s*\.\s*\w+", text, re.IGNORECASE):
            return Source(path, "sequelize", False)
        if re.search(r"\bfrom\s+[\"']kysely[\"']|\brequire\(\s*[\"']kysely[\"']", text):
            return Source(path, "kysely", False)
        if re.search(r"\.schema\s*\.\s*(?:createTable|alterTable|table)\b", text):
            return Source(path, "knex", False)
        return None
    if suffix == ".php" and "Schema::" in text:
        return Source(path, "laravel", False)
    if suffix == ".go" and "gorm" in text:
        return Source(path, "gorm", True)
    if suffix in {".java", ".kt"} and "@Entity" in text:
        return Source(path, "jpa", True)
    return None


def _reader(
    source: Source, labels: Mapping[str, str] | None = None
) -> Callable[[Builder, str], None]:
    from bot.schema import read_js, read_other, read_python, read_ruby, read_sql

    def python(read: Callable[..., None], with_path: bool) -> Callable[[Builder, str], None]:
        def run(b: Builder, text: str) -> None:
            tree = ast.parse(text)
            if with_path:
                read(b, tree, source.path, labels)
            else:
                read(b, tree)

        return run

    readers: dict[str, Callable[[Builder, str], None]] = {
        "rails": read_ruby.read_rails,
        "sql": read_sql.read_sql,
        "prisma": read_js.read_prisma,
        "typeorm": read_js.read_typeorm,
        "sequelize": read_js.read_sequelize,
        "knex": read_js.read_knex,
        "kysely": read_js.read_kysely,
        "laravel": read_other.read_laravel,
        "gorm": read_other.read_gorm,
        "jpa": read_other.read_jpa,
        "django": python(read_python.read_django_models, True),
        "django-migration": python(read_python.read_django_migration, True),
        "alembic": python(read_python.read_alembic, False),
        "sqlalchemy": python(read_python.read_sqlalchemy, False),
    }
    return readers[source.framework]


def _order(sources: list[Source], files: Mapping[str, str]) -> list[Source]:
    snapshots = sorted(
        (s for s in sources if s.snapshot), key=lambda s: (s.framework != "rails", s.path)
    )
    history = [s for s in sources if not s.snapshot]
    alembic = [s for s in history if s.framework == "alembic"]
    rest = sorted(
        (s for s in history if s.framework != "alembic"),
        key=lambda s: (str(PurePosixPath(s.path).parent), _natural(PurePosixPath(s.path).name)),
    )
    return [*snapshots, *rest, *_alembic_order(alembic, files)]


def _alembic_order(sources: list[Source], files: Mapping[str, str]) -> list[Source]:
    """Alembic names files by hash; the `down_revision` chain gives the order."""
    from bot.schema.read_python import alembic_revisions

    by_revision: dict[str, Source] = {}
    parents: dict[str, tuple[str, ...]] = {}
    unknown: list[Source] = []
    for source in sorted(sources, key=lambda s: _natural(PurePosixPath(s.path).name)):
        try:
            revision, down = alembic_revisions(ast.parse(files[source.path]))
        except (SyntaxError, ValueError):
            revision, down = None, ()
        if revision is None:
            unknown.append(source)
            continue
        by_revision[revision] = source
        parents[revision] = down
    ordered: list[Source] = []
    done: set[str] = set()

    def visit(revision: str, depth: int = 0) -> None:
        if revision in done or revision not in by_revision or depth > 10_000:
            return
        done.add(revision)
        for parent in parents.get(revision, ()):
            visit(parent, depth + 1)
        ordered.append(by_revision[revision])

    for revision in by_revision:
        visit(revision)
    return [*ordered, *unknown]


def build_schema(files: Mapping[str, str]) -> Schema:
    """The schema the given files declare. Files that are not schema are ignored; a
    file that cannot be read is named in `Schema.problems`, never fatal."""
    schema = Schema()
    sources = [s for s in (classify(p, t) for p, t in files.items() if candidate(p)) if s]
    labels = read_python.app_labels({p: t for p, t in files.items() if p.endswith("apps.py")})
    # Laravel migrations state foreign keys without indexes because MySQL adds them; a
    # project whose configuration names PostgreSQL has none.
    # Only InnoDB indexes a foreign key itself: a SQL file that is not MySQL's by its
    # folder, its file name or the repository's configuration gets no such index.
    engine = (
        dialect.detect(files) if any(s.framework in {"laravel", "sql"} for s in sources) else None
    )
    on_postgres = engine == dialect.POSTGRES
    for source in _order(sources, files):
        builder = Builder(schema, source.path, source.framework, snapshot=source.snapshot)
        builder.indexes_foreign_keys = not (on_postgres and source.framework == "laravel")
        if source.framework == "sql":
            named = dialect.folder_dialect(source.path) or dialect.file_dialect(
                source.path, files.keys()
            )
            builder.indexes_foreign_keys = (named or engine) not in {
                dialect.POSTGRES,
                dialect.SQLITE,
                dialect.COCKROACH,
            }
        try:
            _reader(source, labels)(builder, files[source.path])
        except (SyntaxError, ValueError, RecursionError, IndexError, AttributeError) as exc:
            schema.problems.append(f"{source.path}: {type(exc).__name__}: {exc}"[:300])
    for name in schema.tables:
        # Rails, Laravel, GORM and Sequelize name a model for its table by convention.
        model = "".join(part[:1].upper() + part[1:] for part in singular(name).split("_"))
        schema.models.setdefault(model, name)
    return schema
