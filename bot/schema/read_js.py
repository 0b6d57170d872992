"""Prisma schemas, TypeORM entities, Sequelize, Knex and Kysely migrations.

Prisma is a small declarative language read block by block; the JavaScript DSLs are
read call by call with regexes over one statement at a time, which is as far as their
regular shape needs.
"""

from __future__ import annotations

from bot import lazyre as re
from bot.lines import line_of as _line
from bot.schema.builder import Builder
from bot.schema.model import norm, snake

_PRISMA_BLOCK = re.compile(r"^\s*model\s+(\w+)\s*\{", re.MULTILINE)
_PRISMA_FIELD = re.compile(r"^\s*(\w+)\s+(\w+)(\[\])?(\?)?(.*)$")
_LIST = re.compile(r"\[([^\]]*)\]")


def _names(text: str) -> list[str]:
    return [n.split("(")[0].strip().strip("\"'`") for n in text.split(",") if n.strip()]


def read_prisma(b: Builder, text: str) -> None:
    for block in _PRISMA_BLOCK.finditer(text):
        model = block.group(1)
        end = text.find("\n}", block.end())
        body = text[block.end() : end if end != -1 else len(text)]
        first = _line(text, block.start())
        mapped = re.search(r"@@map\(\s*(?:name:\s*)?\"([^\"]+)\"", body)
        table = mapped.group(1) if mapped else model
        b.table(table, first)
        b.model(model, table)
        b.model(model[:1].lower() + model[1:], table)  # `prisma.orderItem`
        # A relation often comes before the scalar field it uses (`space Space? @relation(
        # fields: [spaceId] …)` above `spaceId String? @map("space_id")`): every field's
        # column is known before the first row is read.
        fields: dict[str, str] = {}
        for row in body.split("\n"):
            field = _PRISMA_FIELD.match(row.split("//", 1)[0])
            if field and "@relation" not in field.group(5) and not field.group(3):
                column_map = re.search(r"@map\(\s*\"([^\"]+)\"", field.group(5))
                if column_map:
                    fields[field.group(1)] = norm(column_map.group(1))
        for offset, row in enumerate(body.split("\n")):
            number = first + offset
            row = row.split("//", 1)[0]
            field = _PRISMA_FIELD.match(row)
            if field and not row.strip().startswith("@@"):
                name, kind, many, optional, attrs = field.groups()
                if many or "@relation" in attrs and "fields:" not in attrs:
                    continue
                if "@relation" in attrs:
                    cols = _names(_LIST.search(attrs.split("fields:", 1)[1]).group(1))  # type: ignore[union-attr]
                    refs = re.search(r"references:\s*\[([^\]]*)\]", attrs)
                    b.foreign_key(
                        table,
                        [fields.get(c, c) for c in cols],
                        kind,
                        number,
                        _names(refs.group(1)) if refs else [],
                    )
                    continue
                if kind[:1].isupper() and kind not in _PRISMA_SCALARS:
                    continue  # the other side of a relation, or an enum used as a type
                column_map = re.search(r"@map\(\s*\"([^\"]+)\"", attrs)
                column = column_map.group(1) if column_map else name
                fields[name] = norm(column)
                b.column(table, column, number, type=kind, nullable=bool(optional), alias=name)
                if "@id" in attrs:
                    b.primary_key(table, [column], number)
                if "@unique" in attrs:
                    b.index(table, [column], number, unique=True)
            for attr in re.finditer(
                r"@@(index|unique|id)\(\s*(?:fields:\s*)?\[([^\]]*)\](.*)", row
            ):
                cols = [fields.get(c, c) for c in _names(attr.group(2))]
                name = re.search(r"(?:map|name):\s*\"([^\"]+)\"", attr.group(3))
                if attr.group(1) == "id":
                    b.primary_key(table, cols, number)
                else:
                    b.index(
                        table,
                        cols,
                        number,
                        name=name.group(1) if name else None,
                        unique=attr.group(1) == "unique",
                    )


_PRISMA_SCALARS = {
    "String",
    "Int",
    "BigInt",
    "Float",
    "Decimal",
    "Boolean",
    "DateTime",
    "Json",
    "Bytes",
    "Unsupported",
}

