"""What the migration and index findings of one review mean together.

The rules look at one statement at a time. Read against the whole change, many of
their findings do not hold, and a reviewer acting on every one of them wastes the
comments that matter (judged on real commits in `bench/migration_precision.py`):

- a statement in a rollback path (`def down`, `downgrade()`, `down:`, `-- +goose Down`,
  `*.down.sql`) runs only when someone rolls back, not during a deploy;
- a table this change creates is empty, and one it drops is going away: locking it for
  an index build or before the drop blocks nobody;
- a migration that existed before the change (edited, or moved to another folder) has
  already run where it matters and will not run again;
- test fixtures and schema dumps (`db/structure.sql`, `db/schema.rb`) restate schema
  the migrations made; the migrations are where its hazards are reported;
- the same hazard once per statement of one migration (eleven `AddIndex`, ten type
  changes) is one comment, with the other lines listed in it (from three on);
- one problem seen by a rule's one-file check and by its schema-aware check (a foreign
  key without an index, in the model and in the schema) gives one finding, the
  schema-aware one;
- Django's `SeparateDatabaseAndState(state_operations=[…])` changes only Django's record
  of the models: no SQL runs there, so it locks and drops nothing (the SQL is in
  `database_operations`, reviewed on its own lines);
- the branch of a database switch that runs only off PostgreSQL (`else:` after `if
  dialect == "postgresql":`) does not take PostgreSQL's locks.

Pure: findings and changed files in, findings out.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence

from bot import lazyre as re
from bot.models import (
    Category,
    ChangedFile,
    FileKind,
    FileStatus,
    Finding,
    Severity,
    fold_findings,
)
from bot.rules.lib.sql_text import split_statements
from bot.schema.model import norm, snake
from bot.schema.table_size import INLINE_COMMENT, LOCKING_RULES, PG_LOCK_ADVICE, table_of
from bot.select import is_test_path

# Hazards of running a migration: what holds for a new table, a rollback, a repeat.
HAZARD_RULES = LOCKING_RULES | {
    "concurrent-index-in-transaction",
    "pg-concurrent-index-in-transaction",
    "migration-drop-or-rename",
    "pg-drop-column",
    "pg-drop-table",
    "pg-rename-column",
    "pg-rename-table",
    "rails-create-table-force",
}
# Index and column-type advice that only a migration should carry, not a dump of it.
SCHEMA_ADVICE = HAZARD_RULES | {
    "foreign-key-not-indexed",
    "redundant-index",
    "index-too-wide",
    "pg-prefer-bigint",
    "pg-prefer-jsonb",
    "pg-prefer-timestamptz",
    "like-leading-wildcard",
    "n-plus-one-query",
    "migration-irreversible",
    "query-on-unindexed-column",
    "function-predicate-without-index",
    "matview-drop-recreate",
}
# (rule, the old id its one-file check reports under): a rule seen both by the check
# that reads one file and by the one that reads the whole schema gives one finding,
# the schema-aware one.
_OVERLAPS = (
    ("foreign-key-not-indexed", "fk-without-index"),
    ("query-on-unindexed-column", "filter-on-unindexed-column"),
    ("redundant-index", "index-too-wide-or-duplicate"),
)
_FOLD_FROM = 3
# Advice about the indexes a schema declares (not about running a migration).
_INDEX_ADVICE = frozenset({"foreign-key-not-indexed", "redundant-index", "index-too-wide"})
# Query advice that does not apply to a data migration, which runs its queries once.
_ONE_OFF_QUERY_RULES = frozenset(
    {
        "like-leading-wildcard",
        "n-plus-one-query",
        "query-on-unindexed-column",
        "function-predicate-without-index",
    }
)
_ALTER_FIELD = re.compile(r"\bAlterField\(")
_FIXTURES = re.compile(r"(^|/)(test[-_]?files|test[-_]?data|fixtures?)/", re.I)
_DUMPS = re.compile(r"(^|/)(structure\.sql|schema\.rb|schema\.sql)$")
# Outside a migrations folder, other dumps too: `<name>_schema.sql`, `<name>_dump.sql`,
# and a `.sql` file straight under a `schema/` folder (the declarative copy a query
# generator or a second engine reads, regenerated whole when a migration changes).
_OTHER_DUMPS = re.compile(r"(^|/)[\w.-]*[_.-](?:schema|dump)\.sql$|(^|/)schemas?/[^/]+\.sql$", re.I)

_DOWN_START = re.compile(
    r"^(\s*)(?:def\s+(?:self\.)?(?:down|downgrade\w*)\b|(?:async\s+)?down\s*[:(]"
    r"|(?:exports|module\.exports)\.down\s*=|public\s+function\s+down\b"
    r"|(?:public\s+)?async\s+down\b|dir\.down\b"
    # Umzug's and ES modules' exported rollback: `export const down: Migration = async`,
    # `export async function down(knex)`.
    r"|export\s+(?:const|let|var)\s+down\b|export\s+(?:async\s+)?function\s+down\b)"
)
_SQL_DOWN = re.compile(r"^\s*--\s*(?:\+goose\s+down|migrate:down|\+migrate\s+down)\b", re.I)
_SQL_UP = re.compile(r"^\s*--\s*(?:\+goose\s+up|migrate:up|\+migrate\s+up)\b", re.I)
_MIGRATION_PATH = re.compile(r"(^|/)[\w-]*migrations?/", re.I)
# Folders of plain SQL scripts each run once against the live database.
_UPDATE_SCRIPT_DIR = re.compile(r"(^|/)(?:updates|upgrades)/(?:[^/]+/)*[^/]+\.sql$", re.I)
_DOWN_FILE = re.compile(r"(^|[._/-])down\.sql$", re.I)

_CREATED = (
    re.compile(r"\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[`\"]?([\w.]+)", re.I),
    # A materialized view is written only by its own REFRESH: an index on one created
    # here blocks no writer.
    re.compile(r"\bCREATE\s+MATERIALIZED\s+VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?[`\"]?([\w.]+)", re.I),
    re.compile(r"\bcreate_table\s*\(?\s*[:\"']([\w.]+)"),
    re.compile(r"\bcreate(?:Table|TableIfNotExists)\(\s*[\"'`]([\w.]+)"),
    re.compile(r"\bCreateModel\(\s*name\s*=\s*[\"'](\w+)"),
)
_CREATE_MODEL = re.compile(r"\bCreateModel\(\s*$")
_MODEL_NAME = re.compile(r"^\s*name\s*=\s*[\"'](\w+)")
_DROPPED = (
    re.compile(r"\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?[`\"]?([\w.]+)", re.I),
    re.compile(r"\bdrop_table\s*\(?\s*[:\"']([\w.]+)"),
    re.compile(r"\bdropTable(?:IfExists)?\(\s*[\"'`]([\w.]+)"),
    re.compile(r"\bDeleteModel\(\s*name\s*=\s*[\"'](\w+)"),
)
_COLUMN = re.compile(r"`(?:[\w.]*\.)?(\w+)`")
_ADDS_COLUMN_HERE = re.compile(r"\b(?:addColumn|add_column|add_reference|AddField)\b")
_NEW_COLUMN = re.compile(
    r"(?:\bsa\.Column|\baddColumn\(\s*[\"'`]\w+[\"'`]\s*,"
    r"|\.(?:integer|bigInteger|bigint|uuid|string)|\badd_column\s*\(?\s*[:\"']\w+[\"']?\s*,)"
    r"\(?\s*[:\"'`](\w+)"
)
_QUOTED = re.compile(r"[\"'`:](\w+)[\"'`]?")
_MIGRATION_CODE = re.compile(
    r"<\s*ActiveRecord::Migration\b|\(migrations\.Migration\)|^from alembic import op\b"
    r"|\b(?:xormigrate|gormigrate)\.Migration\b|\bgoose\.AddMigration"
    r"|^[ \t]*(?:module\.)?exports\.up\s*=",
    re.M,
)
_RECREATES_FK = re.compile(
    r"\b(?:drop_constraint|removeConstraint|remove_foreign_key|dropForeign)\b"
    r"|\bDROP\s+(?:CONSTRAINT|FOREIGN\s+KEY)\b",
    re.I,
)
# Advice about what running a migration does (locks, a type chosen at creation, a
# rollback): an edited migration that already ran will not run again. A redundant or
# missing index stays in the schema whether or not the migration ran, so it stays.
_RUN_ONCE_ADVICE = HAZARD_RULES | {
    "matview-drop-recreate",
    "pg-prefer-bigint",
    "pg-prefer-jsonb",
    "pg-prefer-timestamptz",
    "migration-irreversible",
}
_FK_RULES = frozenset({"foreign-key-not-indexed"})
_FK_WORDS = re.compile(r"ForeignKey|foreign_key|references|REFERENCES|belongs_to", re.I)
_TITLE_COLUMN = re.compile(r"`(?:[\w.]*\.)?(\w+)`")
# Code that fixes or fills data once, like a data migration: a management command, a
# one-off script, a backfill job, seed data, a test-data factory.
_ONE_OFF_PATH = re.compile(
    r"(^|/)management/commands/|(^|/)scripts?/one[-_]?off|(^|/)backfills?/"
    r"|(^|/)[\w-]*backfill[\w-]*\.\w+$"
    r"|(^|/)(?:seeds|seeders?)/|(^|/)db/seeds?\.\w+$|(^|/)factories/|(^|/)factor(?:y|ies)\.py$"
)
_IRREVERSIBLE_NOTE = (
    "Whether a rollback is needed depends on how this project deploys, which the "
    "repository does not show; a data migration often has nothing to undo."
)
_ASSURED_NOTE = (
    "The migration wraps this in `safety_assured`: the team has judged it safe for how it "
    "deploys (for example, code that no longer reads the column), which the repository "
    "does not otherwise show."
)
_SQL_ASSURED_NOTE = (
    "The statement sits between `-- safety-assured:start` and `:end` (diesel-guard): the "
    "team has judged it safe for how it deploys (for example, code that no longer reads "
    "the column), which the repository does not otherwise show."
)
# django_safemigrate: `safe = Safe.after_deploy()` runs the migration only once the new
# code is live, so no deployed code still reads what it drops or renames.
_AFTER_DEPLOY = re.compile(r"^[ \t]*safe[ \t]*=[ \t]*Safe\.after_deploy\b", re.M)
_AFTER_DEPLOY_RULES = frozenset(
    {"migration-drop-or-rename", "pg-drop-column", "pg-drop-table", "pg-rename-column"}
)
_AFTER_DEPLOY_NOTE = (
    "The migration is marked `Safe.after_deploy` (django_safemigrate): it runs once the "
    "code that stopped using this is live, so the drop is already staged."
)
# A table dropped and created again by the same migration is rebuilt, not removed: no
# code is left reading a table that is gone.
_TABLE_DROPS = frozenset({"migration-drop-or-rename", "pg-drop-table"})
_DROP_TABLE = re.compile(
    r"\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?[`\"]?(?:\w+[`\"]?\.[`\"]?)?(\w+)", re.I
)
_REBUILT_NOTE = (
    "The same migration creates the table again right after: a rebuild, so no code is "
    "left reading a missing table. Its rows are lost; whether it held any the repository "
    "does not show."
)


def _recreated(text: str, line: int) -> bool:
    rows = text.splitlines()
    dropped = _DROP_TABLE.search(rows[line - 1]) if 0 < line <= len(rows) else None
    if dropped is None:
        return False
    creates = re.compile(
        r"\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[`\"]?(?:\w+[`\"]?\.[`\"]?)?"
        + re.escape(dropped.group(1))
        + r"\b",
        re.I,
    )
    return bool(creates.search("\n".join(rows[line:])))


_MIGRATION_CODE_GO = re.compile(
    r"\b(?:xormigrate|gormigrate)\.Migration\b|\bgoose\.AddMigration|\bfunc\s*\(\s*\w+\s+\*sql\.Tx\s*\)"
)
_MODEL_REF = re.compile(r"\b([A-Z][A-Za-z0-9]{1,60})\b")
# An index built concurrently by another operation or migration of the change (Django
# `AddIndexConcurrently`, `RunSQL("CREATE INDEX CONCURRENTLY …")`): the key it covers is
# indexed, deliberately outside the migration that adds the column.
_CONCURRENT_DJANGO = re.compile(
    r"\bAddIndexConcurrently\(\s*model_name\s*=\s*[\"'](\w+)[\"'].{0,400}?"
    r"\bfields\s*=\s*[\[(]\s*[\"'](\w+)[\"']",
    re.S,
)
_CONCURRENT_SQL = re.compile(
    r"\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\b[^;(]*?\bON\s+(?:ONLY\s+)?"
    r"[`\"]?(?:\w+[`\"]?\.[`\"]?)?(\w+)[`\"]?(?:\s+USING\s+\w+)?\s*\(\s*[`\"]?(\w+)",
    re.I,
)
_DJANGO_FIELD = re.compile(r"^\s*(model_name|name)\s*=\s*[\"'](\w+)[\"']")
# Admin screens (Django admin, ActiveAdmin, Avo, Rails Admin): staff-only, rarely hot.
_ADMIN_PATH = re.compile(r"(^|/)(admin|avo|rails_admin|active_admin)/|(^|/)admin\.py$")
# A Rake task runs outside any request: per-row queries there cost time, not latency.
_TASK_PATH = re.compile(r"(^|/)lib/tasks/.+\.rake$")
_TASK_NOTE = (
    "This is a Rake task, run outside requests; whether its per-row queries matter depends "
    "on how many rows it loops over and how often it runs, which the repository does not show."
)
# A comment right above a per-row query that gives the reason it runs per row: the save
# hooks (Django signals, ActiveRecord callbacks) that a bulk call would skip, or words
# saying it is on purpose. The author weighed the cost; the comment is for the reader.
_PER_ROW_REASON = re.compile(
    r"\b(?:signals?|callbacks?|hooks?|receivers?|deliberate(?:ly)?|intentional(?:ly)?"
    r"|on\s+purpose|one\s+(?:at\s+a\s+time|by\s+one)|individually|per[-\s](?:row|item|object))\b",
    re.I,
)
_COMMENT_LINE = re.compile(r"^\s*(?:#|//|--|/?\*)")
_PER_ROW_NOTE = (
    "The comment above this call says why it runs once per row (hooks that a bulk call "
    "would skip, or a deliberate choice); whether that costs too much depends on how many "
    "rows the loop sees, which the repository does not show."
)
_ADMIN_NOTE = (
    "This is admin code, used by staff rather than on every request; whether the scan "
    "matters depends on how often it runs and on the table's size, which the repository "
    "does not show."
)
_DROPS = frozenset(
    {"migration-drop-or-rename", "pg-drop-column", "pg-drop-table", "pg-rename-table"}
)


def rollback_lines(path: str, text: str) -> set[int]:
    """Lines of `text` that only a rollback runs."""
    rows = text.splitlines()
    if path.lower().endswith(".sql"):
        if _DOWN_FILE.search(path):
            return set(range(1, len(rows) + 1))
        out: set[int] = set()
        down = False
        for number, row in enumerate(rows, 1):
            if _SQL_DOWN.match(row):
                down = True
            elif _SQL_UP.match(row):
                down = False
            if down:
                out.add(number)
        return out
    out = set()
    number = 0
    while number < len(rows):
        start = _DOWN_START.match(rows[number])
        number += 1
        if start is None:
            continue
        indent = len(start.group(1).expandtabs())
        out.add(number)
        while number < len(rows):
            row = rows[number]
            if row.strip() and len(row) - len(row.lstrip()) <= indent:
                # The block's closing `end` / `}` still belongs to it.
                if row.strip() in ("end", "}", "},", "};"):
                    out.add(number + 1)
                    number += 1
                break
            out.add(number + 1)
            number += 1
    return out


_ASSURED = re.compile(r"^(\s*)safety_assured\b\s*(do\b|\{)")


# diesel-guard's SQL form of the same: `-- safety-assured:start` ... `-- safety-assured:end`.
_SQL_ASSURED = re.compile(r"^\s*--\s*safety-assured:(start|end)\b", re.I)


def sql_assured_lines(text: str) -> set[int]:
    """Lines between diesel-guard's `-- safety-assured:start` and `:end` comments."""
    out: set[int] = set()
    inside = False
    for number, row in enumerate(text.splitlines(), 1):
        mark = _SQL_ASSURED.match(row)
        if mark is not None:
            inside = mark.group(1).lower() == "start"
        elif inside:
            out.add(number)
    return out


