"""Go migrations: SQL that goose, golang-migrate, xormigrate/gormigrate or a hand-made
list of `func(tx *sql.Tx) error` steps runs from Go strings.

Such files are not under a path the migration frameworks are recognised by, so the
file's text decides: a migration library's type or call, or a step function taking a
transaction. The SQL in its string literals (raw `...` strings and ordinary "..."
strings that start like a statement) is read with the checks shared by every
framework (`migrations_python.embedded_sql_findings`); only strings on lines the
change adds are read, and tables those strings create are empty, so not flagged.

gorm's `AutoMigrate` and xorm's `Sync`/`Sync2` build the schema from struct tags when
the application starts: a tag added to a field of a struct that existed before (a
table with rows) runs `CREATE INDEX` without `CONCURRENTLY`, or adds a NOT NULL
column with nothing to fill existing rows (`go-automigrate-schema-change`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bot import lazyre as re
from bot.lines import line_of
from bot.models import ChangedFile, FileStatus
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
            line = line_of(text, match.start(1))
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


# --- gorm AutoMigrate / xorm Sync2 struct tags ------------------------------------------------

AUTOMIGRATE = "go-automigrate-schema-change"
_STRUCT = re.compile(r"^type\s+(\w+)\s+struct\s*\{", re.M)
_ORM_TAG = re.compile(r"\b(gorm|xorm):\"([^\"]*)\"")
_FIELD = re.compile(r"^\s*(\w+)\s")
# A named index several fields share: xorm `UNIQUE(s)`, gorm `uniqueIndex:idx_name`.
_GROUP = re.compile(r"(?:\b(?:unique|index)\((\w+)\))|(?:\b(?:uniqueIndex|index):(\w+))", re.I)
SYNCED = re.compile(r"\b(?:gorm|xorm):\"")
_AUTOMIGRATE_DETAIL = (
    "This assumes the application runs `AutoMigrate`/`Sync2` against the production "
    "database at start-up, which the repository may not show; with reviewed SQL "
    "migrations instead, the struct tag changes nothing by itself."
)


def _struct_bodies(text: str) -> Iterator[tuple[str, int, list[tuple[int, str]]]]:
    """(struct name, line of `type … struct {`, [(line, field row)]) for each struct."""
    rows = text.splitlines()
    for match in _STRUCT.finditer(text):
        start = line_of(text, match.start())
        body: list[tuple[int, str]] = []
        for number in range(start + 1, len(rows) + 1):
            row = rows[number - 1]
            if row.strip().startswith("}"):
                break
            body.append((number, row))
        yield match.group(1), start, body


def _gorm_tag_hazard(tag: str) -> tuple[str, str] | None:
    settings = [s.strip() for s in tag.split(";") if s.strip()]
    keys = {s.split(":", 1)[0].strip().lower() for s in settings}
    if keys & {"primarykey", "primary_key", "-", "embedded"}:
        return None
    if keys & {"uniqueindex", "unique"}:
        return "unique", "a unique index is built"
    if "index" in keys:
        return "index", "an index is built"
    if keys & {"not null", "notnull"} and "default" not in keys:
        return "not-null", "a NOT NULL column is added without a default"
    return None


def _xorm_tag_hazard(tag: str) -> tuple[str, str] | None:
    words = [w.split("(", 1)[0].lower() for w in re.findall(r"\S+\([^)]*\)|\S+", tag)]
    if {"pk", "-", "extends"} & set(words):
        return None
    if "unique" in words:
        return "unique", "a unique index is built"
    if "index" in words:
        return "index", "an index is built"
    if {"notnull", "not"} & set(words) and "default" not in words:
        return "not-null", "a NOT NULL column is added without a default"
    return None


def _tags(rows: Iterable[str]) -> dict[str, str]:
    """Field name -> its ORM tag text, for struct field rows."""
    out: dict[str, str] = {}
    for row in rows:
        tag, field = _ORM_TAG.search(row), _FIELD.match(row)
        if tag is not None and field is not None:
            out[field.group(1)] = tag.group(0)
    return out


def _hazard(tag: str) -> tuple[str, str] | None:
    match = _ORM_TAG.search(tag)
    if match is None:
        return None
    read = _gorm_tag_hazard if match.group(1) == "gorm" else _xorm_tag_hazard
    return read(match.group(2))


def automigrate_hits(file: ChangedFile) -> list[Hit]:
    """Struct tags added to a struct that existed before this change."""
    if file.status is FileStatus.ADDED and file.base_content is None:
        return []  # every struct is new: its tables are created empty
    # The pre-change file, when the review has it, says which structs and fields are
    # new and what their tags were; otherwise the diff's added and removed lines do.
    base = file.base_content
    before = (
        {name: [row for _, row in body] for name, _, body in _struct_bodies(base)}
        if base is not None
        else None
    )
    removed = _tags(line.text for hunk in file.hunks for line in hunk.lines if line.new_no is None)
    hits: list[Hit] = []
    for struct, start, body in _struct_bodies(file.visible_text()):
        if (before is None and start in file.added_lines) or (
            before is not None and struct not in before
        ):
            continue  # a new struct: its table is created empty
        previous = _tags(before[struct]) if before is not None else removed
        groups: set[str] = set()
        for number, row in body:
            if before is None and number not in file.added_lines:
                continue
            tag = _ORM_TAG.search(row)
            field = _FIELD.match(row)
            if tag is None or field is None:
                continue
            hazard = _hazard(tag.group(0))
            if hazard is None or hazard == _hazard(previous.get(field.group(1), "")):
                continue  # the field had this tag already (a comment or a rename changed)
            group = _GROUP.search(tag.group(2))
            if group is not None:
                name = (group.group(1) or group.group(2)).lower()
                if name in groups:
                    continue  # one composite index: reported on its first field
                groups.add(name)
            runner = "`AutoMigrate`" if tag.group(1) == "gorm" else "`Sync2`"
            title = (
                f"`{struct}.{field.group(1)}`: on start-up {runner} changes an existing "
                f"table, and {hazard[1]} with the table locked"
            )
            hits.append(
                Hit(AUTOMIGRATE, file.path, number, number, _AUTOMIGRATE_DETAIL, None, title)
            )
    return hits
