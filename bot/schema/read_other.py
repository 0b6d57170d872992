"""Laravel migrations, GORM structs and JPA entities."""

from __future__ import annotations

from bot import lazyre as re
from bot.schema.builder import Builder
from bot.schema.model import plural, snake


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _names(text: str) -> list[str]:
    return re.findall(r"[\"'](\w+)[\"']", text)


# --- Laravel ---------------------------------------------------------------------------

_SCHEMA_CALL = re.compile(r"Schema::(create|table|drop|dropIfExists|rename)\(\s*[\"'](\w+)[\"']")
_BLUEPRINT = re.compile(r"\$(\w+)->(\w+)\(([^;]*?)\)((?:->\w+\([^;]*?\))*)\s*;")


def read_laravel(b: Builder, text: str) -> None:
    down = re.search(r"function\s+down\s*\(", text)
    end = down.start() if down else len(text)
    calls = list(_SCHEMA_CALL.finditer(text, 0, end))
    for i, call in enumerate(calls):
        verb, table = call.group(1), call.group(2)
        if verb in {"drop", "dropIfExists"}:
            b.drop_table(table)
            continue
        if verb == "rename":
            new = re.match(r"\s*,\s*[\"'](\w+)", text[call.end() :])
            if new:
                b.rename_table(table, new.group(1))
            continue
        b.table(table, _line(text, call.start()))
        stop = calls[i + 1].start() if i + 1 < len(calls) else end
        for stmt in _BLUEPRINT.finditer(text, call.end(), stop):
            _laravel(
                b, table, stmt.group(2), stmt.group(3), stmt.group(4), _line(text, stmt.start())
            )


def _laravel(b: Builder, table: str, method: str, args: str, chain: str, line: int) -> None:
    names = (
        _names(args.split("[")[1].split("]")[0])
        if args.strip().startswith("[")
        else _names(args)[:1]
    )
    index_name = re.search(r"\]\s*,\s*[\"'](\w+)", args)
    if method in {"id", "bigIncrements", "increments"}:
        name = names[0] if names else "id"
        b.column(table, name, line, type="bigint", nullable=False)
        b.primary_key(table, [name], line)
    elif method in {"index", "unique"}:
        b.index(
            table,
            names,
            line,
            name=index_name.group(1) if index_name else None,
            unique=method == "unique",
        )
    elif method == "primary":
        b.primary_key(table, names, line)
    elif method in {"dropIndex", "dropUnique"}:
        b.drop_index(table, names[0] if names and not args.strip().startswith("[") else None, names)
    elif method == "dropColumn":
        for name in names:
            b.drop_column(table, name)
    elif method == "renameColumn" and len(_names(args)) >= 2:
        old, new = _names(args)[:2]
        b.rename_column(table, old, new)
    elif method == "foreign" and names:
        on = re.search(r"->on\(\s*[\"'](\w+)", chain)
        b.foreign_key(table, names, on.group(1) if on else "", line)
        b.index(table, names, line)  # InnoDB (Laravel's default) indexes it itself
    elif method in {"timestamps", "timestampsTz"}:
        b.column(table, "created_at", line)
        b.column(table, "updated_at", line)
    elif method in {"softDeletes", "softDeletesTz"}:
        b.column(table, "deleted_at", line)
    elif method in {"morphs", "nullableMorphs"} and names:
        b.column(table, f"{names[0]}_type", line)
        b.column(table, f"{names[0]}_id", line)
        b.index(table, [f"{names[0]}_type", f"{names[0]}_id"], line)
    elif names:
        name = names[0]
        b.column(table, name, line, type=method, nullable="->nullable(" in chain)
        if "->unique(" in chain:
            b.index(table, [name], line, unique=True)
        elif "->index(" in chain:
            b.index(table, [name], line)
        if method in {"foreignId", "foreignIdFor", "foreignUuid"} and "->constrained(" in chain:
            target = re.search(r"->constrained\(\s*[\"'](\w+)", chain)
            ref = target.group(1) if target else plural(name.removesuffix("_id"))
            b.foreign_key(table, [name], ref, line)
            b.index(table, [name], line)
        elif "->references(" in chain:
            on = re.search(r"->on\(\s*[\"'](\w+)", chain)
            b.foreign_key(table, [name], on.group(1) if on else "", line)
            b.index(table, [name], line)