def assured_lines(text: str) -> set[int]:
    """Lines inside strong_migrations' `safety_assured` blocks: the team has already
    judged these statements safe for its deployment, which the repository does not
    otherwise show."""
    rows = text.splitlines()
    out: set[int] = set()
    for number, row in enumerate(rows, 1):
        start = _ASSURED.match(row)
        if start is None:
            continue
        out.add(number)
        if start.group(2) == "{" and "}" in row[start.end() :]:
            continue  # one line: `safety_assured { remove_column … }`
        indent = len(start.group(1).expandtabs())
        for later in range(number + 1, len(rows) + 1):
            body = rows[later - 1]
            out.add(later)
            if body.strip() and len(body) - len(body.lstrip()) <= indent:
                break  # the closing `end` / `}`
    return out


# A Rails migration that leaves before doing anything in production
# (`return if Rails.env.production?`, `return unless Rails.env.development?`): the team
# applies the change there another way, so its lock and deploy hazards do not arise.
_SKIPS_PRODUCTION = re.compile(
    r"^\s*return\s+(?:if\s+Rails\.env\.production\?"
    r"|unless\s+Rails\.env\.(?:development|test)\?)\s*(?:#.*)?$"
)
_RUBY_DEF = re.compile(r"^\s*def\s+\w+")
_PRODUCTION_NOTE = (
    "The migration returns early in production (`Rails.env.production?`), so this does "
    "not run there; it matters only where the migration does run."
)


