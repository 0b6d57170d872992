"""Knex, TypeORM, Sequelize and Kysely migrations (JavaScript/TypeScript).

Knex and TypeORM run each migration in a transaction by default (Knex unless
`exports.config = { transaction: false }`, TypeORM unless the class sets
`transaction = false`); Sequelize's `queryInterface` calls run outside one unless
a `transaction` option is passed. TypeORM's generated migrations are raw SQL in
`queryRunner.query(…)`, so the SQL embedded in strings is read too.

Kysely's `Migrator` runs the pending migrations in one transaction on a dialect with
transactional DDL (PostgreSQL, MSSQL) unless it is built with `disableTransactions: true`,
a setting the migration file cannot see, so `CONCURRENTLY` in a raw `sql` template is read as inside
one, as for Knex. Its schema builder has no `CONCURRENTLY` for `createIndex`.
"""

from __future__ import annotations

from ast_grep_py import SgNode

from bot import lazyre as re
from bot.models import ChangedFile
from bot.rules.astgrep import lines, root_of
from bot.rules.engine import Hit
from bot.rules.lib.migrations_python import (
    BACKFILL,
    CONCURRENT_IN_TX,
    CONSTRAINT,
    DROP_RENAME,
    JS_INDEX,
    NOT_NULL,
    TYPE_CHANGE,
    VOLATILE,
    VOLATILE_FN,
    Call,
    calls,
    created_tables_in_sql,
    embedded_sql_findings,
    enum_values_used_later,
    in_down,
    is_ddl,
    literal,
    option,
    positional,
    sql_statements,
    string_text,
    whole_table_write,
)

_HINT = re.compile(r"\b(schema|queryInterface|queryRunner|knex|QueryRunner|kysely)\b")
_NAMES = re.compile(
    r"alterTable|table|createTable|index|unique|foreign|references|raw|query|addIndex"
    r"|createIndex|createForeignKeys?|addConstraint|addColumn|changeColumn|removeColumn"
    r"|renameColumn|dropColumns?|dropTable|renameTable|alter|notNullable|defaultTo|update"
    r"|sql|renameTo|alterColumn|modifyColumn|addForeignKeyConstraint|addUniqueConstraint"
    r"|addPrimaryKeyConstraint|addCheckConstraint"
)
# A Kysely migration: `import { Kysely, sql } from "kysely"` (or `require("kysely")`).
_KYSELY = re.compile(r"""\bfrom\s+["']kysely["']|\brequire\(\s*["']kysely["']\s*\)""")
# `db.schema.alterTable("t")` at the start of a Kysely builder chain.
_KYSELY_ALTER = re.compile(r"""\bschema\s*\.\s*alterTable\(\s*["'`]([\w.]+)["'`]\s*\)""")
_KYSELY_NAME = re.compile(r"""\$\{\s*sql\.(?:table|id|ref)\(\s*(["'])([\w.]+)\1\s*\)\s*\}""")
_KYSELY_ON = re.compile(r"""\.\s*on\(\s*["'`]([\w.]+)["'`]\s*\)""")
# `knex("t").update(…)` (or `trx("t")`, `knex.table("t")`, `knex.from("t")`): the table
# the query builder writes, then the rest of its chain.
_KNEX_WRITE = re.compile(
    r"""^(?:knex|trx|tx|db)(?:\.(?:table|from|into))?\(\s*["'`]([\w.]+)["'`]\s*\)(.*)$""",
    re.S,
)
# Chain steps that keep an update on every row: only `whereNull` (the backfill of a new
# column) narrows nothing. Any other `where…`, `limit` or join makes it a targeted write.
_WHOLE_TABLE_STEPS = frozenset({"whereNull", "transacting", "timeout", "returning"})
_TX_OFF = re.compile(r"transaction\s*[:=]\s*false\b|\bdisableTransactions\s*:\s*true\b")
_TYPEORM_TABLE = re.compile(r"new\s+Table\(\s*\{\s*name:\s*[\"'`](\w+)")
_QI = re.compile(r"(^|\.)queryInterface$|^qi$")
_QR = re.compile(r"(^|\.)queryRunner$")
# sequelize-cli (Umzug) runs a migration outside any transaction unless the migration
# opens one itself, so `CONCURRENTLY` through `queryInterface.sequelize.query` works.
_SEQUELIZE_RECEIVER = re.compile(r"(^|\.)(queryInterface|sequelize)$|^qi$")
_OPENS_TX = re.compile(r"\.transaction\(")


def _hit(rule: str, call: Call, title: str) -> Hit:
    return Hit(rule=rule, path="", line=call.line, end_line=call.end_line, title=title)