# --- GORM ------------------------------------------------------------------------------

_STRUCT = re.compile(r"^type\s+(\w+)\s+struct\s*\{", re.MULTILINE)
_GO_FIELD = re.compile(r"^\s*(\w+)\s+([\w.*\[\]]+)\s*(`[^`]*`)?")
_TABLE_NAME = re.compile(
    r"func\s*\(\s*\w*\s*\*?(\w+)\s*\)\s*TableName\(\)\s*string\s*\{\s*return\s*\"(\w+)\""
)


def read_gorm(b: Builder, text: str) -> None:
    names = {m.group(1): m.group(2) for m in _TABLE_NAME.finditer(text)}
    structs = {m.group(1) for m in _STRUCT.finditer(text)}
    for struct in _STRUCT.finditer(text):
        model = struct.group(1)
        end = text.find("\n}", struct.end())
        body = text[struct.end() : end if end != -1 else len(text)]
        if "gorm" not in body and "gorm.Model" not in body:
            continue
        table = names.get(model) or plural(snake(model))
        first = _line(text, struct.start())
        b.table(table, first)
        b.model(model, table)
        indexes: dict[str, list[tuple[int, str, bool]]] = {}
        for offset, row in enumerate(body.split("\n")):
            number = first + offset
            if row.strip() == "gorm.Model":
                b.column(table, "id", number, type="uint", nullable=False)
                b.primary_key(table, ["id"], number)
                for column in ("created_at", "updated_at", "deleted_at"):
                    b.column(table, column, number)
                b.index(table, ["deleted_at"], number, name=f"idx_{table}_deleted_at")
                continue
            field = _GO_FIELD.match(row)
            if not field:
                continue
            name, kind, tag = field.group(1), field.group(2), field.group(3) or ""
            gorm = re.search(r"gorm:\"([^\"]*)\"", tag)
            settings = gorm.group(1).split(";") if gorm else []
            if "-" in settings or kind.lstrip("*[]") in structs or kind.startswith("[]"):
                continue
            column = next(
                (s.split(":", 1)[1] for s in settings if s.startswith("column:")), snake(name)
            )
            b.column(table, column, number, type=kind, nullable=kind.startswith("*"), alias=name)
            if name == "ID" or "primaryKey" in settings or "primary_key" in settings:
                b.primary_key(table, [column], number)
            for setting in settings:
                key, _, value = setting.partition(":")
                if key in {"index", "uniqueIndex", "unique_index", "unique"}:
                    unique = key != "index"
                    index_name = value.split(",")[0] or f"idx_{table}_{column}"
                    indexes.setdefault(index_name, []).append((number, column, unique))
        for index_name, parts in indexes.items():
            b.index(table, [p[1] for p in parts], parts[0][0], name=index_name, unique=parts[0][2])
    for struct in _STRUCT.finditer(text):
        _gorm_relations(b, text, struct.group(1), structs, names)


def _gorm_relations(
    b: Builder, text: str, model: str, structs: set[str], names: dict[str, str]
) -> None:
    """A field of another struct's type with its `<Field>ID` beside it: belongs-to,
    which AutoMigrate turns into a foreign key without an index."""
    table = b.schema.models.get(model)
    if table is None:
        return
    start = text.find(f"type {model} struct")
    end = text.find("\n}", start)
    body = text[start:end]
    first = _line(text, start)
    for offset, row in enumerate(body.split("\n")):
        field = _GO_FIELD.match(row)
        if not field or field.group(2).lstrip("*") not in structs:
            continue
        name, target = field.group(1), field.group(2).lstrip("*")
        fk = re.search(r"foreignKey:(\w+)", field.group(3) or "")
        key = snake(fk.group(1)) if fk else f"{snake(name)}_id"
        t = b.schema.table(table)
        if t is not None and key in t.columns:
            ref = names.get(target) or plural(snake(target))
            where = t.columns[key].where
            b.foreign_key(table, [key], ref, where.line if where else first + offset, ["id"])