def skips_production(text: str, line: int) -> bool:
    """Whether the Ruby method around `line` returns in production before reaching it."""
    rows = text.splitlines()
    for number in range(min(line, len(rows)) - 1, 0, -1):
        row = rows[number - 1]
        if _SKIPS_PRODUCTION.match(row):
            return True
        if _RUBY_DEF.match(row):
            return False
    return False


# A column, index or key removed from a table the same change drops: the table's own
# drop carries the hazard (Django generates `RemoveField` of a model's foreign keys
# before its `DeleteModel`), the part-level one points at nothing more to change.
_PART_DROP = re.compile(
    r"\bRemoveField\(|\bRemoveIndex\(|\bRemoveConstraint\(|\bremove_(?:column|index|reference"
    r"|foreign_key|timestamps)\b|\bremove(?:Column|Index|Constraint)\(|\bdrop_(?:column|index"
    r"|constraint)\(|\bdrop(?:Column|Index|Foreign)\(|\bDROP\s+(?:COLUMN|INDEX|CONSTRAINT)\b",
    re.I,
)


def _drops_part(text: str, line: int) -> bool:
    rows = text.splitlines()
    return 0 < line <= len(rows) and bool(_PART_DROP.search(rows[line - 1]))


_STATE_OPERATIONS = re.compile(r"\bstate_operations\s*=\s*\[")


