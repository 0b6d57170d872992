"""Keys and indexes as schemas and migrations declare them, judged within one file:
foreign keys without an index (rule `foreign-key-not-indexed`, reported under its old
id `fk-without-index`), indexes made redundant by another index of the same file
(`redundant-index`, under its old id `index-too-wide-or-duplicate`) and indexes too
wide (`index-too-wide`). The old ids tell these hits from the schema-wide ones of
`schema_checks`, which reads them so as not to repeat them.

PostgreSQL and the ORMs here do not index a foreign-key column by themselves (MySQL's
InnoDB does): Prisma, SQLAlchemy and GORM leave it to you, Rails and Django add one
unless told not to (`index: false`, `db_index=False`). Without it, every DELETE or
key UPDATE on the parent table scans the child table while holding its locks, and
joins from parent to child scan too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from bot import lazyre as re
from bot.lines import line_of as _line
from bot.models import ChangedFile, FileKind, FileStatus, Severity
from bot.rules.engine import Hit
from bot.rules.lib.sql_text import MYSQL, analyzable_text, detect_dialect, normalize_name
from bot.rules.lib.sql_text import split_statements as split_sql

FK_ID = "fk-without-index"  # an alias of foreign-key-not-indexed
WIDE_ID = "index-too-wide"
DUPLICATE_ID = "index-too-wide-or-duplicate"  # an alias of redundant-index
_MAX_COLUMNS = 3


def _hit(rule: str, path: str, line: int, title: str) -> Hit:
    return Hit(rule=rule, path=path, line=line, end_line=line, title=title)


def _strip_comments(text: str, marker: str) -> str:
    """Comment text blanked to spaces, line numbers kept (strings with the marker are rare
    enough in schemas to accept the approximation)."""
    return re.sub(re.escape(marker) + r"[^\n]*", lambda m: " " * len(m.group()), text)


# --- entry 28: foreign keys without an index ---------------------------------------------------

_RAILS_REF = re.compile(
    r"^[ \t]*(?:t\.)?(references|belongs_to|add_reference|add_belongs_to)\b([^\n]*)$", re.M
)
_RAILS_INDEX_FALSE = re.compile(r"\bindex:\s*false\b")


def _rails_fk(path: str, text: str) -> Iterator[Hit]:
    for match in _RAILS_REF.finditer(_strip_comments(text, "#")):
        if not _RAILS_INDEX_FALSE.search(match.group(2)):
            continue
        names = re.findall(r":(\w+)", match.group(2))
        column = (
            names[1]
            if match.group(1).startswith("add_") and len(names) > 1
            else (names[0] if names else "")
        )
        if column and re.search(rf"index[^\n]*\[\s*:{column}_id\b|index[^\n]*:{column}_id\b", text):
            continue  # a separate (composite) index starts with it
        yield _hit(
            FK_ID,
            path,
            _line(text, match.start(1)),
            f"`{match.group(1)} :{column or '…'}` with `index: false` leaves the key unindexed",
        )


_DJANGO_FK = re.compile(r"\b(\w+)\s*=\s*(?:models\.)?ForeignKey\((?:[^()]|\([^()]*\))*\)", re.S)


def _django_fk(path: str, text: str) -> Iterator[Hit]:
    for match in _DJANGO_FK.finditer(_strip_comments(text, "#")):
        if "db_index=False" not in match.group(0):
            continue
        name = match.group(1)
        if re.search(rf"fields\s*=\s*[\[(]\s*[\"']{name}[\"']", text):
            continue
        yield _hit(
            FK_ID,
            path,
            _line(text, match.start()),
            f"`ForeignKey` `{name}` with `db_index=False` leaves the key unindexed",
        )


_SA_FK = re.compile(
    r"^[ \t]*(\w+)\s*(?::[^=\n]*)?=\s*(?:sa\.|db\.)?(Column|mapped_column)\("
    r"(?:[^()]|\((?:[^()]|\([^()]*\))*\))*"
    r"\bForeignKey\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)(?:[^()]|\([^()]*\))*\)",
    re.M | re.S,
)


def _sqlalchemy_fk(path: str, text: str) -> Iterator[Hit]:
    code = _strip_comments(text, "#")
    for match in _SA_FK.finditer(code):
        call = match.group(0)
        if re.search(r"\b(index|primary_key|unique)\s*=\s*True\b", call):
            continue
        name = match.group(1)
        first_in_index = (
            r"(?:Index|PrimaryKeyConstraint|UniqueConstraint)\(\s*"
            rf"(?:[\"'][^\"']*[\"']\s*,\s*)?[\"']?{name}\b"
        )
        if re.search(first_in_index, code):
            continue
        yield _hit(
            FK_ID, path, _line(text, match.start(1)), f"Foreign-key column `{name}` has no index"
        )


_PRISMA_MODEL = re.compile(r"^model\s+(\w+)\s*\{(.*?)^\}", re.M | re.S)
_PRISMA_REL = re.compile(r"@relation\([^)]*\bfields:\s*\[\s*(\w+)")


def _prisma_fk(path: str, text: str) -> Iterator[Hit]:
    code = _strip_comments(text, "//")
    # A diff may not show the `model X {` line: then the visible text is one block.
    blocks = [(m.group(1), m.group(2), m.start(2)) for m in _PRISMA_MODEL.finditer(code)]
    for name, body, offset in blocks or [("…", code, 0)]:
        for rel in _PRISMA_REL.finditer(body):
            field = rel.group(1)
            covered = re.search(rf"@@(?:index|unique|id)\(\s*(?:fields:\s*)?\[\s*{field}\b", body)
            own = re.search(rf"^\s*{field}\s+\S+[^\n]*@(?:unique|id)\b", body, re.M)
            if covered or own:
                continue
            yield _hit(
                FK_ID,
                path,
                _line(text, offset + rel.start()),
                f"Relation field `{field}` of `{name}` has no `@@index([{field}])`",
            )


_GO_STRUCT = re.compile(r"type\s+(\w+)\s+struct\s*\{(.*?)^\}", re.M | re.S)
_GO_FIELD = re.compile(r"^[ \t]*(\w+)\s+(\*?[\w.\[\]]+)[ \t]*(`[^`\n]*`)?", re.M)


def _gorm_fk(path: str, text: str) -> Iterator[Hit]:
    for struct in _GO_STRUCT.finditer(_strip_comments(text, "//")):
        body, offset = struct.group(2), struct.start(2)
        fields = {m.group(1): m for m in _GO_FIELD.finditer(body)}
        keys = set(re.findall(r"foreignKey:(\w+)", body))
        for name, match in fields.items():
            # `User User` next to `UserID uint`: GORM's belongs-to by naming convention.
            if match.group(2).lstrip("*") == name and name + "ID" in fields:
                keys.add(name + "ID")
        for key in sorted(keys):
            field = fields.get(key)
            if field is None:
                continue
            tag = field.group(3) or ""
            if re.search(r"\b(index|uniqueIndex|primaryKey|unique)\b", tag):
                continue
            yield _hit(
                FK_ID,
                path,
                _line(text, offset + field.start(1)),
                f"GORM foreign key `{struct.group(1)}.{key}` has no `index` tag",
            )


# SQL: a key column this file creates (CREATE TABLE, ADD COLUMN) and no index, primary
# key or unique constraint of the same file that starts with it. Keys on columns that
# already existed are left alone: their index may live in an earlier migration.

_SQL_OPAQUE = re.compile(r"'(?:[^']|'')*'|--[^\n]*|/\*.*?\*/", re.S)
_SQL_IDENT = r'(?:"[^"]+"|[A-Za-z_][\w$]*)'
_SQL_TABLE = _SQL_IDENT + r"(?:\s*\.\s*" + _SQL_IDENT + r")*"
_SQL_CREATE = re.compile(
    r"CREATE\s+(?:(?:GLOBAL|LOCAL|TEMP|TEMPORARY|UNLOGGED)\s+)*TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?("
    + _SQL_TABLE
    + r")\s*\(",
    re.I,
)
_SQL_ALTER = re.compile(
    r"ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(" + _SQL_TABLE + r")\s+", re.I
)
_SQL_CONSTRAINT_NAME = re.compile(r"^(?:ADD\s+)?CONSTRAINT\s+" + _SQL_IDENT + r"\s+", re.I)
_SQL_KEYED = re.compile(
    r"^(PRIMARY\s+KEY|UNIQUE(?:\s+NULLS\s+(?:NOT\s+)?DISTINCT)?|FOREIGN\s+KEY)\s*\(([^)]*)\)", re.I
)
_SQL_NOT_COLUMN = re.compile(r"^(?:CHECK|EXCLUDE|LIKE|CONSTRAINT)\b", re.I)
_SQL_ADD_COLUMN = re.compile(
    r"^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?!CONSTRAINT\b|PRIMARY\b|UNIQUE\b"
    r"|FOREIGN\b|CHECK\b|EXCLUDE\b)(" + _SQL_IDENT + r")",
    re.I,
)


def _blank_sql(text: str) -> str:
    """Strings and comments as spaces (same length), so commas and parentheses in them
    do not count."""
    return _SQL_OPAQUE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def _sql_name(name: str) -> str:
    """Compared case-insensitively: quoted names differing only in case are rare."""
    return normalize_name(name.strip()).lower()


def _top_level(body: str, start: int) -> Iterator[tuple[str, int]]:
    """Comma-separated items at parenthesis depth 0, each with its offset (stops at the
    parenthesis that closes the list)."""
    depth, begin = 0, 0
    for index, char in enumerate(body):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        elif char == "," and depth == 0:
            yield body[begin:index], start + begin
            begin = index + 1
    else:
        index = len(body)
    yield body[begin:index], start + begin


@dataclass
class _SqlKeys:
    new_columns: set[tuple[str, str]]
    covered: set[tuple[str, str]]
    keys: list[tuple[str, str, int]]  # table, column, offset of the REFERENCES item


def _sql_item(table: str, item: str, offset: int, keys: _SqlKeys, in_alter: bool) -> None:
    stripped = item.lstrip()
    offset += len(item) - len(stripped)
    stripped = _SQL_CONSTRAINT_NAME.sub("", stripped)
    if in_alter:
        added = _SQL_ADD_COLUMN.match(stripped)
        if added is None:
            stripped = re.sub(r"^ADD\s+", "", stripped, flags=re.I)
        else:
            stripped = stripped[added.start(1) :]
    elif _SQL_NOT_COLUMN.match(stripped):
        return
    keyed = _SQL_KEYED.match(stripped)
    if keyed is not None:
        columns = [c for c in keyed.group(2).split(",") if c.strip()]
        if not columns:
            return
        first = _sql_name(columns[0])
        if keyed.group(1).upper().startswith("FOREIGN"):
            if (table, first) in keys.new_columns:
                keys.keys.append((table, first, offset))
        else:
            keys.covered.add((table, first))
        return
    if (in_alter and _SQL_ADD_COLUMN.match(item.lstrip()) is None) or not stripped:
        return
    name = re.match(_SQL_IDENT, stripped)
    if name is None:
        return
    column = _sql_name(name.group())
    keys.new_columns.add((table, column))
    if re.search(r"\b(?:PRIMARY\s+KEY|UNIQUE)\b", stripped, re.I):
        keys.covered.add((table, column))
    if re.search(r"\bREFERENCES\b", stripped, re.I):
        keys.keys.append((table, column, offset))


def _sql_fk(file: ChangedFile) -> Iterator[Hit]:
    if re.search(r"(^|/)prisma/migrations/", file.path):
        return  # generated from schema.prisma, where `fk-without-index` reports it
    if file.content is None and file.status is not FileStatus.ADDED:
        return  # an index may sit in the part of the file the diff does not show
    text = analyzable_text(file)
    if detect_dialect(file.path, text) == MYSQL:
        return  # InnoDB indexes every foreign-key column itself
    keys = _SqlKeys(set(), set(), [])
    for statement in split_sql(text):
        body = _blank_sql(statement.text)
        created = _SQL_CREATE.match(body)
        altered = _SQL_ALTER.match(body)
        if created is not None:
            table = _sql_name(created.group(1))
            items = _top_level(body[created.end() :], statement.start + created.end())
            for item, offset in list(items):
                _sql_item(table, item, offset, keys, in_alter=False)
        elif altered is not None:
            table = _sql_name(altered.group(1))
            items = _top_level(body[altered.end() :], statement.start + altered.end())
            for item, offset in list(items):
                _sql_item(table, item, offset, keys, in_alter=True)
        else:
            for index in _SQL_INDEX.finditer(body):
                if "(" in index.group(3):
                    continue  # an expression index does not serve key lookups
                columns = _columns(index.group(3))
                if columns:
                    keys.covered.add((_sql_name(index.group(2)), columns[0]))
    reported: set[tuple[str, str]] = set()
    for table, column, offset in keys.keys:
        if (table, column) in keys.covered or (table, column) in reported:
            continue
        reported.add((table, column))
        yield _hit(
            FK_ID,
            file.path,
            _line(text, offset),
            f"Foreign-key column `{table}.{column}` has no index in this migration",
        )


# --- entry 29: wide and redundant indexes ------------------------------------------------------


@dataclass(frozen=True)
class Index:
    table: str
    columns: tuple[str, ...]
    unique: bool
    partial: bool
    line: int


_SQL_INDEX = re.compile(
    r"CREATE\s+(UNIQUE\s+)?INDEX\b[^;(]*?\bON\s+(?:ONLY\s+)?([\w.\"]+)\s*(?:USING\s+\w+\s*)?"
    r"\(([^;]*?)\)([^;]*)",
    re.I | re.S,
)
# The options go on over the indented lines that carry them (`unique: true,` then
# `where: "..."` on lines of their own).
_RAILS_INDEX = re.compile(
    r"\badd_index\s*\(?\s*:(\w+)\s*,\s*\[([^\]]*)\]([^\n]*(?:\n[ \t]+\w+:[^\n]*)*)"
)
_ALEMBIC_INDEX = re.compile(
    r"\bop\.create_index\(\s*[^,]+,\s*[\"'](\w+)[\"']\s*,\s*\[([^\]]*)\]([^)]*)"
)
_PRISMA_INDEX = re.compile(r"@@index\(\s*(?:fields:\s*)?\[([^\]]*)\]")


def _columns(raw: str) -> tuple[str, ...]:
    parts = [
        re.sub(r"[\"'`:]|(?<!\s)\s+(ASC|DESC).*$", "", p.strip(), flags=re.I)
        for p in raw.split(",")
    ]
    return tuple(p.lower() for p in parts if p)


def _indexes(file: ChangedFile, text: str) -> list[Index]:
    return list(_indexes_in(file.language, text))


@lru_cache(maxsize=32)
def _indexes_in(language: str | None, text: str) -> tuple[Index, ...]:
    """The indexes a file declares. Cached: three checks read the same file's."""
    out: list[Index] = []
    if language == "sql":
        for m in _SQL_INDEX.finditer(_strip_comments(text, "--")):
            if "(" in m.group(3):
                continue  # expression index: columns cannot be compared
            out.append(
                Index(
                    m.group(2).strip('"').split(".")[-1].lower(),
                    _columns(m.group(3)),
                    bool(m.group(1)),
                    "WHERE" in m.group(4).upper(),
                    _line(text, m.start()),
                )
            )
    elif language == "ruby":
        for m in _RAILS_INDEX.finditer(_strip_comments(text, "#")):
            out.append(
                Index(
                    m.group(1),
                    _columns(m.group(2)),
                    "unique: true" in m.group(3),
                    "where:" in m.group(3),
                    _line(text, m.start()),
                )
            )
    elif language == "python":
        for m in _ALEMBIC_INDEX.finditer(_strip_comments(text, "#")):
            out.append(
                Index(
                    m.group(1),
                    _columns(m.group(2)),
                    "unique=True" in m.group(3),
                    "_where" in m.group(3),
                    _line(text, m.start()),
                )
            )
    elif language == "prisma":
        for model in _PRISMA_MODEL.finditer(_strip_comments(text, "//")):
            for m in _PRISMA_INDEX.finditer(model.group(2)):
                out.append(
                    Index(
                        model.group(1),
                        _columns(m.group(1)),
                        False,
                        False,
                        _line(text, model.start(2) + m.start()),
                    )
                )
    return tuple(out)