def _builder_table(node: SgNode) -> tuple[str, str | None] | None:
    """(`alterTable`|`createTable`, table) of the Knex schema call around the node."""
    for ancestor in node.ancestors():
        if ancestor.kind() != "call_expression":
            continue
        function = ancestor.field("function")
        if function is None or function.kind() != "member_expression":
            continue
        prop, obj = function.field("property"), function.field("object")
        if prop is None or obj is None or not obj.text().endswith("schema"):
            continue
        if prop.text() in ("alterTable", "table", "createTable"):
            arguments = ancestor.field("arguments")
            args = arguments.named_children() if arguments is not None else []
            kind = "createTable" if prop.text() == "createTable" else "alterTable"
            return kind, literal(args[0]) if args else None
    return None


def _statement_text(node: SgNode) -> str:
    for ancestor in node.ancestors():
        if ancestor.kind() in ("expression_statement", "statement_block", "arrow_function"):
            return ancestor.text()
    return node.text()


def _knex(call: Call, table: str | None) -> list[Hit]:
    name = f"`{table}`" if table else "the table"
    chain = _statement_text(call.node)
    if call.name in ("index", "unique"):
        return [_hit(JS_INDEX, call, f"`.{call.name}()` on {name} builds an index under lock")]
    if call.name in ("foreign", "references"):
        return [_hit(CONSTRAINT, call, f"Foreign key on {name} validates every row under lock")]
    if call.name in ("dropColumn", "dropColumns", "renameColumn"):
        title = f"`{call.name}` on {name}: make sure no deployed code still uses it"
        return [_hit(DROP_RENAME, call, title)]
    if call.name == "alter":
        return [_hit(TYPE_CHANGE, call, f"`.alter()` changes a column of {name} in place")]
    volatile = VOLATILE_FN.search(call.node.text()) or "fn.uuid()" in call.node.text()
    if call.name == "defaultTo" and ".alter()" not in chain and volatile:
        return [_hit(VOLATILE, call, f"New column with a volatile default rewrites {name}")]
    if call.name == "notNullable" and "defaultTo(" not in chain and ".alter()" not in chain:
        return [_hit(NOT_NULL, call, f"`notNullable()` column added to {name} without a default")]
    return []


def _knex_whole_table_write(call: Call) -> str | None:
    """The table a Knex query-builder `.update(…)` writes on every row of, if it does."""
    if call.name != "update":
        return None
    match = _KNEX_WRITE.match(call.receiver.strip())
    if match is None:
        return None
    steps = re.findall(r"\.\s*(\w+)\s*\(", match.group(2))
    if any(step not in _WHOLE_TABLE_STEPS for step in steps):
        return None
    return match.group(1).split(".")[-1]


def _chain_top(node: SgNode) -> SgNode:
    """The whole builder chain a call starts or continues (`db.schema…execute()`)."""
    top = node
    while (parent := top.parent()) is not None:
        kind = parent.kind()
        link = parent.field("object" if kind == "member_expression" else "function")
        if kind not in ("member_expression", "call_expression") or link is None:
            break
        if link.range().start.index != top.range().start.index or link.kind() != top.kind():
            break
        top = parent
    return top


def _step(rule: str, call: Call, title: str) -> Hit:
    """A hit on the lines of one step of a builder chain (`.dropColumn("c")`), not on the
    chain's first line, where the call's node starts."""
    function = call.node.field("function")
    step = function.field("property") if function is not None else None
    first = lines(step)[0] if step is not None else call.line
    return Hit(rule=rule, path="", line=first, end_line=max(first, call.end_line), title=title)