def state_only_lines(text: str) -> set[int]:
    """Lines inside Django's `state_operations=[…]`: operations that update only the
    migration state, with no SQL behind them."""
    out: set[int] = set()
    for start in _STATE_OPERATIONS.finditer(text):
        depth = 0
        end = len(text)
        for at in range(start.end() - 1, len(text)):
            char = text[at]
            if char in "[(":
                depth += 1
            elif char in "])":
                depth -= 1
                if depth == 0:
                    end = at
                    break
        first = text.count("\n", 0, start.start()) + 1
        last = text.count("\n", 0, end) + 1
        out.update(range(first, last + 1))
    return out


# A branch header of a database switch, in Python, Ruby or JS/TS laid out one block per
# indentation level (`if bind.dialect.name == "postgresql":`, `} else {`, `elsif`).
_BRANCH = re.compile(r"^(\s*)\}?\s*(if|elif|elsif|else\s+if|else|unless)\b(.*)$")
_POSTGRES = re.compile(r"postgres|\bpg\b|psql", re.I)
_OTHER_DB = re.compile(r"mysql|mariadb|sqlite|mssql|oracle", re.I)
_NEGATED = re.compile(r"!=|!==|\bnot\b|!\s*\w", re.I)
_OFF_POSTGRES_NOTE = (
    "This line is in the branch of a database switch that runs on databases other than "
    "PostgreSQL (the PostgreSQL branch is separate), so this PostgreSQL lock advice does "
    "not apply to it."
)