def _wide_hits(
    path: str,
    indexes: list[Index],
    new_tables: frozenset[str] = frozenset(),
    added: frozenset[int] = frozenset(),
    new_file: bool = False,
) -> Iterator[Hit]:
    """Too wide and left-prefix indexes. `new_tables`: tables the file creates on lines the
    change adds, on which a prefix between two added indexes is a comment (`_NEW_TABLE_NOTE`).
    `new_file`: a migration this change adds, neither a baseline nor a rebuild
    (`fresh_migration`): there a prefix between two added indexes is a comment too."""
    # Each strict left prefix of a full (non-partial) index -> the first such index of its
    # table: one lookup per index, where comparing every pair made a file of thousands
    # of indexes quadratic.
    longer: dict[tuple[str, tuple[str, ...]], Index] = {}
    for other in indexes:
        if other.partial:
            continue
        for size in range(1, len(other.columns)):
            longer.setdefault((other.table, tuple(other.columns[:size])), other)
    for index in indexes:
        if not index.unique and len(index.columns) > _MAX_COLUMNS:
            yield _hit(
                WIDE_ID,
                path,
                index.line,
                f"Non-unique index over {len(index.columns)} columns of `{index.table}`",
            )
            continue
        if index.unique or index.partial:
            continue
        wider = longer.get((index.table, tuple(index.columns)))
        if wider is not None:
            hit = _hit(
                DUPLICATE_ID,
                path,
                index.line,
                f"Index on `{index.table}` ({', '.join(index.columns)}) duplicates the "
                f"start of the one on line {wider.line}",
            )
            if index.table in new_tables and index.line in added and wider.line in added:
                note = _NEW_TABLE_NOTE.format(table=index.table)
                hit = replace(hit, severity=Severity.LOW, detail=note)
            elif new_file and index.line in added and wider.line in added:
                note = _NEW_PAIR_NOTE.format(table=index.table)
                hit = replace(hit, severity=Severity.LOW, detail=note)
            yield hit


