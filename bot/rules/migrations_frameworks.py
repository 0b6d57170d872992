"""Index builds in framework migrations that lock a PostgreSQL table for writes.

Rails `add_index` without `algorithm: :concurrently` and Django `AddIndex` (rather
than `AddIndexConcurrently`) both emit a plain `CREATE INDEX`, which holds a SHARE
lock for the whole build. An index on a table the same migration creates is
harmless (the table is empty and nobody writes to it yet), so those are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable

from ast_grep_py import Config, SgNode

from bot import lazyre as re
from bot.models import ChangedFile, FileKind
from bot.rules.astgrep import line_prefix_suffix, lines, replacement_parses, root_of
from bot.rules.engine import Check, Hit, catalog_rule, catalog_rules

RAILS_ID = "rails-add-index-blocking"
DJANGO_ID = "django-add-index-blocking"

_RAILS_PATH = re.compile(r"(^|/)db/migrate/[^/]+\.rb$")
_DJANGO_PATH = re.compile(r"(^|/)migrations/\d{4}_\w+\.py$")

_RAILS_HINT = re.compile(r"\b(add_index|add_reference|add_belongs_to)\b")
_DJANGO_HINT = re.compile(r"\bAddIndex\b|\bAddField\b")
_ADD_INDEX: Config = {"rule": {"kind": "call", "has": {"field": "method", "regex": "^add_index$"}}}
# `add_reference` builds an index on the new column unless told `index: false`.
_ADD_REFERENCE: Config = {
    "rule": {"kind": "call", "has": {"field": "method", "regex": "^add_(reference|belongs_to)$"}}
}
_INDEX_OFF = re.compile(r"\bindex:\s*false\b")
_CONCURRENT = re.compile(r"algorithm:\s*:concurrently\b")
_CREATE_TABLE: Config = {
    "rule": {"kind": "call", "has": {"field": "method", "regex": "^create_table$"}}
}
_DJANGO_ADD_INDEX: Config = {
    "rule": {
        "kind": "call",
        "has": {
            "field": "function",
            "any": [
                {"kind": "identifier", "regex": "^AddIndex$"},
                {"kind": "attribute", "regex": r"\.AddIndex$"},
            ],
        },
    }
}
_DJANGO_ADD_FIELD: Config = {
    "rule": {
        "kind": "call",
        "has": {
            "field": "function",
            "any": [
                {"kind": "identifier", "regex": "^AddField$"},
                {"kind": "attribute", "regex": r"\.AddField$"},
            ],
        },
    }
}
# A `ForeignKey`/`OneToOneField` gets an index unless `db_index=False` (Django).
_DJANGO_FK = re.compile(r"\b(ForeignKey|OneToOneField)\(")
_DB_INDEX_OFF = re.compile(r"\bdb_index\s*=\s*False\b")
_DJANGO_CREATE_MODEL: Config = {
    "rule": {
        "kind": "call",
        "has": {
            "field": "function",
            "any": [
                {"kind": "identifier", "regex": "^CreateModel$"},
                {"kind": "attribute", "regex": r"\.CreateModel$"},
            ],
        },
    }
}
_CONCURRENTLY_IMPORT = re.compile(
    r"from\s+django\.contrib\.postgres\.operations\s+import\s[^\n]*\bAddIndexConcurrently\b"
)
_ATOMIC_FALSE = re.compile(r"^[ \t]*atomic\s*=\s*False\b", re.MULTILINE)


def _literal(node: SgNode | None) -> str | None:
    """The value of a symbol or plain string literal (`:users`, `"users"`), else None."""
    if node is None:
        return None
    kind = node.kind()
    if kind == "simple_symbol":
        return node.text().lstrip(":")
    if kind == "string":
        if node.find(kind="interpolation"):
            return None
        return "".join(part.text() for part in node.find_all(kind="string_content"))
    return None


# --- Rails -----------------------------------------------------------------------


def _args(call: SgNode) -> list[SgNode]:
    arguments = call.field("arguments")
    return arguments.named_children() if arguments is not None else []


def _pair_keys(call: SgNode) -> set[str]:
    keys: set[str] = set()
    for arg in _args(call):
        pairs = [arg] if arg.kind() == "pair" else arg.find_all(kind="pair")
        for pair in pairs:
            key = pair.field("key")
            if key is not None:
                keys.add(key.text().lstrip(":").rstrip(":").strip("'\""))
    return keys


def _first_literal(call: SgNode) -> str | None:
    args = _args(call)
    return _literal(args[0]) if args else None


def _rails_suggestion(text: str, call: SgNode) -> str | None:
    """The call's line with `, algorithm: :concurrently` after the last argument."""
    around = line_prefix_suffix(text, call)
    arguments = call.field("arguments")
    args = _args(call)
    if around is None or arguments is None or not args or args[-1].kind() == "hash":
        return None
    prefix, suffix = around
    body = call.text()
    closing = ")" if arguments.text().endswith(")") else ""
    body = body[: len(body) - len(closing)].rstrip() + ", algorithm: :concurrently" + closing
    line = lines(call)[0]
    suggestion = prefix + body + suffix
    if not replacement_parses(text, line, line, suggestion, "ruby"):
        return None
    return suggestion