def _indent(row: str) -> int:
    return len(row) - len(row.lstrip())


def _names_postgres(kind: str, condition: str) -> bool | None:
    """Whether a branch header selects PostgreSQL (True), another database (False), or
    is not about the database (None)."""
    negated = kind == "unless" or bool(_NEGATED.search(condition))
    if _POSTGRES.search(condition):
        return not negated
    if _OTHER_DB.search(condition) and not negated:
        return False
    return None


def off_postgres_line(text: str, line: int) -> bool:
    """Whether `line` sits in a branch that runs only when the database is not
    PostgreSQL: under a header naming another database or negating PostgreSQL, or in
    the `else` of a chain whose earlier branch names PostgreSQL."""
    rows = text.splitlines()
    if not 0 < line <= len(rows) or not rows[line - 1].strip():
        return False
    indent = _indent(rows[line - 1])
    for number in range(line - 1, 0, -1):
        row = rows[number - 1]
        if not row.strip() or _indent(row) >= indent:
            continue
        indent = _indent(row)
        head = _BRANCH.match(row)
        if head is None:
            if re.match(r"\s*(?:def|class|function)\b", row):
                return False
            continue
        kind = "elif" if head.group(2).startswith("else if") else head.group(2)
        says = _names_postgres(kind, head.group(3)) if kind != "else" else None
        if says is not None:
            return not says
        if kind in ("else", "elif", "elsif"):
            return _earlier_branch_is_postgres(rows, number, indent)
    return False


def _earlier_branch_is_postgres(rows: list[str], number: int, indent: int) -> bool:
    for earlier in range(number - 1, 0, -1):
        row = rows[earlier - 1]
        if not row.strip() or _indent(row) > indent:
            continue
        head = _BRANCH.match(row)
        if _indent(row) < indent or head is None:
            return False
        kind = "elif" if head.group(2).startswith("else if") else head.group(2)
        if kind != "else" and _names_postgres("if", head.group(3)) is True:
            return True
        if kind in ("if", "unless"):
            return False
    return False


def _names(patterns: Iterable[re.Pattern[str]], text: str) -> set[str]:
    text = INLINE_COMMENT.sub(" ", text)
    return {norm(m.group(1)) for p in patterns for m in p.finditer(text)}


def _created_models(text: str) -> set[str]:
    """Django `CreateModel(` with `name=` on the next line (the usual layout)."""
    rows = text.splitlines()
    out: set[str] = set()
    for i, row in enumerate(rows[:-1]):
        if _CREATE_MODEL.search(row) and (m := _MODEL_NAME.match(rows[i + 1])):
            out.add(norm(m.group(1)))
    return out


def _added_text(file: ChangedFile) -> str:
    rows = file.visible_text().splitlines()
    return "\n".join(rows[n - 1] for n in sorted(file.added_lines) if 0 < n <= len(rows))


def _moved(file: ChangedFile, gone: set[str]) -> bool:
    return file.status is FileStatus.ADDED and posixpath.basename(file.path) in gone


# A struct tag changes a table only where the program syncs its models at start-up. Judged
# inline on real commits, 2 of 21 were worth acting on: the rest were projects whose
# schema comes from SQL migrations (often the same commit's), or generated models.
_AUTOMIGRATE = "go-automigrate-schema-change"
_SYNC_CALL = re.compile(r"\.(?:AutoMigrate|Sync2?)\s*\(")
_SYNC_NOTE = (
    "No file of this change calls `AutoMigrate` or `Sync2`: whether the program syncs its "
    "models at start-up is not shown here, so this is a summary line."
)


