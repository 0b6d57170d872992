"""Django and Alembic migrations: the lock, rewrite and deploy hazards of issue 5.

The first half of this module is shared by the Ruby, JS/TS and PHP migration
modules: rule ids, a language-neutral view of calls (`Call`), and the checks on
SQL that migrations embed in strings (`op.execute`, `execute`, `queryRunner.query`,
`knex.raw`, `DB::statement`). The rules themselves, with their fixtures from every
language module, are assembled in `migrations_frameworks`.

Framework facts the checks rely on:

- Django runs each migration in one transaction on PostgreSQL unless the class
  sets `atomic = False`; a `RunPython` next to schema operations therefore holds
  their ACCESS EXCLUSIVE locks for the whole data pass.
- Django computes a Python-side `default=` once and uses it as a constant
  `DEFAULT` for existing rows (then drops it): no rewrite, but `uuid.uuid4` gives
  every existing row the same value.
- Alembic on PostgreSQL runs migrations inside a transaction (`transactional_ddl`);
  only `with op.get_context().autocommit_block():` steps out of it.
- PostgreSQL >= 11 adds a column with a non-volatile default without a rewrite
  (`now()` is stable, evaluated once); volatile ones (`gen_random_uuid()`,
  `random()`, `clock_timestamp()`, `nextval()`), identity and stored generated
  columns rewrite the table under ACCESS EXCLUSIVE.
- PostgreSQL >= 12 accepts `ALTER TYPE … ADD VALUE` in a transaction, but the new
  value cannot be used before that transaction commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ast_grep_py import SgNode

from bot import lazyre as re
from bot.models import ChangedFile
from bot.rules.astgrep import line_prefix_suffix, lines, replacement_parses, root_of
from bot.rules.engine import Hit
from bot.rules.lib import type_change
from bot.rules.lib.sql_text import (
    POSTGRES,
    Statement,
    analyzable_text,
    created_table,
    detect_dialect,
    normalize_name,
    split_statements,
    target_table,
)
from bot.schema.model import ColumnState

# --- rule ids (rules are assembled in migrations_frameworks) -----------------------------

ALEMBIC_INDEX = "alembic-create-index-blocking"
JS_INDEX = "js-migration-index-blocking"
LARAVEL_INDEX = "laravel-index-blocking"
CONCURRENT_IN_TX = "concurrent-index-in-transaction"
CONSTRAINT = "migration-constraint-validating"
NOT_NULL = "migration-not-null-column"
VOLATILE = "migration-column-rewrite"
TYPE_CHANGE = "migration-column-type-change"
DROP_RENAME = "migration-drop-or-rename"
BACKFILL = "migration-backfill-with-ddl"
IRREVERSIBLE = "migration-irreversible"
ENUM_VALUE = "enum-value-used-in-transaction"
FORCE_TABLE = "rails-create-table-force"
DROP_INDEX = "migration-drop-index-blocking"

# --- calls, language-neutral --------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    node: SgNode
    name: str  # the called function or method, without receiver
    receiver: str  # the receiver's text ("" for a bare call)
    args: tuple[SgNode, ...]

    @property
    def line(self) -> int:
        return lines(self.node)[0]

    @property
    def end_line(self) -> int:
        return lines(self.node)[1]


_CALL_KINDS = {
    "python": ("call",),
    "ruby": ("call",),
    "javascript": ("call_expression",),
    "typescript": ("call_expression",),
    "php": ("member_call_expression", "scoped_call_expression", "function_call_expression"),
}


def _name_and_receiver(node: SgNode, language: str) -> tuple[str, str]:
    if language == "ruby":
        method, receiver = node.field("method"), node.field("receiver")
        return (method.text() if method else ""), (receiver.text() if receiver else "")
    if language == "php":
        name = node.field("name") or node.field("function")
        owner = node.field("object") or node.field("scope")
        return (name.text() if name else ""), (owner.text() if owner else "")
    function = node.field("function")
    if function is None:
        return "", ""
    if function.kind() in ("attribute", "member_expression"):
        prop = function.field("attribute") or function.field("property")
        obj = function.field("object")
        return (prop.text() if prop else ""), (obj.text() if obj else "")
    return function.text(), ""


def calls(root: SgNode, language: str, names: re.Pattern[str]) -> list[Call]:
    """Calls whose function or method name matches `names` (fully), in source order."""
    out: list[Call] = []
    for kind in _CALL_KINDS.get(language, ()):
        for node in root.find_all(kind=kind):
            name, receiver = _name_and_receiver(node, language)
            if not names.fullmatch(name):
                continue
            arguments = node.field("arguments")
            args = tuple(arguments.named_children()) if arguments is not None else ()
            if language == "php":
                args = tuple(a.named_children()[-1] if a.named_children() else a for a in args)
            out.append(Call(node, name, receiver, args))
    out.sort(key=lambda c: (c.node.range().start.index, c.name))
    return out


def _pairs(args: Iterable[SgNode]) -> Iterable[tuple[str, SgNode]]:
    for arg in args:
        kind = arg.kind()
        if kind == "keyword_argument":
            key, value = arg.field("name"), arg.field("value")
            if key is not None and value is not None:
                yield key.text(), value
        elif kind == "pair":
            key, value = arg.field("key"), arg.field("value")
            if key is not None and value is not None:
                yield key.text().strip(":'\""), value
        elif kind in ("hash", "object"):
            yield from _pairs(arg.named_children())


def option(call: Call, key: str) -> str | None:
    """The text of a keyword argument / hash or object option of the call, if given."""
    for name, value in _pairs(call.args):
        if name == key:
            return value.text()
    return None


def positional(call: Call) -> list[SgNode]:
    skip = {"keyword_argument", "pair", "hash", "object", "list_splat", "dictionary_splat"}
    return [a for a in call.args if a.kind() not in skip]


_QUOTED = re.compile(r"""^[:]?(?:["'`])?([\w.$]+)(?:["'`])?$""")


def literal(node: SgNode | None) -> str | None:
    """A plain name from `"users"`, `'users'`, `:users` (no interpolation), else None."""
    if node is None:
        return None
    text = node.text().strip()
    if "#{" in text or "${" in text or text[:1] in "fF":
        return None
    match = _QUOTED.match(text)
    if match is None or not re.match(r"""^[:"'`]""", text):
        return None
    return match.group(1).split(".")[-1].lower()


_STRING_KINDS = frozenset({"string", "template_string", "encapsed_string", "heredoc"})


def string_text(node: SgNode) -> str | None:
    """The contents of a string literal (interpolations kept as text), else None."""
    if node.kind() == "concatenated_string":
        parts = [string_text(child) for child in node.named_children()]
        return "".join(p for p in parts if p is not None)
    if node.kind() not in _STRING_KINDS:
        return None
    text = node.text()
    for quote in ('"""', "'''", '"', "'", "`"):
        if len(text) >= 2 * len(quote) and text.startswith(quote) and text.endswith(quote):
            return text[len(quote) : -len(quote)]
    prefix = re.match(r"^[rRbBuUfF]{1,2}(?=['\"])", text)
    if prefix:
        return string_text_raw(text[prefix.end() :])
    return text


def string_text_raw(text: str) -> str:
    for quote in ('"""', "'''", '"', "'"):
        if text.startswith(quote) and text.endswith(quote) and len(text) >= 2 * len(quote):
            return text[len(quote) : -len(quote)]
    return text


_DOWN_NAMES = frozenset({"down", "downgrade", "rollback"})
_DEF_KINDS = frozenset(
    {
        "function_definition",
        "method",
        "method_definition",
        "function_declaration",
        "method_declaration",
    }
)


def enclosing_defs(node: SgNode) -> list[str]:
    """Names of the functions/methods (innermost first) around the node, including
    `exports.down = …` and `down: async () => …` forms."""
    names: list[str] = []
    for ancestor in node.ancestors():
        kind = ancestor.kind()
        if kind in _DEF_KINDS:
            name = ancestor.field("name")
            if name is not None:
                names.append(name.text())
        elif kind in ("assignment_expression", "pair"):
            left = ancestor.field("left") or ancestor.field("key")
            if left is not None:
                names.append(left.text().split(".")[-1].strip("'\""))
    return names


def in_down(node: SgNode) -> bool:
    return any(name in _DOWN_NAMES for name in enclosing_defs(node))


# --- volatile defaults --------------------------------------------------------------------

VOLATILE_FN = re.compile(
    r"\b(gen_random_uuid|uuid_generate_v1(?:mc)?|uuid_generate_v4|random|clock_timestamp"
    r"|timeofday|nextval|RandomUUID)\s*\(",
    re.IGNORECASE,
)

# --- SQL embedded in migration code -------------------------------------------------------

_SQL_CREATE_INDEX = re.compile(r"^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\b(?!\s+CONCURRENTLY)", re.I)
_SQL_CONCURRENTLY = re.compile(r"\bCONCURRENTLY\b", re.I)
_SQL_FK_OR_CHECK = re.compile(r"\bADD\s+(?:CONSTRAINT\s+\S+\s+)?(FOREIGN\s+KEY|CHECK)\b", re.I)
_SQL_UNIQUE = re.compile(r"\bADD\s+(?:CONSTRAINT\s+\S+\s+)?UNIQUE\b(?!\s+USING\s+INDEX)", re.I)
_SQL_NOT_VALID = re.compile(r"\bNOT\s+VALID\b", re.I)
_SQL_TYPE = re.compile(r"\bALTER\s+(?:COLUMN\s+)?\S+\s+(?:SET\s+DATA\s+)?TYPE\b", re.I)
_SQL_SET_NOT_NULL = re.compile(r"\bSET\s+NOT\s+NULL\b", re.I)
_SQL_ADD_COLUMN = re.compile(r"\bADD\s+(?:COLUMN\s+)?(?!CONSTRAINT\b|PRIMARY\b|UNIQUE\b)", re.I)
_SQL_DROP_RENAME = re.compile(
    r"\b(DROP\s+COLUMN|RENAME\s+COLUMN|RENAME\s+TO|RENAME\s+\S+\s+TO)\b|^\s*DROP\s+TABLE\b", re.I
)
_SQL_BACKFILL = re.compile(r"^\s*(UPDATE|DELETE\s+FROM)\b", re.I)
_SQL_WHERE = re.compile(r"\bWHERE\b", re.I)
_SQL_IS_NULL_ONLY = re.compile(r"\bWHERE\s+[\w.\"]+\s+IS\s+NULL\s*$", re.I)
_SQL_DDL = re.compile(r"^\s*(ALTER|CREATE|DROP)\s+(TABLE|INDEX)\b", re.I)
_SQL_ADD_VALUE = re.compile(
    r"\bALTER\s+TYPE\s+\S+\s+ADD\s+VALUE\s+(?:IF\s+NOT\s+EXISTS\s+)?'([^']+)'", re.I
)


@dataclass(frozen=True)
class SqlFinding:
    rule: str
    line: int
    title: str


def sql_statements(sql: str, line: int) -> list[tuple[Statement, int]]:
    """Statements of an embedded SQL string, each with its line in the host file."""
    return [(s, line + s.line - 1) for s in split_statements(sql)]


def created_tables_in_sql(sql: str) -> set[str]:
    return {t for s in split_statements(sql) if (t := created_table(s)) is not None}


def whole_table_write(statement: Statement) -> bool:
    """An UPDATE or DELETE over (nearly) every row: no WHERE, only `WHERE col IS NULL`,
    or an `UPDATE … FROM other WHERE a.col = b.col` whose WHERE only joins the tables."""
    text = statement.text.strip()
    if not _SQL_BACKFILL.match(text):
        return False
    return (
        not _SQL_WHERE.search(text)
        or bool(_SQL_IS_NULL_ONLY.search(text))
        or _join_only_update(text)
    )


_SQL_UPDATE_FROM = re.compile(r"^\s*UPDATE\b.*?\bSET\b.*?\bFROM\b(.*?)\bWHERE\b(.*)$", re.I | re.S)
_SQL_COLUMN_REF = r"(?:\"[^\"]+\"|\w+)\s*\.\s*(?:\"[^\"]+\"|\w+)"
_SQL_JOIN_TERM = re.compile(rf"^\(?\s*{_SQL_COLUMN_REF}\s*=\s*{_SQL_COLUMN_REF}\s*\)?$")


def _join_only_update(text: str) -> bool:
    """`UPDATE t SET … FROM other WHERE t.a = other.b [AND …]`: every row of `t` with a
    match is written, as in a backfill copying a value from another table."""
    m = _SQL_UPDATE_FROM.match(text.rstrip().rstrip(";"))
    if m is None or "(" in m.group(1):
        return False  # a FROM over a subquery may filter the rows
    terms = re.split(r"\bAND\b", m.group(2), flags=re.I)
    return all(_SQL_JOIN_TERM.match(term.strip()) for term in terms)


def is_ddl(statement: Statement) -> bool:
    return bool(_SQL_DDL.match(statement.text))


def embedded_sql_findings(
    sql: str, line: int, created: set[str], index_rule: str | None
) -> list[SqlFinding]:
    """Lock and deploy hazards in SQL a migration runs through a string.

    Statements on tables the same migration creates are skipped: those are empty.
    """
    out: list[SqlFinding] = []
    for statement, at in sql_statements(sql, line):
        text = statement.text
        table = target_table(statement)
        if table is not None and table in created:
            continue
        name = f"`{table}`" if table else "the table"
        if _SQL_CREATE_INDEX.match(text) and index_rule is not None:
            out.append(SqlFinding(index_rule, at, f"`CREATE INDEX` on {name} blocks writes"))
        if not re.match(r"^\s*ALTER\s+TABLE\b", text, re.I):
            continue
        if _SQL_FK_OR_CHECK.search(text) and not _SQL_NOT_VALID.search(text):
            kind = _SQL_FK_OR_CHECK.search(text)
            what = "Foreign key" if kind and kind.group(1).upper().startswith("F") else "CHECK"
            out.append(SqlFinding(CONSTRAINT, at, f"{what} on {name} added without `NOT VALID`"))
        if _SQL_UNIQUE.search(text):
            out.append(SqlFinding(CONSTRAINT, at, f"UNIQUE constraint on {name} built under lock"))
        if _SQL_TYPE.search(text):
            out.append(SqlFinding(TYPE_CHANGE, at, f"Column type change on {name}"))
        if _SQL_SET_NOT_NULL.search(text):
            out.append(SqlFinding(NOT_NULL, at, f"`SET NOT NULL` scans {name} under lock"))
        if _SQL_ADD_COLUMN.search(text) and not _SQL_FK_OR_CHECK.search(text):
            upper = text.upper()
            if VOLATILE_FN.search(text) or re.search(r"\bIDENTITY\b|\bSTORED\b|SERIAL\b", upper):
                out.append(SqlFinding(VOLATILE, at, f"New column rewrites {name}"))
            elif re.search(r"\bNOT\s+NULL\b", upper) and "DEFAULT" not in upper:
                out.append(SqlFinding(NOT_NULL, at, f"NOT NULL column added to {name}"))
        if _SQL_DROP_RENAME.search(text):
            out.append(SqlFinding(DROP_RENAME, at, f"Drop or rename on {name}"))
    return out


def enum_values_used_later(sql_texts: list[tuple[str, int]]) -> list[SqlFinding]:
    """`ADD VALUE 'v'` followed, in the same run, by SQL that mentions `'v'`."""
    out: list[SqlFinding] = []
    for index, (sql, line) in enumerate(sql_texts):
        for match in _SQL_ADD_VALUE.finditer(sql):
            value = match.group(1)
            rest = sql[match.end() :] + "\n".join(t for t, _ in sql_texts[index + 1 :])
            # The same value added to another enum type is not a use of this one.
            if f"'{value}'" in _SQL_ADD_VALUE.sub("", rest):
                at = line + sql.count("\n", 0, match.start())
                out.append(
                    SqlFinding(
                        ENUM_VALUE, at, f"Enum value `{value}` used in the transaction that adds it"
                    )
                )
    return out


def to_hits(path: str, findings: Iterable[SqlFinding]) -> list[Hit]:
    return [
        Hit(rule=f.rule, path=path, line=f.line, end_line=f.line, title=f.title) for f in findings
    ]


# --- plain SQL migration files --------------------------------------------------------------
#
# Migration runners put a SQL file in one transaction (Flyway, sqlx, dbmate, goose by
# default), or send it as one multi-statement query, which PostgreSQL runs as one
# implicit transaction (golang-migrate). An explicit `COMMIT` ends it, and the runners'
# opt-out markers say there is none.

_SQL_FILE_HINT = re.compile(r"\b(?:UPDATE|DELETE|ADD\s+VALUE)\b", re.I)
_NO_TRANSACTION = re.compile(
    r"--\s*\+goose\s+NO\s+TRANSACTION\b|--\s*migrate:\w+\s+transaction\s*:\s*false\b"
    r"|executeInTransaction\s*=\s*false\b|--\s*atlas:txmode\s+none\b"
    r"|--\s*no-transaction\b",
    re.I,
)
_SQL_TX_END = re.compile(r"^(?:COMMIT|END|ROLLBACK|ABORT)\b(?!\s+PREPARED)", re.I)
_SQL_WRITE_TABLE = re.compile(
    r"^(?:UPDATE|DELETE\s+FROM)\s+(?:ONLY\s+)?"
    r"((?:\"[^\"]+\"|[\w$]+)(?:\s*\.\s*(?:\"[^\"]+\"|[\w$]+))*)",
    re.I,
)


def transaction_segments(statements: list[Statement]) -> list[list[Statement]]:
    """Statements grouped by the transaction they run in (split at COMMIT/ROLLBACK)."""
    segments: list[list[Statement]] = [[]]
    for statement in statements:
        if _SQL_TX_END.match(statement.text):
            segments.append([])
        else:
            segments[-1].append(statement)
    return [s for s in segments if s]


def _sql_backfill_hits(path: str, segment: list[Statement], created: set[str]) -> list[Hit]:
    altered = {t for s in segment if is_ddl(s) and (t := target_table(s)) is not None}
    hits: list[Hit] = []
    for statement in segment:
        match = _SQL_WRITE_TABLE.match(statement.text)
        if match is None or not whole_table_write(statement):
            continue
        table = normalize_name(match.group(1))
        if table in altered and table not in created:
            verb = statement.text.split(None, 1)[0].upper()
            title = (
                f"Whole-table `{verb}` of `{table}` in the same transaction as its schema change"
            )
            hits.append(Hit(BACKFILL, path, statement.line, statement.end_line, title=title))
    return hits


def _sql_enum_hits(path: str, segment: list[Statement]) -> list[Hit]:
    hits: list[Hit] = []
    for index, statement in enumerate(segment):
        match = _SQL_ADD_VALUE.search(statement.text)
        if match is None or not re.match(r"ALTER\s+TYPE\b", statement.text, re.I):
            continue
        value = match.group(1)
        use = next(
            (
                later
                for later in segment[index + 1 :]
                if f"'{value}'" in later.text and not re.match(r"ALTER\s+TYPE\b", later.text, re.I)
            ),
            None,
        )
        if use is not None:
            title = f"Enum value `{value}` used (line {use.line}) in the transaction that adds it"
            hits.append(Hit(ENUM_VALUE, path, statement.line, statement.end_line, title=title))
    return hits


def sql_file_hits(file: ChangedFile) -> list[Hit]:
    """Backfills next to DDL, and enum values used where they are added, in a `.sql` migration."""
    text = analyzable_text(file)
    if not _SQL_FILE_HINT.search(text) or _NO_TRANSACTION.search(text):
        return []
    if detect_dialect(file.path, text) != POSTGRES:
        return []  # MySQL commits at every DDL statement: no shared transaction
    statements = split_statements(text)
    created = {t for s in statements if (t := created_table(s)) is not None}
    hits: list[Hit] = []
    for segment in transaction_segments(statements):
        hits += _sql_backfill_hits(file.path, segment, created)
        hits += _sql_enum_hits(file.path, segment)
    return hits


# --- Alembic --------------------------------------------------------------------------

_ALEMBIC_HINT = re.compile(r"\bop\.")
_OP_CALLS = re.compile(
    r"create_index|drop_index|create_table|add_column|alter_column|drop_column|drop_table"
    r"|rename_table|create_foreign_key|create_check_constraint|create_unique_constraint"
    r"|execute|f|text"
)
_OP_DDL = frozenset(
    {
        "create_index",
        "drop_index",
        "add_column",
        "alter_column",
        "drop_column",
        "create_foreign_key",
        "create_check_constraint",
        "create_unique_constraint",
        "rename_table",
    }
)


def _is_op(call: Call) -> bool:
    return call.receiver == "op"


def _in_autocommit(node: SgNode, helpers: frozenset[str] = frozenset()) -> bool:
    """Whether `node` runs outside the migration's transaction: inside Alembic's
    `autocommit_block()`, or after its function switched the connection to autocommit."""
    return any(
        a.kind() == "with_statement" and "autocommit_block" in a.text() for a in node.ancestors()
    ) or _autocommit_before(node, helpers)


# A migration can also leave Alembic's transaction by hand: commit the DBAPI connection
# and switch it to autocommit (`dbapi_conn.autocommit = True`, psycopg2's
# `set_session(autocommit=True)`, an `AUTOCOMMIT` isolation level) before the statement,
# directly or through a helper function of the same file. Everything after it in that
# function runs statement by statement, as CONCURRENTLY needs.
_AUTOCOMMIT_ON = re.compile(
    r"\.autocommit\s*=\s*True\b|\bset_session\([^)]*\bautocommit\s*=\s*True\b"
    r"|\bisolation_level\s*=\s*[\"']AUTOCOMMIT[\"']|\.set_autocommit\(\s*True\s*\)"
)


def autocommit_helpers(root: SgNode) -> frozenset[str]:
    """Names of the file's functions that switch the connection to autocommit."""
    names: set[str] = set()
    for function in root.find_all(kind="function_definition"):
        name, body = function.field("name"), function.field("body")
        if name is not None and body is not None and _AUTOCOMMIT_ON.search(body.text()):
            names.add(name.text())
    return frozenset(names)


def _autocommit_before(node: SgNode, helpers: frozenset[str]) -> bool:
    function = next((a for a in node.ancestors() if a.kind() == "function_definition"), None)
    body = function.field("body") if function is not None else None
    if body is None:
        return False
    before = body.text()[: max(0, node.range().start.index - body.range().start.index)]
    if _AUTOCOMMIT_ON.search(before):
        return True
    return any(re.search(rf"(?<![\w.]){re.escape(name)}\s*\(", before) for name in helpers)


def _table_arg(call: Call, position: int, keyword: str = "table_name") -> str | None:
    named = option(call, keyword)
    if named is not None:
        return named.strip("'\"").lower()
    args = positional(call)
    if len(args) <= position:
        return None
    arg = args[position]
    if arg.kind() == "identifier":
        # `TABLE = "virtual_collection_roms"` at the top of the migration, then
        # `op.create_table(TABLE, ...)` and `op.create_index(..., TABLE, ...)`.
        return _module_strings(arg.get_root().root().text()).get(arg.text(), f"{{{arg.text()}}}")
    return literal(arg)


_MODULE_STRING = re.compile(
    r"""^([A-Za-z_]\w*)\s*(?::\s*str\s*)?=\s*["']([\w.]+)["'][ \t]*$""", re.M
)


@lru_cache(maxsize=16)
def _module_strings(text: str) -> dict[str, str]:
    """Module-level names bound once to a plain string (`TABLE = "users"`)."""
    out: dict[str, str] = {}
    for name, value in _MODULE_STRING.findall(text):
        out[name] = "" if name in out else value.split(".")[-1].lower()
    return {k: v for k, v in out.items() if v}


def _truthy(value: str | None) -> bool:
    return value is not None and value.strip() not in {"False", "None", "false", "nil", "0"}


def _alembic_index_suggestion(text: str, call: Call) -> str | None:
    around = line_prefix_suffix(text, call.node)
    if around is None or not call.node.text().endswith(")"):
        return None
    body = call.node.text()[:-1].rstrip().rstrip(",") + ", postgresql_concurrently=True)"
    suggestion = around[0] + body + around[1]
    if not replacement_parses(text, call.line, call.line, suggestion, "python"):
        return None
    return suggestion


def _column_call(call: Call) -> SgNode | None:
    for arg in positional(call):
        function = arg.field("function") if arg.kind() == "call" else None
        if function is not None and re.search(r"(^|\.)Column$", function.text()):
            return arg
    return None


def _kw(node: SgNode, key: str) -> str | None:
    arguments = node.field("arguments")
    if arguments is None:
        return None
    for name, value in _pairs(arguments.named_children()):
        if name == key:
            return value.text()
    return None


def _alembic_add_column(call: Call, table: str | None) -> list[Hit]:
    column = _column_call(call)
    if column is None:
        return []
    name = f"`{table}`" if table else "the table"
    server_default = _kw(column, "server_default") or ""
    text = column.text()
    if VOLATILE_FN.search(server_default) or re.search(r"\b(?:sa\.)?(Identity|Computed)\(", text):
        title = f"New column rewrites {name} under an exclusive lock"
        return [Hit(VOLATILE, "", call.line, call.end_line, title=title)]
    if (
        _kw(column, "nullable") == "False"
        and server_default == ""
        and not _truthy(_kw(column, "primary_key"))
    ):
        title = f"`nullable=False` column added to {name} without `server_default`"
        return [Hit(NOT_NULL, "", call.line, call.end_line, title=title)]
    return []


def _alembic_alter_column(call: Call, table: str | None, path: str) -> list[Hit]:
    name = f"`{table}`" if table else "the table"
    hits: list[Hit] = []
    new_type = option(call, "type_")
    if new_type is not None and not _alembic_widens(call, table, new_type, path):
        hits.append(Hit(TYPE_CHANGE, "", call.line, call.end_line, title=f"Type change on {name}"))
    if option(call, "nullable") == "False" and option(call, "existing_nullable") != "False":
        title = f"`nullable=False` on an existing column of {name} scans it under lock"
        hits.append(Hit(NOT_NULL, "", call.line, call.end_line, title=title))
    if option(call, "new_column_name") is not None:
        title = f"Column of {name} renamed while deployed code may read it"
        hits.append(Hit(DROP_RENAME, "", call.line, call.end_line, title=title))
    return hits


def _alembic_sql(call: Call) -> list[tuple[str, int]]:
    """SQL strings run by `op.execute("…")` / `op.execute(sa.text("…"))`."""
    out: list[tuple[str, int]] = []
    for arg in positional(call):
        node = arg
        if arg.kind() == "call":
            inner = arg.field("arguments")
            children = inner.named_children() if inner is not None else []
            node = children[0] if children else arg
        text = string_text(node)
        if text is not None:
            out.append((text, lines(node)[0]))
    return out


def alembic_hits(file: ChangedFile, root: SgNode) -> list[Hit]:
    text = file.visible_text()
    found = [c for c in calls(root, "python", _OP_CALLS) if _is_op(c) and not in_down(c.node)]
    created = {t for c in found if c.name == "create_table" and (t := _table_arg(c, 0))}
    helpers = autocommit_helpers(root)
    executed = [
        (sql, line, c) for c in found if c.name == "execute" for sql, line in _alembic_sql(c)
    ]
    for sql, _, _ in executed:
        created |= created_tables_in_sql(sql)
    hits: list[Hit] = []
    for call in found:
        concurrently = _truthy(option(call, "postgresql_concurrently"))
        if call.name in ("create_index", "drop_index") and concurrently:
            if not _in_autocommit(call.node, helpers):
                hits.append(_concurrent_hit(call, "Alembic"))
            continue
        if call.name == "create_index":
            table = _table_arg(call, 1)
            if table is None or table not in created:
                hits.append(
                    Hit(
                        ALEMBIC_INDEX,
                        "",
                        call.line,
                        call.end_line,
                        suggestion=_alembic_index_suggestion(text, call),
                        title=f"`op.create_index` on `{table or '…'}` without "
                        "`postgresql_concurrently=True` locks writes",
                    )
                )
        elif call.name == "drop_index":
            table = _table_arg(call, 1)
            if table is None or table not in created:
                hits.append(
                    Hit(
                        DROP_INDEX,
                        "",
                        call.line,
                        call.end_line,
                        detail=_ALEMBIC_DROP_DETAIL,
                        suggestion=_alembic_index_suggestion(text, call),
                        title=f"`op.drop_index` on `{table or '…'}` without "
                        "`postgresql_concurrently=True` locks the table",
                    )
                )
        elif call.name == "add_column":
            table = _table_arg(call, 0)
            if table not in created:
                hits += _alembic_add_column(call, table)
        elif call.name == "alter_column":
            hits += _alembic_alter_column(call, _table_arg(call, 0), file.path)
        elif call.name in ("drop_column", "drop_table", "rename_table"):
            table = _table_arg(call, 0)
            if table not in created:
                title = f"`op.{call.name}` on `{table or '…'}` while deployed code may use it"
                hits.append(Hit(DROP_RENAME, "", call.line, call.end_line, title=title))
        elif call.name in (
            "create_foreign_key",
            "create_check_constraint",
            "create_unique_constraint",
        ):
            table = _table_arg(call, 1, "source_table")
            if table not in created and not _truthy(option(call, "postgresql_not_valid")):
                title = f"`op.{call.name}` on `{table or '…'}` validates every row under lock"
                hits.append(Hit(CONSTRAINT, "", call.line, call.end_line, title=title))
    ddl = any(c.name in _OP_DDL for c in found) or any(
        is_ddl(s) for sql, _, _ in executed for s in split_statements(sql)
    )
    for sql, line, call in executed:
        in_tx = not _in_autocommit(call.node, helpers)
        for finding in embedded_sql_findings(sql, line, created, ALEMBIC_INDEX):
            hits.append(Hit(finding.rule, "", finding.line, finding.line, title=finding.title))
        if _SQL_CONCURRENTLY.search(sql) and in_tx:
            hits.append(_concurrent_hit(call, "Alembic"))
        if ddl and in_tx:
            for statement, at in sql_statements(sql, line):
                if whole_table_write(statement):
                    title = "Whole-table write in the same transaction as schema changes"
                    hits.append(Hit(BACKFILL, "", at, at, title=title))
    in_tx_sql = [
        (sql, line) for sql, line, call in executed if not _in_autocommit(call.node, helpers)
    ]
    hits += [
        Hit(f.rule, "", f.line, f.line, title=f.title) for f in enum_values_used_later(in_tx_sql)
    ]
    hits += _alembic_irreversible(root, found)
    return [_at(h, file.path) for h in hits]


_ALEMBIC_DROP_DETAIL = (
    "With `postgresql_concurrently=True` the call must run inside "
    "`with op.get_context().autocommit_block():`."
)


def _alembic_irreversible(root: SgNode, found: list[Call]) -> list[Hit]:
    if not found:
        return []
    for function in root.find_all(kind="function_definition"):
        name = function.field("name")
        body = function.field("body")
        if name is None or name.text() != "downgrade" or body is None:
            continue
        statements = [s for s in body.named_children() if not _docstring_or_comment(s)]
        if all(s.kind() == "pass_statement" for s in statements):
            first, _ = lines(name)
            title = "`downgrade()` does nothing: this migration cannot be rolled back"
            return [Hit(IRREVERSIBLE, "", first, first, title=title)]
    return []


def _docstring_or_comment(node: SgNode) -> bool:
    if node.kind() == "comment":
        return True
    children = node.named_children()
    return (
        node.kind() == "expression_statement"
        and len(children) == 1
        and (children[0].kind() == "string")
    )


def _concurrent_hit(call: Call, framework: str) -> Hit:
    fixes = {
        "Alembic": "wrap it in `with op.get_context().autocommit_block():`",
        "Django": "set `atomic = False` on the `Migration` class",
    }
    return Hit(
        CONCURRENT_IN_TX,
        "",
        call.line,
        call.end_line,
        detail=f"For {framework}: {fixes.get(framework, 'run it outside the transaction')}.",
        title="Concurrent index operation inside the migration's transaction fails",
    )


def _at(hit: Hit, path: str) -> Hit:
    return Hit(
        rule=hit.rule,
        path=path,
        line=hit.line,
        end_line=hit.end_line,
        detail=hit.detail,
        suggestion=hit.suggestion,
        title=hit.title,
    )


# --- Django ---------------------------------------------------------------------------------

_DJANGO_OPS = re.compile(
    r"AddIndexConcurrently|RemoveIndexConcurrently|AddConstraint|AddField|RemoveField"
    r"|RenameField|DeleteModel|RenameModel|RunPython|RunSQL|CreateModel|AlterField"
    r"|AddIndex|RemoveIndex|AlterUniqueTogether|AlterIndexTogether|RemoveConstraint"
    r"|RenameIndex"
)
_DJANGO_SCHEMA_OPS = frozenset(
    {
        "AddConstraint",
        "AddField",
        "RemoveField",
        "RenameField",
        "DeleteModel",
        "RenameModel",
        "AlterField",
        "AddIndex",
        "RemoveIndex",
        "AlterUniqueTogether",
        "AlterIndexTogether",
        "RemoveConstraint",
    }
)
_ATOMIC_FALSE = re.compile(r"^[ \t]*atomic\s*=\s*False\b", re.MULTILINE)
_FK_FIELD = re.compile(r"(^|\.)(ForeignKey|OneToOneField)$")
_UUID_DEFAULT = re.compile(r"^(uuid\.)?uuid[14]$")


def _model(call: Call) -> str | None:
    value = option(call, "model_name") or option(call, "name")
    if value is None:
        args = positional(call)
        return literal(args[0]) if args else None
    return value.strip("'\"").lower()


def _field_call(call: Call) -> SgNode | None:
    value = next((v for k, v in _pairs(call.args) if k == "field"), None)
    if value is None:
        args = positional(call)
        value = args[2] if len(args) > 2 else None
    return value if value is not None and value.kind() == "call" else None


def _in_state_only(node: SgNode) -> bool:
    """Inside `SeparateDatabaseAndState(state_operations=[…])`: no SQL runs."""
    for ancestor in node.ancestors():
        if ancestor.kind() == "keyword_argument":
            key = ancestor.field("name")
            if key is not None and key.text() == "state_operations":
                return True
    return False


def _django_add_field(call: Call, model: str) -> list[Hit]:
    field = _field_call(call)
    if field is None:
        return []
    function = field.field("function")
    kind = function.text() if function is not None else ""
    name = f"`{model}`"
    if _FK_FIELD.search(kind) and _kw(field, "db_constraint") != "False":
        field_name = kind.split(".")[-1]
        title = f"`{field_name}` added to {name}: constraint validated and index built under lock"
        return [Hit(CONSTRAINT, "", call.line, call.end_line, title=title)]
    default = _kw(field, "default")
    db_default = _kw(field, "db_default") or ""
    if VOLATILE_FN.search(db_default):
        return [
            Hit(
                VOLATILE,
                "",
                call.line,
                call.end_line,
                title=f"Volatile `db_default` rewrites {name}",
            )
        ]
    if default is not None and _UUID_DEFAULT.match(default.strip()):
        title = f"Every existing row of {name} gets the same `{default}` value"
        return [Hit(VOLATILE, "", call.line, call.end_line, title=title)]
    if (
        default is None
        and not db_default
        and _kw(field, "null") != "True"
        and "ManyToMany" not in kind
        and not _truthy(_kw(field, "primary_key"))
    ):
        title = f"NOT NULL field added to {name} without a default"
        return [Hit(NOT_NULL, "", call.line, call.end_line, title=title)]
    return []


def _alembic_widens(call: Call, table: str | None, new_type: str, path: str) -> bool:
    """`type_=sa.Text()` from a `String`: no rewrite. The old type is the call's own
    `existing_type=` (autogenerate writes it), else the schema's."""
    args = positional(call)
    column = literal(args[1]) if len(args) > 1 else None
    if column is None:
        return False
    existing = option(call, "existing_type")
    if existing is not None:
        return not type_change.rewrites(existing, new_type)
    return type_change.known_widening(table, column, new_type, path)


def _django_alter_field(call: Call, model: str, path: str) -> list[Hit]:
    """An `AlterField` that makes a field the primary key (an `id` swapped to
    `BigAutoField`, a natural key promoted) rewrites the table and every foreign key
    pointing at it; one that makes a field unique builds its index under lock."""
    field = _field_call(call)
    column = (option(call, "name") or "").strip("'\"")
    if field is None or not column:
        return []
    if _truthy(_kw(field, "primary_key")):
        function = field.field("function")
        kind = function.text().split(".")[-1] if function is not None else "field"
        title = (
            f"Primary key `{model}.{column}` changed to `{kind}`: the table and the foreign "
            "keys to it are rewritten under lock"
        )
        return [Hit(TYPE_CHANGE, "", call.line, call.end_line, title=title)]
    hits: list[Hit] = []
    if _truthy(_kw(field, "unique")) and not _unique_before(model, column, path):
        title = f"`{model}.{column}` made unique: the unique index is built with the table locked"
        hits.append(Hit(CONSTRAINT, "", call.line, call.end_line, title=title))
    before = _column_before(model, column, path)
    function = field.field("function")
    kind = function.text().split(".")[-1] if function is not None else ""
    required = _kw(field, "null") != "True"
    # makemigrations asks for a one-off default (`preserve_default=False`) only when a
    # nullable field becomes required; the schema's history says it directly.
    if required and (
        option(call, "preserve_default") == "False" or (before is not None and before.nullable)
    ):
        title = (
            f"`{model}.{column}` made NOT NULL: existing NULLs are updated and every row is "
            "checked with the table locked"
        )
        hits.append(Hit(NOT_NULL, "", call.line, call.end_line, title=title))
    if before is not None and before.type and kind and _rewrites(before.type, kind):
        title = (
            f"`{model}.{column}` changed from `{before.type}` to `{kind}`: the table is rewritten"
        )
        hits.append(Hit(TYPE_CHANGE, "", call.line, call.end_line, title=title))
    return hits


# Django field kinds stored as varchar/text: moving among them (or to TextField) keeps
# the bytes, so PostgreSQL skips the rewrite. Any other change of kind rewrites.
_VARCHAR_KINDS = frozenset({"CharField", "EmailField", "SlugField", "URLField", "TextField"})


def _rewrites(old: str, new: str) -> bool:
    if old == new:
        return False
    if old in _VARCHAR_KINDS and new in _VARCHAR_KINDS:
        return old == "TextField"  # text -> varchar(n) checks every row's length
    return True


def _column_before(model: str, column: str, path: str) -> ColumnState | None:
    """The field's column as the migrations before this one declared it, if known."""
    from bot.schema.context import current

    context = current()
    if context is None:
        return None
    schema = context.schema
    name = next((t for k, t in schema.models.items() if k.split(".")[-1].lower() == model), None)
    table = schema.table(name or model)
    key = table.column(column) if table is not None else None
    if table is None or key is None:
        return None
    return table.columns[key].before(path)


def _unique_before(model: str, column: str, path: str) -> bool:
    """Whether another migration already made the column unique (an `AlterField` that
    only changes `max_length` restates `unique=True`). Without the repository's schema
    nobody knows: the field is taken as newly unique."""
    from bot.schema.context import current

    context = current()
    if context is None:
        return False
    schema = context.schema
    name = next((t for k, t in schema.models.items() if k.split(".")[-1].lower() == model), None)
    table = schema.table(name or model)
    if table is None:
        return False
    return any(
        ix.unique
        and ix.columns == (column.lower(),)
        and ix.where is not None
        and ix.where.path != path
        and not ix.snapshot
        for ix in table.indexes
    )


def _django_constraint(call: Call, model: str) -> list[Hit]:
    constraint = next((v for k, v in _pairs(call.args) if k == "constraint"), None)
    text = constraint.text() if constraint is not None else ""
    kind = "CHECK" if "CheckConstraint" in text else "UNIQUE" if "UniqueConstraint" in text else ""
    if not kind:
        return []
    title = f"{kind} constraint on `{model}` is checked with the table locked"
    return [Hit(CONSTRAINT, "", call.line, call.end_line, title=title)]


_REMOVE_CONCURRENTLY_IMPORT = re.compile(
    r"from\s+django\.contrib\.postgres\.operations\s+import\s[^\n]*\bRemoveIndexConcurrently\b"
)


def _django_remove_index(text: str, call: Call, model: str, atomic: bool) -> Hit:
    """`RemoveIndex` runs a plain `DROP INDEX`; the suggestion swaps in the concurrent form."""
    function = call.node.field("function")
    suggestion = None
    around = line_prefix_suffix(text, function) if function is not None else None
    if function is not None and around is not None:
        candidate = around[0] + "RemoveIndexConcurrently" + around[1]
        line = lines(function)[0]
        if replacement_parses(text, line, line, candidate, "python"):
            suggestion = candidate
    steps = []
    if not _REMOVE_CONCURRENTLY_IMPORT.search(text):
        steps.append(
            "import it with "
            "`from django.contrib.postgres.operations import RemoveIndexConcurrently`"
        )
    if atomic:
        steps.append("set `atomic = False` on the `Migration` class")
    detail = ("To switch: " + "; and ".join(steps) + ".") if steps else None
    first = lines(function)[0] if function is not None else call.line
    return Hit(
        DROP_INDEX,
        "",
        first,
        first,
        detail=detail,
        suggestion=suggestion,
        title=f"`RemoveIndex` on `{model}` locks the table; use `RemoveIndexConcurrently`",
    )


def _django_run_reversible(call: Call) -> bool:
    key = "reverse_code" if call.name == "RunPython" else "reverse_sql"
    return option(call, key) is not None or len(positional(call)) > 1


def _django_sql(call: Call) -> str:
    args = positional(call)
    value = next((v for k, v in _pairs(call.args) if k == "sql"), args[0] if args else None)
    if value is None:
        return ""
    return string_text(value) or ""


def django_hits(file: ChangedFile, root: SgNode) -> list[Hit]:
    text = file.visible_text()
    atomic = not _ATOMIC_FALSE.search(text)
    found = [c for c in calls(root, "python", _DJANGO_OPS) if not _in_state_only(c.node)]
    created = {m for c in found if c.name == "CreateModel" and (m := _model(c))}
    schema = any(c.name in _DJANGO_SCHEMA_OPS for c in found)
    hits: list[Hit] = []
    for call in found:
        model = _model(call) or "…"
        existing = model not in created
        if call.name in ("AddIndexConcurrently", "RemoveIndexConcurrently") and atomic:
            hits.append(_concurrent_hit(call, "Django"))
        elif call.name == "RemoveIndex" and existing:
            hits.append(_django_remove_index(text, call, model, atomic))
        elif call.name == "AddField" and existing:
            hits += _django_add_field(call, model)
        elif call.name == "AddConstraint" and existing:
            hits += _django_constraint(call, model)
        elif call.name == "AlterField" and existing:
            hits += _django_alter_field(call, model, file.path)
        elif call.name in ("RemoveField", "RenameField", "DeleteModel", "RenameModel"):
            title = f"`{call.name}` on `{model}` while deployed code may still use it"
            hits.append(Hit(DROP_RENAME, "", call.line, call.end_line, title=title))
        elif call.name in ("RunPython", "RunSQL"):
            if not _django_run_reversible(call):
                title = f"`{call.name}` without a reverse: the migration cannot be rolled back"
                hits.append(Hit(IRREVERSIBLE, "", call.line, call.end_line, title=title))
            if atomic and schema and (call.name == "RunPython" or _writes(_django_sql(call))):
                title = f"`{call.name}` data change in the same transaction as schema changes"
                hits.append(Hit(BACKFILL, "", call.line, call.end_line, title=title))
    return [_at(h, file.path) for h in hits]


def _writes(sql: str) -> bool:
    return any(whole_table_write(s) for s in split_statements(sql))


# --- the entry point ----------------------------------------------------------------------

ALEMBIC_PATH = re.compile(r"(^|/)(alembic|migrations?)/versions/[^/]+\.py$")
DJANGO_PATH = re.compile(r"(^|/)migrations/\d{4}_\w+\.py$")
_DJANGO_HINT = re.compile(r"\bmigrations\.|\bRunPython\b|\bAddIndexConcurrently\b")


def hits(file: ChangedFile) -> list[Hit]:
    if ALEMBIC_PATH.search(file.path):
        root = root_of(file, _ALEMBIC_HINT)
        return alembic_hits(file, root) if root is not None else []
    if DJANGO_PATH.search(file.path):
        root = root_of(file, _DJANGO_HINT)
        return django_hits(file, root) if root is not None else []
    return []