def _kysely(call: Call, created: set[str]) -> list[Hit] | None:
    """Hazards of one step of a Kysely schema chain; None when the call is not one."""
    if call.name == "createIndex" and call.receiver.endswith("schema"):
        # Kysely's `createIndex` has no `CONCURRENTLY`: the build always blocks writes.
        top = _chain_top(call.node)
        on = _KYSELY_ON.search(top.text())
        table = on.group(1).split(".")[-1].lower() if on else None
        if table in created:
            return []
        name = f"`{table}`" if table else "the table"
        title = f"`createIndex` on {name} builds the index without `CONCURRENTLY`"
        hit = _step(JS_INDEX, call, title)
        return [Hit(JS_INDEX, "", hit.line, lines(top)[1], title=title)]
    altered = _KYSELY_ALTER.search(call.receiver)
    if altered is None:
        return None
    table = altered.group(1).split(".")[-1].lower()
    if table in created:
        return []
    name = f"`{table}`"
    args = " ".join(arg.text() for arg in call.args)
    if call.name in ("dropColumn", "renameColumn", "renameTo"):
        title = f"`{call.name}` on {name}: make sure no deployed code still uses it"
        return [_step(DROP_RENAME, call, title)]
    if call.name == "addColumn":
        if ".references(" in args:
            return [
                _step(CONSTRAINT, call, f"Foreign key on {name} validates every row under lock")
            ]
        volatile = re.search(r"defaultTo\(.*", args, re.S)
        if volatile and VOLATILE_FN.search(volatile.group(0)):
            return [_step(VOLATILE, call, f"New column with a volatile default rewrites {name}")]
        if ".notNull()" in args and "defaultTo(" not in args:
            return [_step(NOT_NULL, call, f"`notNull()` column added to {name} without a default")]
        return []
    if call.name == "alterColumn" and "setDataType(" in args:
        return [_step(TYPE_CHANGE, call, f"`setDataType` changes a column of {name} in place")]
    if call.name == "alterColumn" and "setNotNull()" in args:
        return [_step(NOT_NULL, call, f"`setNotNull()` scans {name} under lock")]
    if call.name == "modifyColumn":
        return [_step(TYPE_CHANGE, call, f"`modifyColumn` changes a column of {name} in place")]
    if call.name == "addIndex":
        return [_step(JS_INDEX, call, f"`addIndex` on {name} builds an index under lock")]
    if call.name == "addForeignKeyConstraint":
        return [_step(CONSTRAINT, call, f"Foreign key on {name} validates every row under lock")]
    if call.name == "addPrimaryKeyConstraint":
        title = f"Primary key added to {name}: unique index built and rows checked under lock"
        return [_step(CONSTRAINT, call, title)]
    if call.name in ("addUniqueConstraint", "addCheckConstraint"):
        return [_step(CONSTRAINT, call, f"Constraint on {name} validated under lock")]
    return []


def _inside_transaction(call: Call) -> bool:
    """Passed `{ transaction }` (shorthand), or called inside `sequelize.transaction(…)`."""
    if any(
        node.kind() == "shorthand_property_identifier" and node.text() == "transaction"
        for arg in call.args
        for node in [arg, *arg.find_all(kind="shorthand_property_identifier")]
    ):
        return True
    for ancestor in call.node.ancestors():
        function = ancestor.field("function") if ancestor.kind() == "call_expression" else None
        if function is not None and function.text().endswith(".transaction"):
            return True
    return False


def _query_interface(call: Call, created: set[str], tx_off: bool) -> list[Hit]:
    args = positional(call)
    table = literal(args[0]) if args else None
    if table in created:
        return []
    name = f"`{table}`" if table else "the table"
    text = call.node.text()
    if call.name == "addIndex":
        if option(call, "concurrently") == "true":
            if option(call, "transaction") is not None or _inside_transaction(call):
                title = "`addIndex(…, { concurrently: true })` inside a transaction fails"
                return [_hit(CONCURRENT_IN_TX, call, title)]
            return []
        return [_hit(JS_INDEX, call, f"`addIndex` on {name} without `concurrently: true`")]
    if call.name == "createIndex":
        return [_hit(JS_INDEX, call, f"`createIndex` on {name} builds an index under lock")]
    if call.name in ("createForeignKey", "createForeignKeys"):
        return [_hit(CONSTRAINT, call, f"Foreign key on {name} validates every row under lock")]
    if call.name == "addConstraint" and re.search(r"primary[ _]key", text, re.I):
        # A new primary key builds a unique index and checks NOT NULL on every row, with
        # the table locked against writes throughout.
        title = f"Primary key added to {name}: unique index built and rows checked under lock"
        return [_hit(CONSTRAINT, call, title)]
    if call.name == "addConstraint" and re.search(r"foreign key|check|unique", text, re.I):
        return [_hit(CONSTRAINT, call, f"Constraint on {name} validated under lock")]
    if call.name == "addColumn":
        if option(call, "references") is not None:
            return [_hit(CONSTRAINT, call, f"Foreign key on {name} validates every row under lock")]
        if option(call, "allowNull") == "false" and option(call, "defaultValue") is None:
            return [
                _hit(NOT_NULL, call, f"`allowNull: false` column added to {name} without a default")
            ]
        return []
    if call.name == "changeColumn":
        return [_hit(TYPE_CHANGE, call, f"`changeColumn` alters a column of {name} in place")]
    if call.name in ("removeColumn", "renameColumn", "dropColumn", "dropTable", "renameTable"):
        title = f"`{call.name}` on {name}: make sure no deployed code still uses it"
        return [_hit(DROP_RENAME, call, title)]
    return []


