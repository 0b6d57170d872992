"""Laravel migrations, GORM structs and JPA entities."""

from __future__ import annotations

from bot import lazyre as re
from bot.lines import line_of as _line
from bot.schema.builder import Builder
from bot.schema.model import plural, snake


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
        if b.indexes_foreign_keys:  # InnoDB (Laravel's default) indexes it itself
            b.index(table, names, line, implicit=True)
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
            if b.indexes_foreign_keys:
                b.index(table, [name], line, implicit=True)
        elif "->references(" in chain:
            on = re.search(r"->on\(\s*[\"'](\w+)", chain)
            b.foreign_key(table, [name], on.group(1) if on else "", line)
            if b.indexes_foreign_keys:
                b.index(table, [name], line, implicit=True)


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
# Annotation arguments are blanked out of the skeleton the declarations are matched on,
# so an annotation is just `@Name` there (Kotlin use-site targets: `@field:Column`).
_ANNOTATIONS = r"((?:@[\w.:]+\s*(?:\(\s*\)\s*)?)*)"
_JAVA_FIELD = re.compile(
    _ANNOTATIONS + r"((?:\b(?:private|protected|public|static|final|transient|volatile)\s+)*)"
    r"([\w.]+(?:\s*<[^;=(){}]*>)?(?:\s*\[\s*\])*)\s+(\w+)\s*(?:=|;)"
)
_KOTLIN_FIELD = re.compile(
    _ANNOTATIONS + r"((?:\b(?:private|protected|public|internal|open|override|lateinit|final)"
    r"\s+)*)\b(?:val|var)\s+(\w+)\s*(?::\s*([\w.]+))?"
)
# Hibernate maps these to other tables or to no column of this one.
_NOT_A_COLUMN = re.compile(
    r"@(?:\w+:)?(?:OneToMany|ManyToMany|Transient|Embedded|EmbeddedId|ElementCollection|Formula)\b"
)


def spring_name(name: str) -> str:
    """Spring Boot's default physical naming (`CamelCaseToUnderscoresNamingStrategy`):
    `_` before an upper-case letter between two lower-case ones, dots to `_`, lower case.
    It applies to explicit names too, and Hibernate runs `@Index(columnList)` names
    through it, so `customerId` there means the column `customer_id`."""
    out = []
    name = name.replace(".", "_")
    for i, ch in enumerate(name):
        if (
            0 < i < len(name) - 1
            and name[i - 1].islower()
            and ch.isupper()
            and name[i + 1].islower()
        ):
            out.append("_")
        out.append(ch)
    return "".join(out).lower()


def _mask(text: str) -> str:
    """String contents and comments to spaces, keeping every offset and newline."""

    def blank(m: re.Match[str]) -> str:
        s = m.group(0)
        if s.startswith(('"', "'")):
            return s[0] + re.sub(r"[^\n]", " ", s[1:-1]) + s[-1]
        return re.sub(r"[^\n]", " ", s)

    return re.sub(
        r"//[^\n]*|/\*[\s\S]*?\*/|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'", blank, text
    )


def _skeleton(masked: str, start: int, end: int) -> str:
    """`masked[start:end]` (inside one pair of brackets) with everything nested deeper
    blanked: method bodies, companion objects, annotation arguments. A closed body
    becomes `;` so the next declaration starts cleanly."""
    out = []
    braces = parens = 0
    for ch in masked[start:end]:
        deep = braces > 0 or parens > 0
        if ch == "{":
            braces += 1
        elif ch == "}":
            braces -= 1
            if braces == 0 and parens == 0:
                out.append(";")
                continue
        elif ch == "(":
            parens += 1
            if not deep:
                out.append("(")
                continue
        elif ch == ")":
            parens -= 1
            if parens == 0 and braces == 0:
                out.append(")")
                continue
        out.append(ch if ch == "\n" or not (deep or ch in "{}") else " ")
    return "".join(out)


def _closing(masked: str, at: int, open_: str, close: str) -> int:
    depth = 0
    for i in range(at, len(masked)):
        if masked[i] == open_:
            depth += 1
        elif masked[i] == close:
            depth -= 1
            if depth == 0:
                return i
    return len(masked)


def _jpa_regions(masked: str, after: int) -> list[tuple[int, int]]:
    """The Kotlin primary constructor's parameters and the class body, as offsets."""
    regions = []
    ctor = re.compile(
        r"\s*(?:<[^>{]*>)?\s*(?:(?:@\w+|private|protected|public|internal)\s*)*"
        r"(?:constructor)?\s*\("
    ).match(masked, after)
    body_from = after
    if ctor:
        close = _closing(masked, ctor.end() - 1, "(", ")")
        regions.append((ctor.end(), close))
        body_from = close + 1
    brace = masked.find("{", body_from)
    gap = masked[body_from : brace if brace >= 0 else len(masked)]
    if brace >= 0 and not re.search(r"\b(?:class|fun|object|interface|enum)\b|@", gap):
        regions.append((brace + 1, _closing(masked, brace, "{", "}")))
    return regions