# --- TypeORM ---------------------------------------------------------------------------

_ENTITY = re.compile(
    r"@Entity\(\s*(?:[\"'`]([\w.]+)[\"'`]|\{[^}]*name:\s*[\"'`]([\w.]+)[\"'`][^}]*\})?\s*\)"
    r"([\s\S]*?)export\s+(?:default\s+)?class\s+(\w+)"
)
_DECORATED = re.compile(r"@(\w+)\(([^@]*?)\)\s*(?=@|(?:public\s+|readonly\s+)*(\w+)\s*[?!]?:)")


def read_typeorm(b: Builder, text: str) -> None:
    for entity in _ENTITY.finditer(text):
        model = entity.group(4)
        table = entity.group(1) or entity.group(2) or snake(model)
        first = _line(text, entity.start())
        b.table(table, first)
        b.model(model, table)
        for dec in re.finditer(
            r"@(Index|Unique)\(\s*(?:[\"'][^\"']*[\"']\s*,\s*)?\[([^\]]*)\]([^)]*)\)",
            entity.group(3),
        ):
            b.index(
                table,
                _names(dec.group(2)),
                first,
                unique=dec.group(1) == "Unique" or "unique: true" in dec.group(3),
            )
        end = text.find("\nexport class", entity.end())
        body_start = entity.end()
        body = text[body_start : end if end != -1 else len(text)]
        pending: list[tuple[str, str, int]] = []
        for match in re.finditer(
            r"@(\w+)\(([^()]*(?:\([^()]*\)[^()]*)*)\)|(?:readonly\s+)?(\w+)\s*[?!]?\s*:", body
        ):
            number = _line(text, body_start + match.start())
            if match.group(1):
                pending.append((match.group(1), match.group(2), number))
                continue
            prop = match.group(3)
            if not pending:
                continue
            _typeorm_property(b, table, prop, pending, number)
            pending = []


def _typeorm_property(
    b: Builder, table: str, prop: str, decorators: list[tuple[str, str, int]], number: int
) -> None:
    kinds = {d[0]: d[1] for d in decorators}
    name_opt = re.search(
        r"name:\s*[\"'`](\w+)[\"'`]", kinds.get("Column", "") + kinds.get("JoinColumn", "")
    )
    if "ManyToOne" in kinds or "OneToOne" in kinds:
        if "JoinColumn" not in kinds and "ManyToOne" not in kinds:
            return
        column = name_opt.group(1) if name_opt else f"{prop}Id"
        target = re.search(r"=>\s*(\w+)", kinds.get("ManyToOne") or kinds.get("OneToOne") or "")
        b.column(table, column, number, alias=prop)
        b.foreign_key(table, [column], target.group(1) if target else prop, number, ["id"])
        if "OneToOne" in kinds:
            b.index(table, [column], number, unique=True)
        if "Index" in kinds:
            b.index(table, [column], number)
        return
    if not any(k.endswith("Column") for k in kinds):
        return
    column = name_opt.group(1) if name_opt else prop
    options = kinds.get("Column", "")
    b.column(table, column, number, nullable="nullable: true" in options, alias=prop)
    if any(k.startswith("Primary") for k in kinds):
        b.primary_key(table, [column], number)
    if "unique: true" in options or "Unique" in kinds:
        b.index(table, [column], number, unique=True)
    elif "Index" in kinds:
        b.index(table, [column], number, unique="unique: true" in kinds["Index"])


# --- Sequelize and Knex migrations -----------------------------------------------------


def _block(text: str, start: int) -> str:
    """From an opening bracket at `start` to its match (strings are not special-cased:
    migration files rarely put brackets in strings)."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] in "({[":
            depth += 1
        elif text[i] in ")}]":
            depth -= 1
            if depth == 0:
                return text[start : i + 1]
    return text[start:]


def _top_keys(obj: str) -> list[tuple[str, int, str]]:
    """(key, offset, value text) of an object literal's top-level keys."""
    out: list[tuple[str, int, str]] = []
    key = re.compile(r"[\s,{]*[\"'`]?(\w+)[\"'`]?\s*:\s*")
    i = 1 if obj.startswith("{") else 0
    while i < len(obj):
        match = key.match(obj, i)
        if not match:
            break
        start = match.end()
        if start < len(obj) and obj[start] in "{[(":
            value = _block(obj, start)
        else:
            stop = re.search(r",|\n|}$", obj[start:])
            value = obj[start : start + stop.start()] if stop else obj[start:]
        out.append((match.group(1), match.start(1), value))
        i = start + len(value)
    return out