def refine(
    findings: Sequence[Finding],
    files: Sequence[ChangedFile],
    all_files: Sequence[ChangedFile] = (),
) -> list[Finding]:
    """The findings that still hold when the change is read as a whole."""
    by_path = {f.path: f for f in files}
    gone = {
        posixpath.basename(f.path) for f in all_files or files if f.status is FileStatus.DELETED
    }
    gone |= {
        posixpath.basename(f.previous_path)
        for f in all_files or files
        if f.status is FileStatus.RENAMED and f.previous_path
    }
    created: set[str] = set()
    dropped: set[str] = set()
    for f in files:
        if f.kind in (FileKind.MIGRATION, FileKind.SQL, FileKind.ORM_SCHEMA):
            added = _added_text(f)
            created |= _names(_CREATED, added) | _created_models(added)
            dropped |= _names(_DROPPED, added)
    concurrent = _concurrently_indexed(files)
    rollback: dict[str, set[int]] = {}
    kept: list[Finding] = []
    synced: bool | None = None
    for finding in findings:
        file = by_path.get(finding.path)
        if finding.rule == _AUTOMIGRATE and finding.severity is not Severity.INFO:
            if synced is None:
                synced = any(_SYNC_CALL.search(f.visible_text()) for f in files)
            if not synced:
                note = f"{finding.body}\n\n{_SYNC_NOTE}"
                kept.append(finding.model_copy(update={"severity": Severity.INFO, "body": note}))
                continue
        if file is None or finding.rule not in SCHEMA_ADVICE:
            kept.append(finding)
            continue
        text = file.visible_text()
        if _moved(file, gone):
            continue  # moved, not written: the same code was reviewed where it was
        if (is_test_path(file.path) or _FIXTURES.search(file.path)) and (
            finding.category is Category.INDEXING
        ):
            continue  # a fixture's schema is nobody's database
        if _DUMPS.search(file.path) or (
            finding.rule in _INDEX_ADVICE
            and _OTHER_DUMPS.search(file.path)
            and not _MIGRATION_PATH.search(file.path)
        ):
            continue  # generated from the migrations, which carry the findings
        if file.kind in (FileKind.MIGRATION, FileKind.SQL) or _MIGRATION_PATH.search(file.path):
            # Plain `.sql` folders (`…/down.sql`, `-- +goose Down`) and migration folders
            # the classifier reads as code (Knex `exports.down`) have rollbacks too.
            if file.path not in rollback:
                rollback[file.path] = rollback_lines(file.path, text)
            if finding.rule != "migration-irreversible" and finding.line in rollback[file.path]:
                continue
        if (
            finding.rule in HAZARD_RULES
            and file.language == "python"
            and finding.line in state_only_lines(text)
        ):
            continue  # Django state only: no SQL runs for it
        if finding.rule in PG_LOCK_ADVICE and off_postgres_line(text, finding.line):
            kept.append(_to_summary(finding, _OFF_POSTGRES_NOTE))
            continue
        if finding.rule in _TABLE_DROPS and _recreated(text, finding.line):
            kept.append(_to_summary(finding, _REBUILT_NOTE))
            continue
        if (
            finding.rule in HAZARD_RULES
            and file.language == "sql"
            and finding.line in sql_assured_lines(text)
        ):
            kept.append(_to_summary(finding, _SQL_ASSURED_NOTE))
            continue
        if file.kind is FileKind.MIGRATION:
            if (
                finding.rule in _RUN_ONCE_ADVICE
                and file.language == "ruby"
                and skips_production(text, finding.line)
            ):
                kept.append(_to_summary(finding, _PRODUCTION_NOTE))
                continue
            if (
                finding.rule in HAZARD_RULES
                and file.language == "ruby"
                and finding.line in assured_lines(text)
            ):
                kept.append(_to_summary(finding, _ASSURED_NOTE))
                continue
            if finding.rule in _AFTER_DEPLOY_RULES and _AFTER_DEPLOY.search(text):
                kept.append(_to_summary(finding, _AFTER_DEPLOY_NOTE))
                continue
            if finding.rule == "migration-constraint-validating" and _on_new_column(file, finding):
                continue  # the column is new and NULL in every row: nothing to validate
            if file.status is not FileStatus.ADDED and finding.rule in _RUN_ONCE_ADVICE:
                kept.append(_already_applied(finding))
                continue
            if finding.rule in _FK_RULES and _RECREATES_FK.search(_added_text(file)):
                continue  # a foreign key re-created (ON DELETE changed), not a new one
            if finding.rule in _FK_RULES and _django_field(text, finding.line) & concurrent:
                continue  # its index is built concurrently elsewhere in this change
            if finding.rule == "migration-irreversible":
                kept.append(_to_summary(finding, _IRREVERSIBLE_NOTE))
                continue
            if finding.rule in HAZARD_RULES and finding.rule != "rails-create-table-force":
                table = table_of(text, finding.line, finding.end_line, None)
                if table is not None and (
                    table in created
                    or (
                        table in dropped
                        and (finding.rule not in _DROPS or _drops_part(text, finding.line))
                    )
                ):
                    continue
            if finding.rule in _ONE_OFF_QUERY_RULES:
                continue  # a one-off data migration, not a query the app repeats
            if (
                finding.rule == "redundant-index"
                and not finding.reported_as
                and _ALTER_FIELD.search(
                    text.splitlines()[finding.line - 1]
                    if finding.line <= len(text.splitlines())
                    else ""
                )
            ):
                continue  # AlterField replaces the field's index; it does not add a second
        elif (
            finding.rule in _RUN_ONCE_ADVICE
            and file.language == "go"
            and file.status is not FileStatus.ADDED
            and _replaces_lines(file, finding.line)
            and _MIGRATION_CODE_GO.search(text)
        ):
            # A Go file listing every step (`[]func(tx *sql.Tx) error{…}`): a step edited
            # in place already ran; a step appended at the end is new.
            kept.append(_already_applied(finding))
            continue
        elif (
            finding.rule in _RUN_ONCE_ADVICE
            and file.kind is FileKind.SQL
            and file.status is not FileStatus.ADDED
            and _UPDATE_SCRIPT_DIR.search(file.path)
            and _replaces_lines(file, finding.line)
        ):
            # A plain SQL update script (`sql/updates/2019-01-04-….sql`) whose line is
            # rewritten in place: each database ran it once, when it was new. Lines
            # appended to one (a release's bundle still being filled) have not run yet.
            kept.append(_already_applied(finding))
            continue
        elif finding.rule in _ONE_OFF_QUERY_RULES and (
            _MIGRATION_CODE.search(text) or _ONE_OFF_PATH.search(file.path)
        ):
            continue  # a data migration kept outside the usual folder, still run once
        elif finding.rule in _FK_RULES and _existed_before(file, finding):
            continue  # the key was there before; the change only edits its options
        elif finding.rule == "like-leading-wildcard" and _on_new_table(text, finding, created):
            continue  # a search filter over a table this change creates: empty for now
        elif finding.rule in _ONE_OFF_QUERY_RULES and _ADMIN_PATH.search(file.path):
            kept.append(_to_summary(finding, _ADMIN_NOTE))
            continue
        elif finding.rule == "n-plus-one-query" and _TASK_PATH.search(file.path):
            kept.append(_to_summary(finding, _TASK_NOTE))
            continue
        if finding.rule == "n-plus-one-query" and _per_row_reason(text, finding.line):
            kept.append(_to_summary(finding, _PER_ROW_NOTE))
            continue
        kept.append(finding)
    return _one_per_problem(_one_per_file(_schema_echo(kept, by_path)))


