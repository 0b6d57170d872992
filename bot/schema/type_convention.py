"""PostgreSQL type advice (`timestamptz`, `bigint` keys, `jsonb`) read against the
project's own choice of types.

The advice is about a choice made once for a whole schema. Where the files that were
there before the change use only the other type (plain `timestamp` everywhere and no
`timestamptz`, 32-bit keys and no 64-bit integer anywhere, `json` and never `jsonb`),
the project has chosen its convention: a new column that follows it is consistent, and
one column of the other type would be the odd one out. Judged on real commits
(`bench/migration_precision.py`), none of 229 such findings was worth acting on: they
were Prisma's and Drizzle's `timestamp(3)` holding UTC, keys that must match existing
`integer`/`serial` ids, an ORM mapping every JSON column as `json`.

Where the advice stays, it is given once per rule for the whole change, naming the
other places: a migration creating a dozen tables is one decision, not a dozen.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from bot import lazyre as re
from bot.models import Finding, fold_findings

TYPE_RULES = ("pg-prefer-timestamptz", "pg-prefer-bigint", "pg-prefer-jsonb")
# (the type advised against, the type advised) as they are written in SQL migrations and
# Rails ones (`t.json`, `:jsonb`). A quoted word is a column's name, not its type.
_TYPES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "pg-prefer-timestamptz": (
        re.compile(r"(?<![\"'`\w])timestamp\b(?!\s*(?:\(\s*\d+\s*\))?\s*with\s+time\s+zone)", re.I),
        re.compile(
            r"(?<![\"'`\w])(?:timestamptz|timestamp\s*(?:\(\s*\d+\s*\))?\s*with\s+time\s+zone)\b",
            re.I,
        ),
    ),
    "pg-prefer-bigint": (
        re.compile(r"(?<![\"'`\w])(?:integer|int|int4|serial|serial4)\b(?![\"'`.(])", re.I),
        re.compile(r"(?<![\"'`\w])(?:bigint|bigserial|int8|serial8)\b", re.I),
    ),
    "pg-prefer-jsonb": (
        re.compile(r"(?<![\"'`\w])json\b(?![\"'`.(])", re.I),
        re.compile(r"(?<![\"'`\w])jsonb\b(?![\"'`.(])", re.I),
    ),
}
# Fewer uses than this say too little to call it a convention.
_MIN_USES = 3
_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/|^\s*#[^\n]*", re.S | re.M)
_SCHEMA_FILE = re.compile(r"\.(?:sql|rb)$")
# Rails writes no type for its 64-bit ids: only SQL shows a key's width.
_SQL_ONLY = frozenset({"pg-prefer-bigint"})


def conventions(texts: Mapping[str, str], new_paths: Collection[str] | None) -> set[str]:
    """The type rules whose advice goes against the convention of the files that were
    there before the change (`texts` minus `new_paths`). Nothing when the change's own
    files are all there is (`new_paths` None: the repository's files are not at hand)."""
    if new_paths is None:
        return set()
    plain = dict.fromkeys(TYPE_RULES, 0)
    preferred = dict.fromkeys(TYPE_RULES, 0)
    for path, text in texts.items():
        if path in new_paths or not _SCHEMA_FILE.search(path):
            continue
        code = _COMMENT.sub(" ", text)
        for rule, (against, advised) in _TYPES.items():
            if preferred[rule] or (rule in _SQL_ONLY and not path.endswith(".sql")):
                continue
            preferred[rule] += len(advised.findall(code))
            plain[rule] += len(against.findall(code))
    return {rule for rule in TYPE_RULES if plain[rule] >= _MIN_USES and not preferred[rule]}


# Summary notices given once per change too: a release adding one script per database
# engine gets one "not analysed" line naming the scripts, not one per script.
_ONCE_PER_CHANGE = {
    **dict.fromkeys(TYPE_RULES, "The same type is chosen at"),
    "sql-not-analysed": "Not analysed either:",
}


def fold(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per type rule (and per coverage notice) for the whole change; it names
    the other places."""
    groups: dict[str, list[int]] = {}
    for i, finding in enumerate(findings):
        if finding.rule in _ONCE_PER_CHANGE:
            groups.setdefault(finding.rule, []).append(i)
    folded: set[int] = set()
    notes: dict[int, str] = {}
    for rule, members in groups.items():
        if len(members) < 2:
            continue
        folded |= set(members[1:])
        places = [f"{findings[i].path}:{findings[i].line}" for i in members[1:]]
        more = f" and {len(places) - 10} more" if len(places) > 10 else ""
        shown = ", ".join(places[:10]) + more
        notes[members[0]] = f"{_ONCE_PER_CHANGE[rule]} {shown}."
    return fold_findings(findings, folded, notes)