_SEQ_CALL = re.compile(
    r"\b(?:queryInterface|qi|queryinterface)\s*\.\s*(createTable|addColumn|addIndex|removeIndex|removeColumn|dropTable|renameColumn|addConstraint|renameTable)\s*\(",
    re.IGNORECASE,
)


def read_sequelize(b: Builder, text: str) -> None:
    up = re.search(r"\bup\s*[:(]|async\s+up\s*\(", text)
    down = re.search(r"\bdown\s*[:(]|async\s+down\s*\(", text)
    end = down.start() if down and up and down.start() > up.start() else len(text)
    for call in _SEQ_CALL.finditer(text, up.start() if up else 0, end):
        verb = call.group(1)
        args = _block(text, call.end() - 1)[1:-1]
        number = _line(text, call.start())
        table = re.match(r"\s*[\"'`]([\w.]+)[\"'`]", args)
        if not table:
            continue
        name = table.group(1)
        rest = args[table.end() :].lstrip().lstrip(",").lstrip()
        if verb == "createTable" and rest.startswith("{"):
            obj = _block(rest, 0)
            offset = args.find(obj)
            b.table(name, number)
            for key, at, value in _top_keys(obj):
                line = number + args.count("\n", 0, offset + at)
                _seq_column(b, name, key, value, line)
        elif verb == "addColumn":
            column = re.match(r"[\"'`](\w+)[\"'`]\s*,\s*", rest)
            if column:
                _seq_column(b, name, column.group(1), rest[column.end() :], number)
        elif verb == "addIndex":
            listed_cols = _LIST.search(rest)
            fields = re.search(r"fields:\s*\[([^\]]*)\]", rest)
            index_name = re.search(r"name:\s*[\"'`](\w+)[\"'`]", rest)
            columns = _names(
                fields.group(1) if fields else listed_cols.group(1) if listed_cols else ""
            )
            b.index(
                name,
                columns,
                number,
                name=index_name.group(1) if index_name else None,
                unique="unique: true" in rest,
                partial="where:" in rest,
                predicate=rest[rest.find("where:") :] if "where:" in rest else "",
            )
        elif verb == "addConstraint":
            fields = re.search(r"fields:\s*\[([^\]]*)\]", rest)
            cols = _names(fields.group(1)) if fields else []
            if "'unique'" in rest or '"unique"' in rest:
                b.index(name, cols, number, unique=True)
            elif "foreign" in rest.lower():
                ref = re.search(r"table:\s*[\"'`](\w+)", rest)
                b.foreign_key(name, cols, ref.group(1) if ref else "", number)
        elif verb == "removeIndex":
            target = re.match(r"[\"'`](\w+)[\"'`]", rest)
            listed = _LIST.match(rest)
            b.drop_index(
                name, target.group(1) if target else None, _names(listed.group(1)) if listed else []
            )
        elif verb == "removeColumn":
            column = re.match(r"[\"'`](\w+)[\"'`]", rest)
            if column:
                b.drop_column(name, column.group(1))
        elif verb == "renameColumn":
            names = re.findall(r"[\"'`](\w+)[\"'`]", rest)
            if len(names) >= 2:
                b.rename_column(name, names[0], names[1])
        elif verb == "dropTable":
            b.drop_table(name)
        elif verb == "renameTable":
            new = re.match(r"[\"'`]([\w.]+)[\"'`]", rest)
            if new:
                b.rename_table(name, new.group(1))


def _seq_column(b: Builder, table: str, column: str, value: str, line: int) -> None:
    b.column(table, column, line, nullable="allowNull: false" not in value)
    if "primaryKey: true" in value:
        b.primary_key(table, [column], line)
    if "unique: true" in value:
        b.index(table, [column], line, unique=True)
    ref = re.search(
        r"references:\s*\{[^}]*model:\s*(?:[\"'`](\w+)[\"'`]|\{[^}]*tableName:\s*[\"'`](\w+))",
        value,
    )
    if ref:
        b.foreign_key(table, [column], ref.group(1) or ref.group(2), line, ["id"])