def js_hits(file: ChangedFile, root: SgNode, language: str) -> list[Hit]:
    text = file.visible_text()
    tx_off = bool(_TX_OFF.search(text))
    kysely = bool(_KYSELY.search(text))
    found = [c for c in calls(root, language, _NAMES) if not in_down(c.node)]
    created = {m.group(1).lower() for m in _TYPEORM_TABLE.finditer(text)}
    created |= {
        t
        for c in found
        if c.name == "createTable" and (a := positional(c)) and (t := literal(a[0]))
    }
    executed: list[tuple[str, int, Call]] = []
    for call in found:
        if call.name in ("raw", "query") and (args := positional(call)):
            sql = string_text(args[0])
            if sql is not None:
                executed.append((sql, args[0].range().start.line + 1, call))
        elif kysely and call.name == "sql" and not call.receiver:
            # Kysely's raw SQL is a tagged template: sql`CREATE INDEX …`.execute(db).
            template = call.node.field("arguments")
            if template is not None and template.kind() == "template_string":
                sql = string_text(template)
                if sql is not None:
                    # `${sql.table("orders")}` names the table the statement changes.
                    sql = _KYSELY_NAME.sub(r'"\2"', sql)
                    executed.append((sql, template.range().start.line + 1, call))
    for sql, _, _ in executed:
        created |= created_tables_in_sql(sql)
    # A table rebuilt under its own name (SQLite's way to change a column: create
    # `t_new`, copy, drop `t`, rename `t_new` to `t`) keeps the name code uses.
    rebuilt = {
        t
        for c in found
        if (c.name == "renameTo" and (a := positional(c)) and (t := literal(a[0])))
        or (c.name == "renameTable" and len(a := positional(c)) > 1 and (t := literal(a[1])))
    }
    hits: list[Hit] = []
    ddl = False
    writes: list[tuple[Call, str]] = []
    for call in found:
        if call.name in ("alterTable", "table") and call.receiver.endswith("schema"):
            args = positional(call)
            # A column added or changed through the builder holds the same lock as SQL.
            ddl = ddl or (literal(args[0]) if args else None) not in created
        if (written := _knex_whole_table_write(call)) is not None:
            if written not in created:
                writes.append((call, written))
            continue
        if kysely and (chain := _kysely(call, created)) is not None:
            ddl = True
            hits += chain
            continue
        block = _builder_table(call.node)
        if (
            block is not None
            and block[0] == "alterTable"
            and call.name not in ("alterTable", "table")
        ):
            ddl = True
            if block[1] not in created:
                hits += _knex(call, block[1])
        elif block is None and (_QI.search(call.receiver) or _QR.search(call.receiver)):
            ddl = ddl or call.name not in ("query", "raw", "update")
            hits += _query_interface(call, created, tx_off)
        elif call.name in ("dropTable", "renameTable") and call.receiver.endswith("schema"):
            args = positional(call)
            table = literal(args[0]) if args else None
            if table not in created and table not in rebuilt:
                title = (
                    f"`{call.name}` on `{table or '…'}`: make sure no deployed code still uses it"
                )
                hits.append(_hit(DROP_RENAME, call, title))
    ddl = ddl or any(is_ddl(s) for sql, line, _ in executed for s, _ in sql_statements(sql, line))
    for sql, line, call in executed:
        for finding in embedded_sql_findings(sql, line, created, JS_INDEX):
            hits.append(Hit(finding.rule, "", finding.line, finding.line, title=finding.title))
        no_tx = tx_off or (_SEQUELIZE_RECEIVER.search(call.receiver) and not _OPENS_TX.search(text))
        if re.search(r"\bCONCURRENTLY\b", sql, re.I) and not no_tx:
            title = "`CONCURRENTLY` inside the migration's transaction fails"
            if kysely:
                title = "`CONCURRENTLY` inside the transaction Kysely's Migrator opens fails"
            hits.append(_hit(CONCURRENT_IN_TX, call, title))
        if ddl and not tx_off:
            for statement, at in sql_statements(sql, line):
                if whole_table_write(statement):
                    title = "Whole-table write in the same transaction as schema changes"
                    hits.append(Hit(BACKFILL, "", at, at, title=title))
    if ddl and not tx_off:
        for call, written in writes:
            title = f"Whole-table write to `{written}` in the same transaction as schema changes"
            hits.append(_hit(BACKFILL, call, title))
    if not tx_off:
        sql_list = [(s, line) for s, line, _ in executed]
        hits += [
            Hit(f.rule, "", f.line, f.line, title=f.title) for f in enum_values_used_later(sql_list)
        ]
    return [
        Hit(h.rule, file.path, h.line, h.end_line, h.detail, h.suggestion, h.title) for h in hits
    ]


def hits(file: ChangedFile) -> list[Hit]:
    root = root_of(file, _HINT)
    if root is None or file.language is None:
        return []
    return js_hits(file, root, file.language)
