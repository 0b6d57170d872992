"""Materialized views dropped and rebuilt under the same name in one migration.

The view is missing (or locked) for as long as its query runs: read from the migration's
text, so SQL files and SQL strings inside JS/TS migrations (Sequelize, Knex) are read alike.
A view this change creates for the first time has no readers yet: only a `DROP` of the
view followed by a `CREATE` of the same name is reported, at the `DROP`.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot import lazyre as re
from bot.lines import line_of as _line_of
from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, Hit, catalog_rules

RULE = "matview-drop-recreate"
_NAME = r"[`\"]?(?:\w+[`\"]?\.[`\"]?)?(\w+)[`\"]?"
_DROP = re.compile(r"\bDROP\s+MATERIALIZED\s+VIEW\s+(?:IF\s+EXISTS\s+)?" + _NAME, re.I)
_CREATE = re.compile(
    r"\bCREATE\s+(?:OR\s+REPLACE\s+)?MATERIALIZED\s+VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?" + _NAME,
    re.I,
)


# `ALTER MATERIALIZED VIEW totals_mv_tmp RENAME TO totals_mv`: the view was built beside
# the live one under a spare name (its leftover dropped first) and is swapped in at once.
_RENAME = re.compile(
    r"\bALTER\s+MATERIALIZED\s+VIEW\s+(?:IF\s+EXISTS\s+)?" + _NAME + r"\s+RENAME\s+TO\b", re.I
)


# Where a migration's rollback starts (it follows the forward part in every framework
# here): a rollback that drops the view without re-creating it says the view is new.
_DOWN = re.compile(
    r"^[ \t]*(?:(?:async\s+)?down\s*[:(]|(?:module\.)?exports\.down\b|public\s+async\s+down\b"
    r"|--\s*\+goose\s+down\b|--\s*migrate:down\b)",
    re.I | re.M,
)


def drop_recreate_hits(path: str, text: str) -> Iterable[Hit]:
    down_at = m.start() if (m := _DOWN.search(text)) else len(text)
    up, down = text[:down_at], text[down_at:]
    creates = [(m.start(), m.group(1).lower()) for m in _CREATE.finditer(up)]
    for drop in _DROP.finditer(up):
        name = drop.group(1).lower()
        rebuilt = next((at for at, created in creates if created == name and at > drop.end()), None)
        if rebuilt is None:
            continue
        dropped_back = any(d.group(1).lower() == name for d in _DROP.finditer(down))
        restored = any(c.group(1).lower() == name for c in _CREATE.finditer(down))
        if dropped_back and not restored:
            continue  # the rollback removes the view: this migration creates it
        if any(r.group(1).lower() == name for r in _RENAME.finditer(up, rebuilt)):
            continue  # built aside under a spare name, then swapped in by a rename
        title = f"Materialized view `{drop.group(1)}` dropped and rebuilt in place"
        yield Hit(RULE, path, _line_of(text, drop.start()), _line_of(text, rebuilt), title=title)


class MaterializedViews(Check):
    name = "materialized-views"
    rules = catalog_rules(RULE)
    languages = frozenset({"sql", "javascript", "typescript"})
    kinds = frozenset({FileKind.MIGRATION, FileKind.SQL})

    def wants(self, file: ChangedFile) -> bool:
        return "MATERIALIZED" in file.visible_text().upper()

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return drop_recreate_hits(file.path, file.visible_text())


CHECKS: list[Check] = [MaterializedViews()]