# --- one file ----------------------------------------------------------------------------------

_FK_HINT = re.compile(
    r"index:\s*false|db_index=False|ForeignKey\(|@relation\(|gorm:|(?i:\bREFERENCES\b)"
)


def fk_hits(file: ChangedFile, text: str) -> Iterator[Hit]:
    if not _FK_HINT.search(text):
        return
    language = file.language
    if language == "ruby":
        yield from _rails_fk(file.path, text)
    elif language == "python":
        yield from _django_fk(file.path, text)
        if file.kind is FileKind.ORM_SCHEMA and "ForeignKey(" in text:
            yield from _sqlalchemy_fk(file.path, text)
    elif language == "prisma":
        yield from _prisma_fk(file.path, text)
    elif language == "go" and "gorm" in text:
        yield from _gorm_fk(file.path, text)
    elif language == "sql":
        yield from _sql_fk(file)


_INDEX_HINT = re.compile(r"INDEX|add_index|create_index|@@index", re.I)


LANGUAGES = frozenset({"ruby", "python", "prisma", "go", "sql"})
KINDS = frozenset({FileKind.MIGRATION, FileKind.ORM_SCHEMA, FileKind.CODE, FileKind.SQL})


def reads(file: ChangedFile) -> bool:
    """Whether `file` is one whose keys and indexes are read here."""
    if file.language not in LANGUAGES or file.kind not in KINDS:
        return False
    if file.kind is FileKind.CODE:
        return file.language == "go"  # GORM models live with the code
    return file.kind is not FileKind.SQL or bool(re.search(r"schema", file.path, re.I))