def read_jpa(b: Builder, text: str) -> None:
    entity = _JPA_ENTITY.search(text)
    if entity is None:
        return
    model = entity.group(1)
    header = text[: entity.end()]
    table_ann = re.search(
        r"@Table\s*\(([\s\S]*?)\)\s*(?:@|public|class|data|open|final|abstract)", header
    )
    # Without `@Table(name)` the table is named after the entity, `@Entity(name)` first.
    entity_name = re.match(r"@Entity\s*\(\s*(?:name\s*=\s*)?\"(\w+)\"", text[entity.start() :])
    table_name = entity_name.group(1) if entity_name else model
    if table_ann:
        # Only `@Table`'s own `name`, not one of a nested `Index(name = ...)`.
        args = table_ann.group(1)
        while re.search(r"\([^()]*\)", args):
            args = re.sub(r"\([^()]*\)", "", args)
        named = re.search(r"\bname\s*=\s*\"(\w+)\"", args)
        table_name = named.group(1) if named else table_name
    table = spring_name(table_name)
    first = _line(text, entity.start())
    b.table(table, first)
    b.model(model, table)
    if table_ann:
        # Kotlin writes a nested annotation without its `@`: `indexes = [Index(...)]`.
        for index in re.finditer(r"(?<![\w.])@?(?:\w+\.)*Index\s*\(([^)]*)\)", table_ann.group(1)):
            cols = re.search(r"columnList\s*=\s*\"([^\"]*)\"", index.group(1))
            name = re.search(r"name\s*=\s*\"(\w+)\"", index.group(1))
            if cols:
                columns = [
                    spring_name(c.strip().split()[0]) for c in cols.group(1).split(",") if c.strip()
                ]
                b.index(
                    table,
                    columns,
                    _line(text, table_ann.start() + index.start()),
                    name=name.group(1) if name else None,
                    unique=bool(re.search(r"unique\s*=\s*true", index.group(1))),
                )
        for unique in re.finditer(
            r"(?<![\w.])@?(?:\w+\.)*UniqueConstraint\s*\(([^)]*)\)", table_ann.group(1)
        ):
            b.index(
                table,
                [
                    spring_name(n)
                    for n in _names(unique.group(1).split("columnNames", 1)[-1].split("name")[0])
                ],
                first,
                unique=True,
            )
    masked = _mask(text)
    regions = [
        (start, _skeleton(masked, start, end)) for start, end in _jpa_regions(masked, entity.end())
    ]
    # Java has no `val`, and Kotlin has no `Type name;`: read each file as one language,
    # or a blanked Kotlin body (`by lazy {}`) reads like a Java field.
    kotlin = bool(re.search(r"\bfun\s+\w+\s*\(", masked)) or any(
        _KOTLIN_FIELD.search(skeleton) for _, skeleton in regions
    )
    for start, skeleton in regions:
        if kotlin:
            fields = [(m, m.group(4) or "", m.group(3)) for m in _KOTLIN_FIELD.finditer(skeleton)]
        else:
            fields = [(m, m.group(3), m.group(4)) for m in _JAVA_FIELD.finditer(skeleton)]
        for match, kind, prop in sorted(fields, key=lambda f: f[0].start()):
            # A delegated or getter-only Kotlin property has no backing field to map.
            if re.search(r"\b(?:static|transient)\b", match.group(2)) or re.match(
                r"\??\s*(?:by\b|get\s*\()", skeleton[match.end() :]
            ):
                continue
            annotations = text[start + match.start(1) : start + match.end(1)]
            number = _line(text, start + match.end())
            _jpa_field(b, table, annotations, kind.split(".")[-1], prop, number)


def _jpa_field(b: Builder, table: str, annotations: str, kind: str, prop: str, line: int) -> None:
    named = re.search(
        r"@(?:\w+:)?(?:Column|JoinColumn)\s*\([^)]*\bname\s*=\s*\"(\w+)\"", annotations
    )
    relation = re.search(r"@(?:\w+:)?(ManyToOne|OneToOne)\b", annotations)
    if relation:
        column = spring_name(named.group(1) if named else f"{prop}_id")
        b.column(table, column, line, alias=prop)
        b.foreign_key(table, [column], spring_name(kind) if kind else prop, line, ["id"])
        if relation.group(1) == "OneToOne" and "unique = true" in annotations:
            b.index(table, [column], line, unique=True)
        return
    if _NOT_A_COLUMN.search(annotations):
        return
    column = spring_name(named.group(1) if named else prop)
    b.column(
        table,
        column,
        line,
        nullable=not re.search(r"nullable\s*=\s*false", annotations),
        alias=prop,
    )
    if re.search(r"@(?:\w+:)?Id\b", annotations):
        b.primary_key(table, [column], line)
    if re.search(r"@(?:\w+:)?Column\s*\([^)]*unique\s*=\s*true", annotations):
        b.index(table, [column], line, unique=True)