def _rails_hits(file: ChangedFile) -> list[Hit]:
    root = root_of(file, _RAILS_HINT)
    if root is None:
        return []
    text = file.visible_text()
    created = {_first_literal(call) for call in root.find_all(_CREATE_TABLE)} - {None}
    no_transaction_off = "disable_ddl_transaction!" not in text
    hits: list[Hit] = []
    for call in root.find_all(_ADD_INDEX):
        if "algorithm" in _pair_keys(call):
            continue  # the author chose how to build it (`:concurrently`, or MySQL's `:inplace`)
        table = _first_literal(call)
        if table is not None and table in created:
            continue
        first, last = lines(call)
        detail = (
            "Also add `disable_ddl_transaction!` to this migration class: a concurrent "
            "index cannot be built inside the transaction Rails wraps migrations in."
            if no_transaction_off
            else None
        )
        hits.append(
            Hit(
                rule=RAILS_ID,
                path=file.path,
                line=first,
                end_line=last,
                detail=detail,
                suggestion=_rails_suggestion(text, call),
                title=f"`add_index` on `{table or '…'}` without `algorithm: :concurrently` "
                "locks writes",
            )
        )
    for call in root.find_all(_ADD_REFERENCE):
        table = _first_literal(call)
        if table is not None and table in created:
            continue
        if _INDEX_OFF.search(call.text()) or _CONCURRENT.search(call.text()):
            continue
        first, last = lines(call)
        hits.append(
            Hit(
                rule=RAILS_ID,
                path=file.path,
                line=first,
                end_line=last,
                detail="Pass `index: { algorithm: :concurrently }` (with "
                "`disable_ddl_transaction!`), or `index: false` and add the index in its "
                "own migration.",
                title=f"`{_method(call)}` on `{table or '…'}` builds its index with writes locked",
            )
        )
    return hits


def _method(call: SgNode) -> str:
    method = call.field("method")
    return method.text() if method is not None else "add_reference"


# --- Django ----------------------------------------------------------------------


def _keyword(call: SgNode, name: str) -> SgNode | None:
    arguments = call.field("arguments")
    if arguments is None:
        return None
    for arg in arguments.named_children():
        key = arg.field("name")
        if arg.kind() == "keyword_argument" and key is not None and key.text() == name:
            return arg.field("value")
    return None


def _django_suggestion(text: str, call: SgNode) -> str | None:
    """The callee's line with `AddIndexConcurrently` in place of `migrations.AddIndex`."""
    function = call.field("function")
    if function is None:
        return None
    around = line_prefix_suffix(text, function)
    if around is None:
        return None
    prefix, suffix = around
    suggestion = prefix + "AddIndexConcurrently" + suffix
    line = lines(function)[0]
    if not replacement_parses(text, line, line, suggestion, "python"):
        return None
    return suggestion


def _django_detail(text: str) -> str | None:
    missing = []
    if not _CONCURRENTLY_IMPORT.search(text):
        missing.append(
            "import it with `from django.contrib.postgres.operations import AddIndexConcurrently`"
        )
    if not _ATOMIC_FALSE.search(text):
        missing.append(
            "set `atomic = False` on the `Migration` class (PostgreSQL refuses "
            "`CREATE INDEX CONCURRENTLY` inside a transaction)"
        )
    if not missing:
        return None
    return "To switch: " + "; and ".join(missing) + "."