def index_hits(file: ChangedFile) -> list[Hit]:
    """Foreign keys without an index and too wide or redundant indexes in one file."""
    text = file.visible_text()
    hits = list(fk_hits(file, text))
    if file.language != "go" and _INDEX_HINT.search(text):
        restating = restated_baseline(file)
        new_tables = (
            _created_here(file, text) if file.language == "sql" and not restating else frozenset()
        )
        hits += _wide_hits(
            file.path, _indexes(file, text), new_tables, file.added_lines, fresh_migration(file)
        )
    return hits


# `CREATE TABLE name (`, not `IF NOT EXISTS`: a table this migration makes, not one it
# restates for installs that already have it (a baseline, an idempotent repair).
_CREATE_NEW_TABLE = re.compile(
    r"\bCREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?!IF\s+NOT\s+EXISTS\b)(?:[\w\"`]+\s*\.\s*)?"
    r"[\"`]?(\w+)[\"`]?\s*\(",
    re.I,
)
# A SQL migration creating a table and, among its new indexes, one that is the left prefix
# of another: nothing has shipped yet, so dropping it is free, and the finding is a comment.
# Raised so on the labelled sets, 12 of 14 were judged worth acting on (set T, blind: 1 of
# 1). Any other in-file duplicate stays in the summary: an old file restated, a baseline.
_NEW_TABLE_NOTE = (
    "Both indexes are new, on `{table}`, which this migration creates: the shorter one can "
    "go before it ships, with no rows to rebuild."
)