# --- JPA -------------------------------------------------------------------------------

_JPA_ENTITY = re.compile(r"@Entity\b[\s\S]*?(?:class)\s+(\w+)")
_JPA_FIELD = re.compile(
    r"((?:@\w+(?:\([^;{]*?\))?\s*)+)(?:private|protected|public|var|val)?\s*(?:[\w<>,.?\s]+?\s+)?(\w+)\s*(?:[;=:])"
)


def read_jpa(b: Builder, text: str) -> None:
    entity = _JPA_ENTITY.search(text)
    if entity is None:
        return
    model = entity.group(1)
    header = text[: entity.end()]
    table_ann = re.search(
        r"@Table\s*\(([\s\S]*?)\)\s*(?:@|public|class|data|open|final|abstract)", header
    )
    table_name = None
    if table_ann:
        named = re.search(r"\bname\s*=\s*\"(\w+)\"", table_ann.group(1).split("indexes")[0])
        table_name = named.group(1) if named else None
    table = table_name or snake(model)
    first = _line(text, entity.start())
    b.table(table, first)
    b.model(model, table)
    if table_ann:
        for index in re.finditer(r"@Index\s*\(([^)]*)\)", table_ann.group(1)):
            cols = re.search(r"columnList\s*=\s*\"([^\"]*)\"", index.group(1))
            name = re.search(r"name\s*=\s*\"(\w+)\"", index.group(1))
            if cols:
                columns = [c.strip().split()[0] for c in cols.group(1).split(",") if c.strip()]
                b.index(
                    table,
                    columns,
                    _line(text, table_ann.start() + index.start()),
                    name=name.group(1) if name else None,
                    unique=bool(re.search(r"unique\s*=\s*true", index.group(1))),
                )
        for unique in re.finditer(r"@UniqueConstraint\s*\(([^)]*)\)", table_ann.group(1)):
            b.index(
                table,
                _names(unique.group(1).split("columnNames", 1)[-1].split("name")[0]),
                first,
                unique=True,
            )
    body = text[entity.end() :]
    for field in _JPA_FIELD.finditer(body):
        annotations, prop = field.group(1), field.group(2)
        number = _line(text, entity.end() + field.end())
        named = re.search(r"@(?:Column|JoinColumn)\s*\([^)]*\bname\s*=\s*\"(\w+)\"", annotations)
        relation = re.search(r"@(ManyToOne|OneToOne)\b", annotations)
        if relation:
            column = named.group(1) if named else f"{snake(prop)}_id"
            b.column(table, column, number, alias=prop)
            kind = re.search(
                rf"(\w+)\s+{re.escape(prop)}\s*[;=]", body[field.start() : field.end() + 1]
            )
            b.foreign_key(table, [column], snake(kind.group(1)) if kind else prop, number, ["id"])
            if relation.group(1) == "OneToOne" and "unique = true" in annotations:
                b.index(table, [column], number, unique=True)
            continue
        if re.search(r"@(OneToMany|ManyToMany|Transient)\b", annotations):
            continue
        column = named.group(1) if named else snake(prop)
        b.column(
            table,
            column,
            number,
            nullable=not re.search(r"nullable\s*=\s*false", annotations),
            alias=prop,
        )
        if re.search(r"@Id\b", annotations):
            b.primary_key(table, [column], number)
        if re.search(r"@Column\s*\([^)]*unique\s*=\s*true", annotations):
            b.index(table, [column], number, unique=True)
