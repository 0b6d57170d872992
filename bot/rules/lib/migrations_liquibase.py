"""Liquibase XML changelogs: the changes that lock or rewrite an existing table.

Liquibase applies each `<changeSet>` in a transaction, usually at the application's
start-up. Four of its changes are the framework twins of hazards the other migration
checks report: `<modifyDataType>` (a type change rewrites the table under an exclusive
lock), `<createIndex>` (a plain `CREATE INDEX`: writes wait for the whole build),
`<addNotNullConstraint>` (a full scan under an exclusive lock) and `<dropColumn>` (the
running code may still read it). Not on a table the same changelog creates (it is
empty). Read with a tag scanner rather than an XML parser so every hit keeps its line.
Pure: a file in, hits out.
"""

from __future__ import annotations

from bisect import bisect_right

from bot import lazyre as re
from bot.models import ChangedFile
from bot.rules.engine import Hit

TYPE_CHANGE = "migration-column-type-change"
INDEX = "index-build-blocking"
NOT_NULL = "migration-not-null-column"
DROP = "migration-drop-or-rename"

CHANGELOG = re.compile(r"<(?:\w+:)?databaseChangeLog\b")
_TAG = re.compile(
    r"<(?:\w+:)?(createTable|modifyDataType|createIndex|addNotNullConstraint|dropColumn)\b"
    # Bounded: a `<createIndex` with no `>` after it must not scan the rest of the file
    # once per such tag.
    r"([^>]{0,4000})>",
    re.S,
)
_ATTR = re.compile(r"(\w+)\s*=\s*\"([^\"]*)\"")
_COLUMN = re.compile(r"<(?:\w+:)?column\b[^>]*\bname\s*=\s*\"([^\"]*)\"")
_RULES = {
    "modifyDataType": TYPE_CHANGE,
    "createIndex": INDEX,
    "addNotNullConstraint": NOT_NULL,
    "dropColumn": DROP,
}


def _without_comments(text: str) -> str:
    """`text` with each `<!-- … -->` blanked (newlines kept, so offsets and lines hold).
    One pass with `find`: an unclosed `<!--` blanks the rest, where a lazy regex would
    scan to the end again from every later `<!--`."""
    parts: list[str] = []
    at = 0
    while (start := text.find("<!--", at)) >= 0:
        end = text.find("-->", start + 4)
        end = len(text) if end < 0 else end + 3
        parts.append(text[at:start])
        parts.append("".join(c if c == "\n" else " " for c in text[start:end]))
        at = end
    parts.append(text[at:])
    return "".join(parts)


def liquibase_hits(file: ChangedFile) -> list[Hit]:
    text = file.visible_text()
    if not CHANGELOG.search(text):
        return []
    text = _without_comments(text)
    starts = [0, *(m.end() for m in re.finditer(r"\n", text))]
    created: set[str] = set()
    hits: list[Hit] = []
    for tag in _TAG.finditer(text):
        kind, attrs = tag.group(1), dict(_ATTR.findall(tag.group(2)))
        table = attrs.get("tableName", "").lower()
        if kind == "createTable":
            created.add(table)
            continue
        if not table or table in created:
            continue
        line = bisect_right(starts, tag.start())
        hits.append(
            Hit(
                _RULES[kind],
                file.path,
                line,
                bisect_right(starts, tag.end()),
                title=_title(kind, table, attrs, text[tag.end() : tag.end() + 2000]),
            )
        )
    return hits


def _title(kind: str, table: str, attrs: dict[str, str], after: str) -> str:
    column = attrs.get("columnName", "")
    if kind == "modifyDataType":
        return (
            f"Liquibase `modifyDataType` of `{table}.{column}` to `{attrs.get('newDataType', '?')}`"
            " rewrites the table under an exclusive lock"
        )
    if kind == "createIndex":
        columns = _COLUMN.findall(after.split("</")[0] if "</" in after else after)
        named = ", ".join(columns) or "…"
        return f"Liquibase `createIndex` on `{table}` ({named}) blocks writes while it builds"
    if kind == "addNotNullConstraint":
        return (
            f"Liquibase `addNotNullConstraint` on `{table}.{column}` scans the table under "
            "an exclusive lock"
        )
    return f"Liquibase `dropColumn` of `{table}.{column}`: code still running may read it"