def _per_row_reason(text: str, line: int) -> bool:
    """Whether the comment lines right above `line` (up to three, blank lines between
    them and the call allowed) give the reason the call runs per row."""
    rows = text.splitlines()
    at = line - 2
    while at >= 0 and not rows[at].strip():
        at -= 1
    comment: list[str] = []
    while at >= 0 and len(comment) < 3 and _COMMENT_LINE.match(rows[at]):
        comment.append(rows[at])
        at -= 1
    return bool(_PER_ROW_REASON.search(" ".join(comment)))


def _concurrently_indexed(files: Sequence[ChangedFile]) -> set[tuple[str, str]]:
    """(model or table, field or column) pairs that an index built concurrently in this
    change leads with; names lower case, Django's `_id` suffix kept and dropped."""
    out: set[tuple[str, str]] = set()
    for f in files:
        if f.kind not in (FileKind.MIGRATION, FileKind.SQL):
            continue
        added = _added_text(f)
        for pattern in (_CONCURRENT_DJANGO, _CONCURRENT_SQL):
            for m in pattern.finditer(added):
                owner, column = m.group(1).lower(), m.group(2).lower()
                out.add((owner, column))
                out.add((owner, column.removesuffix("_id")))
                # `account_user` (Django's table) is model `user`
                out.add((owner.split("_", 1)[-1], column.removesuffix("_id")))
    return out


def _django_field(text: str, line: int) -> set[tuple[str, str]]:
    """The (model_name, name) of the Django operation around `line`, as one pair."""
    rows = text.splitlines()
    found: dict[str, str] = {}
    for number in range(min(line, len(rows)), max(line - 8, 0), -1):
        m = _DJANGO_FIELD.match(rows[number - 1])
        if m is not None:
            found.setdefault(m.group(1), m.group(2).lower())
        if len(found) == 2:
            return {(found["model_name"].lower(), found["name"])}
    return set()


def _on_new_column(file: ChangedFile, finding: Finding) -> bool:
    """A foreign key on a column the same migration adds (nullable, so all NULL)."""
    rows = file.visible_text().splitlines()
    statement = "\n".join(rows[finding.line - 1 : max(finding.end_line, finding.line)])
    if _ADDS_COLUMN_HERE.search(rows[finding.line - 1] if finding.line <= len(rows) else ""):
        return True
    named = set(_QUOTED.findall(statement))
    for row in _added_text(file).splitlines():
        for m in _NEW_COLUMN.finditer(row):
            if m.group(1) == "id" or m.group(1) not in named:
                continue
            # A column added to another table in the same migration is not this one.
            tables = _QUOTED.findall(row[: max(m.start(1) - 1, 0)])
            if not tables or tables[-1] in named:
                return True
    return False


def _on_new_table(text: str, finding: Finding, created: set[str]) -> bool:
    rows = text.splitlines()
    if not 0 < finding.line <= len(rows):
        return False
    for model in _MODEL_REF.findall(rows[finding.line - 1]):
        name = snake(model)
        if {name, f"{name}s", f"{name}es", model.lower()} & created:
            return True
    return False


def _replaces_lines(file: ChangedFile, line: int) -> bool:
    hunk = file.hunk_of(line)
    return hunk is not None and any(row.new_no is None for row in hunk.lines)


def _existed_before(file: ChangedFile, finding: Finding) -> bool:
    """A foreign key on a line that replaces one already declaring it (the diff removed
    a line naming the same column as a key)."""
    columns = {m.group(1).lower() for m in _TITLE_COLUMN.finditer(finding.title)}
    hunk = file.hunk_of(finding.line)
    if hunk is None or not columns:
        return False
    for row in hunk.lines:
        if row.new_no is None and _FK_WORDS.search(row.text):
            words = {w.lower() for w in re.findall(r"\w+", row.text)}
            if columns & words:
                return True
    return False


def _schema_echo(findings: Sequence[Finding], by_path: dict[str, ChangedFile]) -> list[Finding]:
    """A Prisma schema restating the index its migration adds: the migration's finding
    is the one to act on."""
    in_migrations = {
        f.rule
        for f in findings
        if (file := by_path.get(f.path)) is not None
        and file.kind is FileKind.MIGRATION
        or f.path.endswith(".sql")
    }
    return [
        f
        for f in findings
        if not (f.path.endswith(".prisma") and f.rule in SCHEMA_ADVICE and f.rule in in_migrations)
    ]


def _statements(text: str) -> list[str]:
    """A SQL file's statements, comments aside, whitespace folded, lower-cased."""
    return [" ".join(st.text.split()).lower() for st in split_statements(text)]