_KNEX_TABLE = re.compile(
    r"\.(createTable|alterTable|table|dropTable|dropTableIfExists|renameTable)\s*\(\s*[\"'`]([\w.]+)[\"'`]"
)
_KNEX_COLUMN = re.compile(r"\b(\w+)\s*\.\s*(\w+)\(\s*(?:[\"'`](\w+)[\"'`]|\[([^\]]*)\])?")


def read_knex(b: Builder, text: str) -> None:
    down = re.search(r"exports\.down|export\s+(?:async\s+)?function\s+down|\bdown\s*[:=(]", text)
    end = down.start() if down else len(text)
    for match in _KNEX_TABLE.finditer(text, 0, end):
        verb, table = match.group(1), match.group(2)
        number = _line(text, match.start())
        if verb.startswith("dropTable"):
            b.drop_table(table)
            continue
        if verb == "renameTable":
            new = re.match(r"\s*,\s*[\"'`]([\w.]+)", text[match.end() :])
            if new:
                b.rename_table(table, new.group(1))
            continue
        body = _block(text, text.rfind("(", 0, match.end()))
        param = re.search(r"\(\s*(\w+)\s*\)\s*=>|function\s*\(\s*(\w+)", body)
        var = (param.group(1) or param.group(2)) if param else "table"
        b.table(table, number)
        start = text.find(body)
        for statement in re.finditer(rf"\b{re.escape(var)}\s*\.[^;]*", body):
            _knex_statement(
                b, table, statement.group(0), number + body.count("\n", 0, statement.start())
            )
        del start


def _knex_statement(b: Builder, table: str, stmt: str, line: int) -> None:
    # A chain written one call per line (`table\n  .integer("x")\n  .unique()`).
    stmt = re.sub(r"\s+\.", ".", stmt)
    first = _KNEX_COLUMN.match(stmt)
    if not first:
        return
    method, name, cols = first.group(2), first.group(3), first.group(4)
    if method in {"increments", "bigIncrements"}:
        b.column(table, name or "id", line, type="integer", nullable=False)
        b.primary_key(table, [name or "id"], line)
    elif method in {"index", "unique"}:
        columns = _names(cols) if cols else [name] if name else []
        index_name = re.search(r"\]\s*,\s*[\"'`](\w+)", stmt)
        b.index(
            table,
            columns,
            line,
            name=index_name.group(1) if index_name else None,
            unique=method == "unique",
            partial="predicate" in stmt,
            predicate=stmt[stmt.find("predicate") :] if "predicate" in stmt else "",
        )
    elif method in {"dropIndex", "dropUnique"}:
        index_name = re.search(r",\s*[\"'`](\w+)", stmt)
        b.drop_index(
            table,
            index_name.group(1) if index_name else None,
            _names(cols) if cols else [name or ""],
        )
    elif method == "dropColumn" and name:
        b.drop_column(table, name)
    elif method == "renameColumn":
        names = re.findall(r"[\"'`](\w+)[\"'`]", stmt)
        if len(names) >= 2:
            b.rename_column(table, names[0], names[1])
    elif method == "primary" and cols:
        b.primary_key(table, _names(cols), line)
    elif method == "foreign" and (name or cols):
        ref = re.search(r"\.references\(\s*[\"'`]([\w.]+)[\"'`]", stmt)
        in_table = re.search(r"\.inTable\(\s*[\"'`](\w+)", stmt)
        target = in_table.group(1) if in_table else (ref.group(1).rsplit(".", 1)[0] if ref else "")
        b.foreign_key(table, [name] if name else _names(cols or ""), target, line)
    elif method == "timestamps":
        b.column(table, "created_at", line)
        b.column(table, "updated_at", line)
    elif name and method not in {"dropForeign", "dropPrimary", "comment", "engine", "charset"}:
        b.column(table, name, line, type=method, nullable=".notNullable()" not in stmt)
        if ".primary()" in stmt:
            b.primary_key(table, [name], line)
        if ".unique()" in stmt:
            b.index(table, [name], line, unique=True)
        elif ".index()" in stmt:
            b.index(table, [name], line)
        ref = re.search(r"\.references\(\s*[\"'`]([\w.]+)[\"'`]", stmt)
        if ref:
            in_table = re.search(r"\.inTable\(\s*[\"'`](\w+)", stmt)
            target = in_table.group(1) if in_table else ref.group(1).rsplit(".", 1)[0]
            b.foreign_key(table, [name], target, line)