def _django_hits(file: ChangedFile) -> list[Hit]:
    root = root_of(file, _DJANGO_HINT)
    if root is None:
        return []
    text = file.visible_text()
    created = {
        name.lower()
        for call in root.find_all(_DJANGO_CREATE_MODEL)
        if (name := _literal(_keyword(call, "name"))) is not None
    }
    hits: list[Hit] = []
    for call in root.find_all(_DJANGO_ADD_INDEX):
        model = _literal(_keyword(call, "model_name"))
        if model is not None and model.lower() in created:
            continue
        function = call.field("function")
        first, _ = lines(function if function is not None else call)
        hits.append(
            Hit(
                rule=DJANGO_ID,
                path=file.path,
                line=first,
                end_line=first,
                detail=_django_detail(text),
                suggestion=_django_suggestion(text, call),
                title=f"`AddIndex` on `{model or '…'}` locks writes; use `AddIndexConcurrently`",
            )
        )
    for call in root.find_all(_DJANGO_ADD_FIELD):
        model = _literal(_keyword(call, "model_name"))
        field = _keyword(call, "field")
        if model is not None and model.lower() in created or field is None:
            continue
        if not _DJANGO_FK.search(field.text()) or _DB_INDEX_OFF.search(field.text()):
            continue
        first, _ = lines(call)
        hits.append(
            Hit(
                rule=DJANGO_ID,
                path=file.path,
                line=first,
                end_line=first,
                detail="Declare the field with `db_index=False` here and add the index with "
                "`AddIndexConcurrently` in a migration with `atomic = False`.",
                title=f"Foreign key added to `{model or '…'}` builds its index with writes locked",
            )
        )
    return hits


RAILS_RULE = catalog_rule(RAILS_ID)
DJANGO_RULE = catalog_rule(DJANGO_ID)


class RailsAddIndex(Check):
    name = "ast-grep:rails-add-index"
    rules = (RAILS_RULE,)
    languages = frozenset({"ruby"})
    kinds = frozenset({FileKind.MIGRATION})

    def wants(self, file: ChangedFile) -> bool:
        return super().wants(file) and bool(_RAILS_PATH.search(file.path))

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return _rails_hits(file)


class DjangoAddIndex(Check):
    name = "ast-grep:django-add-index"
    rules = (DJANGO_RULE,)
    languages = frozenset({"python"})
    kinds = frozenset({FileKind.MIGRATION})

    def wants(self, file: ChangedFile) -> bool:
        return super().wants(file) and bool(_DJANGO_PATH.search(file.path))

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return _django_hits(file)


CHECKS: list[Check] = [RailsAddIndex(), DjangoAddIndex()]


# --- the wider framework catalogue (issue 5: entries 19-35) ---------------------------------
#
# Detection lives in one module per language (they share `migrations_python`'s call
# view); one check here reports every rule id of them, whatever the language.

from bot.rules.lib import (  # noqa: E402
    migrations_go,
    migrations_js,
    migrations_liquibase,
    migrations_php,
    migrations_python,
    migrations_ruby,
)
from bot.rules.lib import migrations_python as mp  # noqa: E402

_IDS = (
    mp.ALEMBIC_INDEX,
    mp.JS_INDEX,
    migrations_go.GO_INDEX,
    mp.LARAVEL_INDEX,
    mp.CONCURRENT_IN_TX,
    mp.CONSTRAINT,
    mp.NOT_NULL,
    mp.VOLATILE,
    mp.TYPE_CHANGE,
    mp.DROP_RENAME,
    mp.BACKFILL,
    mp.IRREVERSIBLE,
    mp.ENUM_VALUE,
    mp.DROP_INDEX,
    mp.FORCE_TABLE,
)

_DISPATCH = {
    "python": migrations_python.hits,
    "ruby": migrations_ruby.hits,
    "javascript": migrations_js.hits,
    "typescript": migrations_js.hits,
    "php": migrations_php.hits,
    "sql": migrations_python.sql_file_hits,
    "go": migrations_go.hits,
    "xml": migrations_liquibase.liquibase_hits,
}


class FrameworkMigrations(Check):
    name = "framework-migrations"
    rules = catalog_rules(*_IDS)
    languages = frozenset(_DISPATCH)
    kinds = frozenset({FileKind.MIGRATION})

    def wants(self, file: ChangedFile) -> bool:
        if file.language == "go":
            # Go migrations live anywhere (`internal/database/migrations.go`): their
            # text says what they are.
            return bool(migrations_go.MIGRATION_CODE.search(file.visible_text()))
        return super().wants(file)

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return _DISPATCH[file.language or ""](file)


CHECKS.append(FrameworkMigrations())


class GoAutoMigrate(Check):
    """gorm `AutoMigrate` / xorm `Sync2` struct tags that change an existing table."""

    name = "go-automigrate"
    rules = catalog_rules(migrations_go.AUTOMIGRATE)
    languages = frozenset({"go"})

    def wants(self, file: ChangedFile) -> bool:
        return super().wants(file) and bool(migrations_go.SYNCED.search(file.visible_text()))

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return migrations_go.automigrate_hits(file)


CHECKS.append(GoAutoMigrate())