def _deploy_part(path: str, text: str) -> str:
    """`text` without the lines only a rollback runs (goose's `-- +goose Down` part)."""
    back = rollback_lines(path, text)
    return "\n".join(row for n, row in enumerate(text.splitlines(), 1) if n not in back)


def fold_copies(findings: Sequence[Finding], files: Sequence[ChangedFile]) -> list[Finding]:
    """One migration written twice in one change, once per migration runner (an Atlas
    folder and its goose copy): both files hold the same statements. The hazard is one
    problem with one fix, so the copy in the deeper or longer-named folder gives up its
    findings to the other, whose comment names it. Run after the findings are rated for
    their database: copies kept for two databases (`client/` on SQLite, `server/` on
    PostgreSQL) are rated apart, and a finding folds only into one of equal severity."""
    if not any(f.rule in SCHEMA_ADVICE and f.path.lower().endswith(".sql") for f in findings):
        return list(findings)  # nothing a copy could repeat: no file is read
    sql = {
        f.path: _statements(_deploy_part(f.path, f.visible_text()))
        for f in files
        if f.path.lower().endswith(".sql") and f.status is not FileStatus.DELETED
    }
    twin: dict[str, str] = {}
    paths = sorted(sql, key=lambda p: (p.count("/"), len(posixpath.dirname(p)), p))
    for i, first in enumerate(paths):
        if first in twin or not sql[first]:
            continue
        for second in paths[i + 1 :]:
            if (
                second not in twin
                and posixpath.dirname(second) != posixpath.dirname(first)
                and sql[second] == sql[first]
            ):
                twin[second] = first
    if not twin:
        return list(findings)
    kept = {(f.path, f.rule, f.severity) for f in findings if f.path not in twin}
    out = [
        f
        for f in findings
        if f.rule not in SCHEMA_ADVICE
        or f.path not in twin
        or (twin[f.path], f.rule, f.severity) not in kept
    ]
    noted: set[tuple[str, str]] = set()
    for n, finding in enumerate(out):
        copies = sorted(c for c, o in twin.items() if o == finding.path)
        key = (finding.path, finding.rule)
        if copies and key not in noted and finding.rule in SCHEMA_ADVICE:
            noted.add(key)
            names = ", ".join(f"`{c}`" for c in copies)
            note = (
                f"{names} holds the same statements (a copy of this migration for another "
                "runner): this comment covers both."
            )
            out[n] = finding.model_copy(update={"body": f"{finding.body}\n\n{note}"})
    return out


def _to_summary(finding: Finding, note: str) -> Finding:
    return finding.model_copy(
        update={"severity": Severity.INFO, "body": f"{finding.body}\n\n{note}"}
    )


def _already_applied(finding: Finding) -> Finding:
    note = (
        "This migration existed before this change, so databases that already ran it "
        "will not run it again; the hazard only concerns fresh installs."
    )
    return finding.model_copy(
        update={"severity": Severity.INFO, "body": f"{finding.body}\n\n{note}"}
    )


def _one_per_file(findings: Sequence[Finding]) -> list[Finding]:
    """From the third repeat of one hazard in one migration file on, one comment names
    the other lines. Two stay apart: a later push adding a second one must still get
    its own comment, and two comments are still read."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, finding in enumerate(findings):
        if finding.rule in HAZARD_RULES and finding.severity is not Severity.INFO:
            groups.setdefault((finding.rule, finding.path), []).append(i)
    folded: set[int] = set()
    notes: dict[int, str] = {}
    for (rule, _path), members in groups.items():
        if len(members) < _FOLD_FROM and not _adjacent_drops(rule, [findings[i] for i in members]):
            continue
        folded |= set(members[1:])
        where = ", ".join(str(findings[i].line) for i in members[1:])
        notes[members[0]] = f"The same applies at lines {where} of this file."
    return fold_findings(findings, folded, notes)


def _adjacent_drops(rule: str, members: Sequence[Finding]) -> bool:
    """Columns dropped on consecutive lines of one migration: one change to the code
    that reads them, so one comment."""
    lines = sorted(f.line for f in members)
    return (
        rule in _DROPS
        and len(lines) > 1
        and all(b - a <= 2 for a, b in zip(lines, lines[1:], strict=False))
    )


def _one_per_problem(findings: Sequence[Finding]) -> list[Finding]:
    """Where the one-file check and the schema-aware check of a rule report one problem,
    keep the latter."""
    drop: set[int] = set()
    for rule, generic in _OVERLAPS:
        aware = [f for f in findings if f.rule == rule and not f.reported_as]
        aware_lines = {(f.path, f.line) for f in aware}
        aware_columns = {m.group(1).lower() for f in aware for m in _COLUMN.finditer(f.title)}
        for i, f in enumerate(findings):
            if f.rule != rule or f.reported_as != generic:
                continue
            columns = {m.group(1).lower() for m in _COLUMN.finditer(f.title)}
            if (f.path, f.line) in aware_lines or (
                generic == "fk-without-index" and columns & aware_columns
            ):
                drop.add(i)
    return [f for i, f in enumerate(findings) if i not in drop]


def one_finding_per_problem(findings: Sequence[Finding]) -> list[Finding]:
    """A rule checked both in one file and against the whole schema gives one finding for
    one problem (what a review shows, and what a rule's fixtures count)."""
    return _one_per_problem(findings)