# --- Kysely migrations -------------------------------------------------------------------

# `db.schema.createTable("t")` … up to the chain's `.execute(`.
_KYSELY_STATEMENT = re.compile(
    r"\bschema\s*\.\s*(createTable|alterTable|dropTable|createIndex|dropIndex)"
    r"\(\s*[\"'`]([\w.]+)[\"'`]\s*\)"
)
_KYSELY_STEP = re.compile(
    r"\.\s*(addColumn|dropColumn|renameColumn|renameTo|addForeignKeyConstraint"
    r"|addPrimaryKeyConstraint|addUniqueConstraint)\("
)
_QUOTED = re.compile(r"[\"'`]([\w.]+)[\"'`]")


def read_kysely(b: Builder, text: str) -> None:
    down = re.search(r"export\s+(?:async\s+)?function\s+down|\bdown\s*[:=(]", text)
    end = down.start() if down else len(text)
    for match in _KYSELY_STATEMENT.finditer(text, 0, end):
        verb, name = match.group(1), match.group(2)
        stop = text.find(".execute(", match.end(), end)
        chain = text[match.end() : stop if stop != -1 else end]
        line = _line(text, match.start())
        if verb == "dropTable":
            b.drop_table(name)
        elif verb == "dropIndex":
            b.drop_index(None, name)
        elif verb == "createIndex":
            on = re.search(r"\.\s*on\(\s*[\"'`]([\w.]+)", chain)
            cols = re.search(r"\.\s*columns?\(\s*(\[[^\]]*\]|[\"'`]\w+[\"'`])", chain)
            if on and cols:
                b.index(
                    on.group(1),
                    _names(cols.group(1).strip("[]")),
                    line,
                    name=name,
                    unique=".unique()" in chain,
                    partial=".where(" in chain,
                )
        else:
            b.table(name, line)
            for step in _KYSELY_STEP.finditer(chain):
                _kysely_step(b, name, step.group(1), _block(chain, step.end() - 1), line)


def _kysely_step(b: Builder, table: str, step: str, args: str, line: int) -> None:
    quoted = _QUOTED.findall(args)
    lists = [_names(m) for m in re.findall(r"\[([^\]]*)\]", args)]
    if step == "addColumn" and quoted:
        column = quoted[0]
        b.column(
            table,
            column,
            line,
            type=quoted[1] if len(quoted) > 1 else None,
            nullable=".notNull()" not in args and ".primaryKey()" not in args,
        )
        if ".primaryKey()" in args:
            b.primary_key(table, [column], line)
        if ".unique()" in args:
            b.index(table, [column], line, unique=True)
        ref = re.search(r"\.references\(\s*[\"'`]([\w.]+)[\"'`]", args)
        if ref and "." in ref.group(1):
            b.foreign_key(table, [column], ref.group(1).rsplit(".", 1)[0], line)
    elif step == "dropColumn" and quoted:
        b.drop_column(table, quoted[0])
    elif step == "renameColumn" and len(quoted) >= 2:
        b.rename_column(table, quoted[0], quoted[1])
    elif step == "renameTo" and quoted:
        b.rename_table(table, quoted[0])
    elif step == "addPrimaryKeyConstraint" and lists:
        b.primary_key(table, lists[0], line)
    elif step == "addUniqueConstraint" and lists:
        b.index(table, lists[0], line, unique=True)
    elif step == "addForeignKeyConstraint" and lists and len(quoted) > len(lists[0]) + 1:
        # ("name", ["col"], "target", ["id"]): the target follows the constraint's columns.
        b.foreign_key(table, lists[0], quoted[1 + len(lists[0])], line)