# The same holds in any migration this change adds, on a table that already exists: both
# indexes are built by the same deploy, so the shorter one is dropped by deleting a line
# (on the judged sets, `all_sets.py`: 6 true positives and 2 false alarms became comments).
# Left out: baselines and squashes, which restate what installs already have; idempotent
# repairs (`IF NOT EXISTS`); and a view or table dropped and built again, whose index set
# is carried over as it was.
_NEW_PAIR_NOTE = (
    "Both indexes on `{table}` are new in this migration: the shorter one can go before it "
    "ships, by deleting its line."
)
_RESTATING_NAME = re.compile(r"(?i)(?:^|[/_.-])(?:baseline|squash(?:ed)?|dump)(?:[/_.-]|$)")
_IDEMPOTENT_INDEX = re.compile(
    r"\b(?:INDEX\s+(?:CONCURRENTLY\s+)?|TABLE\s+)IF\s+NOT\s+EXISTS\b|\bif_not_exists\s*[:=]", re.I
)
# (SQL only: a Rails or Alembic migration drops its tables in `down`/`downgrade`; in SQL
# only what comes before a goose or dbmate down marker is read.)
_REBUILT = re.compile(r"\bDROP\s+(?:MATERIALIZED\s+)?(?:VIEW|TABLE)\b", re.I)
_DOWN_MARK = re.compile(
    r"(?im)^[ \t]*--[ \t]*(?:\+goose[ \t]+down|\+migrate[ \t]+down|migrate:down)\b"
)


def restated_baseline(file: ChangedFile) -> bool:
    """A baseline, squash or dump: it restates the schema installs already have."""
    return _RESTATING_NAME.search(file.path.rsplit("/", 1)[-1]) is not None


def fresh_migration(file: ChangedFile) -> bool:
    """A migration this change adds that builds what it declares: no baseline or squash,
    no idempotent repair, no rebuilt view or table (`_NEW_PAIR_NOTE`)."""
    if restated_baseline(file):
        return False
    if file.status is not FileStatus.ADDED or file.kind not in (FileKind.MIGRATION, FileKind.SQL):
        return False
    text = file.visible_text()
    down = _DOWN_MARK.search(text)
    up = text[: down.start()] if down else text
    rebuilt = file.language == "sql" and _REBUILT.search(up) is not None
    return not (rebuilt or _IDEMPOTENT_INDEX.search(up))


def _created_here(file: ChangedFile, text: str) -> frozenset[str]:
    """Tables a SQL file creates on lines the change adds."""
    return frozenset(
        m.group(1).lower()
        for m in _CREATE_NEW_TABLE.finditer(text)
        if _line(text, m.start()) in file.added_lines
    )
