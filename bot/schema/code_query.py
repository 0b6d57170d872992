"""Queries written in application code, per ORM and as raw SQL strings: which table,
which line, and what the query filters, joins and sorts on.

Everything here reads code the change added; a query whose model or columns the schema
does not know yields nothing (the checks would only guess).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bot import lazyre as re
from bot.lines import line_of as _line
from bot.schema.model import Schema, Table, singular, snake
from bot.schema.sql_query import TableUse, fragment_uses, order_uses, uses


@dataclass(frozen=True)
class Query:
    line: int
    table: Table
    use: TableUse


def _balanced(text: str, open_at: int) -> str:
    """The text inside the bracket at `open_at` up to its match (quotes respected)."""
    depth, quote, i = 0, "", open_at
    while i < len(text) and i < open_at + 4000:
        char = text[i]
        if quote:
            if char == "\\":
                i += 2
                continue
            if char == quote:
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                return text[open_at + 1 : i]
        i += 1
    return text[open_at + 1 : i]


def _top_level(args: str) -> list[str]:
    """Split arguments at commas outside brackets and strings."""
    parts, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(args):
        if quote:
            if char == quote and args[i - 1] != "\\":
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(args[start:i])
            start = i + 1
    parts.append(args[start:])
    return [p.strip() for p in parts if p.strip()]


def _resolve(table: Table, names: list[str]) -> list[str] | None:
    """Columns for code-side names; None when one is unknown (then say nothing)."""
    out = []
    for name in names:
        if name.startswith("("):
            out.append(name)
            continue
        column = table.column(name)
        if column is None:
            return None
        out.append(column)
    return out


def _query(
    schema: Schema, table: Table | None, line: int, filters: list[str], orders: Sequence[str] = ()
) -> Query | None:
    if table is None:
        return None
    f = _resolve(table, filters)
    # A sort key the code computes (`order: [[sort, dir]]`) says nothing about the filter.
    o = [c for c in (_resolve(table, [name]) for name in orders) if c]
    o_flat = [c[0] for c in o]
    if f is None or not (f or o_flat):
        return None
    return Query(line, table, TableUse(table.name, f, [], o_flat if not f else []))


# --- raw SQL in string literals ---------------------------------------------------------

_STRING = re.compile(
    r'"""([\s\S]*?)"""|\'\'\'([\s\S]*?)\'\'\'|`([^`]*)`|"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\''
)
_SQL_START = re.compile(
    r"^\s*(SELECT|UPDATE|DELETE)\b[\s\S]*\b(WHERE|JOIN|ORDER\s+BY)\b", re.IGNORECASE
)


def _may_name_a_table(body: str, schema: Schema) -> bool:
    """Whether a table of the schema can be one the query reads. The tables `uses`
    finds are the query's own identifiers, so a table whose name is nowhere in the text
    (case aside) cannot be among them, and a query naming none is not parsed: in a
    large change most string-built SQL is about tables the change's schema lacks.
    Identifiers spelled with escapes (`"a""b"`, `U&"..."`) are always parsed."""
    low = body.lower()
    if '""' in low or 'u&"' in low:
        return True
    return any(name in low for name in schema.tables)


def raw_sql(text: str, schema: Schema) -> Iterator[Query]:
    for match in _STRING.finditer(text):
        body = next(g for g in match.groups() if g is not None)
        if not _SQL_START.match(body) or not _may_name_a_table(body, schema):
            continue
        line = _line(text, match.start())
        for use in uses(body):
            table = schema.table(use.table)
            if table is None:
                continue
            if all(
                c.startswith("(") or c in table.columns
                for c in use.filters + use.joins + use.orders
            ):
                yield Query(line, table, use)


# --- Python: Django and SQLAlchemy -----------------------------------------------------

_DJANGO = re.compile(r"\b([A-Z]\w*)\.objects\b")
_DJANGO_CALL = re.compile(r"\.(filter|exclude|get|order_by|get_or_create|update_or_create)\(")
_LOOKUPS = {"exact", "in", "gt", "gte", "lt", "lte", "range", "isnull", "startswith"}
_FUNCTION_LOOKUPS = {"iexact": "upper", "istartswith": "upper", "date": "date"}


def _chain(text: str, start: int) -> str:
    """A method chain from `start`, across lines while it continues with `.`."""
    end = start
    while end < len(text):
        match = re.match(r"[\w.]*", text[end:])
        end += match.end() if match else 0
        if end < len(text) and text[end] in "([":
            end += len(_balanced(text, end)) + 2
            continue
        rest = re.match(r"\s*\\?\s*\n\s*(?=\.)", text[end:])
        if rest:
            end += rest.end()
            continue
        break
    return text[start:end]


def _django_parts(table: Table, chain: str) -> tuple[list[str], list[str]]:
    filters: list[str] = []
    orders: list[str] = []
    for call in _DJANGO_CALL.finditer(chain):
        args = _top_level(_balanced(chain, call.end() - 1))
        if call.group(1) == "order_by":
            orders += [a.strip("\"'-") for a in args if re.fullmatch(r"[\"']-?\w+[\"']", a)]
            continue
        if call.group(1) == "exclude":
            continue
        filters = _django_lookups(table, args, filters)
        if not filters:
            break
    return filters, orders


def _django_lookups(table: Table, args: list[str], filters: list[str]) -> list[str]:
    """`filters` extended by keyword lookups; empty when a lookup is one we cannot read."""
    for arg in args:
        key = re.match(r"(\w+)\s*=(?!=)", arg)
        if not key:
            continue
        name, *lookup = key.group(1).split("__")
        if name in {"defaults", "pk", "id"} or len(lookup) > 1:
            # `id__in=ids` narrows by the primary key as `id=` does.
            if name in {"pk", "id"} and (not lookup or lookup == ["in"] or lookup == ["exact"]):
                filters.append("id")
            continue
        if lookup and lookup[0] in _FUNCTION_LOOKUPS:
            column = table.column(name)
            if column:
                filters.append(f"({_FUNCTION_LOOKUPS[lookup[0]]}({column}))")
        elif not lookup or lookup[0] in _LOOKUPS:
            filters.append(name)
        else:
            return []
    return filters


_GET_MODEL = re.compile(
    r"\b(\w+)\s*=\s*(?:\w+\.)?get_model\(\s*[\"'](?:\w+\.)?(?:\w+[\"']\s*,\s*[\"'])?(\w+)[\"']"
)
# Anchored on the literal call, then read backwards: scanning every word of a file for
# `name.attr.` costs more than the rest of the reader.
_MANAGER = re.compile(r"\.(?:objects|_default_manager)\b")
_DJANGO_REVERSE = re.compile(r"\.(?:all\(\)\.)?(?:filter|get|order_by|exclude)\(")
_RECEIVER = re.compile(r"(?<![\w.])((?:\w+\.)*)(\w+)$")


def _receiver(text: str, at: int) -> re.Match[str] | None:
    """`a.b` (or `b`) right before `at`, on the same line."""
    return _RECEIVER.search(text, max(text.rfind("\n", 0, at) + 1, at - 200), at)


_GET_OR_404 = re.compile(r"\bget_(?:object|list)_or_404\(\s*(\w+)\s*,")


def django(text: str, schema: Schema) -> Iterator[Query]:
    # `Note = apps.get_model("notes", "Note")` in data migrations and signal handlers.
    aliases = (
        {m.group(1): m.group(2) for m in _GET_MODEL.finditer(text)} if "get_model" in text else {}
    )

    def emit(at: int, table: Table, chain: str, implied: Sequence[str] = ()) -> Iterator[Query]:
        filters, orders = _django_parts(table, chain)
        query = _query(schema, table, _line(text, at), [*implied, *filters], orders)
        if query is not None:
            yield query

    for manager in _MANAGER.finditer(text):
        match = _receiver(text, manager.start())
        if match is None:
            continue
        name = match.group(2)
        table = schema.model_table(aliases.get(name, name))
        if table is not None:
            yield from emit(match.start(2), table, _chain(text, match.start(2)))
    # Reverse managers: `request.user.note_set.filter(...)` / `user.notes.filter(...)`
    # read `notes.user_id = ?` first; a table without that key column stays silent.
    for call in _DJANGO_REVERSE.finditer(text):
        match = _receiver(text, call.start())
        if match is None or not match.group(1):
            continue
        receiver, related = match.group(1).rstrip(".").rsplit(".", 1)[-1], match.group(2)
        related = related.removesuffix("_set")
        if related in {"objects", "_default_manager"} or receiver in aliases:
            continue
        table = _model_named(schema, related)
        key = _owner_key(table, receiver) if table is not None else None
        if table is None or key is None:
            continue
        yield from emit(match.start(2), table, _chain(text, match.start(2)), [key])
    for match in _GET_OR_404.finditer(text) if "_or_404(" in text else ():
        name = match.group(1)
        table = schema.model_table(aliases.get(name, name))
        if table is None:
            continue
        args = _top_level(_balanced(text, text.index("(", match.start())))[1:]
        filters = _django_lookups(table, args, [])
        query = _query(schema, table, _line(text, match.start()), filters)
        if query is not None:
            yield query


_SA_COMPARE = re.compile(
    r"(?:func\.(lower|upper|date)\(\s*)?\b([A-Z]\w*)\.(\w+)\s*\)?\s*(==|>=|<=|>|<|\.in_\(|\.is_\(|\.like\()"
)
_SA_CALL = re.compile(r"\.(filter|where|filter_by|order_by)\(")
_SA_FROM = re.compile(r"(?:query|select)\(\s*([A-Z]\w*)\b")


def sqlalchemy(text: str, schema: Schema) -> Iterator[Query]:
    for match in re.finditer(r"\b(?:\w+\.)*(?:query|select)\(", text):
        chain = _chain(text, match.start())
        source = _SA_FROM.search(chain)
        per_table: dict[str, tuple[Table, list[str], list[str]]] = {}
        for call in _SA_CALL.finditer(chain):
            args = _balanced(chain, call.end() - 1)
            if call.group(1) == "filter_by" and source:
                table = schema.model_table(source.group(1))
                if table is not None:
                    entry = per_table.setdefault(table.name, (table, [], []))
                    entry[1].extend(m.group(1) for m in re.finditer(r"(\w+)\s*=(?!=)", args))
                continue
            if call.group(1) == "order_by":
                for part in _top_level(args):
                    order = re.match(r"([A-Z]\w*)\.(\w+)", part)
                    table = schema.model_table(order.group(1)) if order else None
                    if order and table is not None:
                        per_table.setdefault(table.name, (table, [], []))[2].append(order.group(2))
                continue
            if re.search(r"\bor_\(|\|", args):
                continue
            for compare in _SA_COMPARE.finditer(args):
                table = schema.model_table(compare.group(2))
                if table is None:
                    continue
                column = table.column(compare.group(3)) or compare.group(3)
                key = f"({compare.group(1)}({column}))" if compare.group(1) else compare.group(3)
                per_table.setdefault(table.name, (table, [], []))[1].append(key)
        for table, filters, orders in per_table.values():
            query = _query(schema, table, _line(text, match.start()), filters, orders)
            if query is not None:
                yield query


# --- Ruby: ActiveRecord -----------------------------------------------------------------

_AR_FINDERS = r"where|find_by!?|order|not|find_by_\w+?!?(?=[\s(])"
_AR = re.compile(rf"\b([A-Z]\w*)((?:\.[a-z_]\w*[?!]?)*?)\.({_AR_FINDERS})\b")
_AR_CALL = re.compile(r"(?:^|\.)(where|find_by!?|order|not|find_by_(\w+?)!?)(?:\(|\s+(?=[:\"'\w]))")
_AR_MODEL = re.compile(
    r"^\s*class\s+(?:\w+::)*(\w+)\s*<\s*(?:ApplicationRecord|ActiveRecord::Base)\b", re.M
)
_AR_BARE = re.compile(
    r"(?<![\w.:@$])(?<!def )(?:self\.)?(where|find_by!?|order|find_by_\w+?!?)(?=\(|\s+[:\"'])"
)
_AR_LOCAL = re.compile(r"(?<![\w.])(@?[a-z_]\w*)\s*(?:\|\|)?=\s*([A-Z]\w*)\.(?=[a-z_])")
_AR_ASSOC = re.compile(rf"(?<![\w:])(@?[a-z_]\w*)\.([a-z_]\w*)\.({_AR_FINDERS})\b")


def _ar_parts(table: Table, chain: str) -> tuple[list[str], list[str]]:
    """Filters and sort keys of an ActiveRecord chain (hash, hash-rocket or SQL fragment)."""
    filters: list[str] = []
    orders: list[str] = []
    for call in _AR_CALL.finditer(chain):
        if call.group(1) == "not":
            continue
        if call.group(2):
            filters += call.group(2).split("_and_")
            continue
        args = (
            _balanced(chain, call.end() - 1)
            if chain[call.end() - 1] == "("
            else chain[call.end() :].split("\n")[0]
        )
        strings = re.match(r"\s*[\"']([^\"']+)[\"']\s*(?:,|$)", args)
        if call.group(1) == "order":
            if strings:
                orders += order_uses(table.name, strings.group(1))
            else:
                orders += re.findall(r"(?:^|,)\s*:?(\w+)(?::\s*:\w+)?", args)[:1]
            continue
        if strings:
            found = fragment_uses(table.name, strings.group(1))
            if found is not None:
                filters += found.filters
            continue
        filters += re.findall(r"(?:^|[,{(]\s*)(\w+):\s*(?!:)", args)
        # Hash-rocket conditions: `where(:creator => user)`, `where("state" => x)`.
        filters += re.findall(r"(?:^|[,{(]\s*):?[\"']?(\w+)[\"']?\s*=>", args)
    return filters, orders


def _model_named(schema: Schema, name: str) -> Table | None:
    """The table behind an association or collection name (`notes`, `web_hooks`)."""
    camel = "".join(p[:1].upper() + p[1:] for p in singular(name).split("_"))
    return schema.table(name) or schema.model_table(camel)


def _owner_key(table: Table, receiver: str) -> str | None:
    """The key column an association adds (`@user.notes` -> `notes.user_id = ?`), or None
    when the table has no such column (another foreign key name: stay silent)."""
    owner = receiver.lstrip("@").removeprefix("current_")
    column = f"{singular(owner)}_id"
    return column if column in table.columns else None


def active_record(text: str, schema: Schema) -> Iterator[Query]:
    seen: set[int] = set()

    def emit(at: int, table: Table, chain: str, implied: Sequence[str] = ()) -> Iterator[Query]:
        if at in seen:
            return
        seen.add(at)
        filters, orders = _ar_parts(table, chain)
        query = _query(schema, table, _line(text, at), [*implied, *filters], orders)
        if query is not None:
            yield query

    for match in _AR.finditer(text):
        table = schema.model_table(match.group(1))
        steps = [s.rstrip("?!") for s in match.group(2).split(".") if s]
        # `User.current.notes.where`: a step that names a table is an association.
        if table is None or any(_model_named(schema, s) for s in steps):
            continue
        chain = _chain(text, match.start())
        yield from emit(match.start(), table, chain[chain.find(".", len(match.group(1))) :])
    # A local holding a relation: `scope = Project.where(owner_id: id)`; `scope.where(...)`.
    locals_: dict[str, tuple[Table, list[str]]] = {}
    for match in _AR_LOCAL.finditer(text):
        table = schema.model_table(match.group(2))
        if table is None:
            continue
        base = _chain(text, match.start(2))
        locals_[match.group(1)] = (table, _ar_parts(table, base)[0])
    for name, (table, base_filters) in locals_.items():
        for use in re.finditer(rf"(?<![\w.@]){re.escape(name)}\.(?=(?:{_AR_FINDERS})\b)", text):
            chain = _chain(text, use.start())
            yield from emit(use.end(), table, chain[len(name) :], base_filters)
    for match in _AR_ASSOC.finditer(text):
        receiver, association = match.group(1), match.group(2)
        if receiver in locals_ or receiver in {"params", "request", "session"}:
            continue
        if receiver == "self":
            model = _enclosing_model(text, match.start())
            receiver = snake(model) if model else ""
        table = _model_named(schema, association)
        key = _owner_key(table, receiver) if table is not None and receiver else None
        if table is None or key is None:
            continue
        chain = _chain(text, match.start(3))
        yield from emit(match.start(3), table, "." + chain, [key])
    # Scopes and class methods of a model: `scope :open, -> { where(state: "open") }`.
    for match in _AR_BARE.finditer(text) if _AR_MODEL.search(text) else ():
        line_start = text.rfind("\n", 0, match.start()) + 1
        if text[line_start : match.start()].lstrip().startswith("#"):
            continue
        model = _enclosing_model(text, match.start())
        table = schema.model_table(model) if model else None
        if table is None:
            continue
        chain = _chain(text, match.start(1))
        yield from emit(match.start(1), table, "." + chain)


def _enclosing_model(text: str, at: int) -> str | None:
    """The ActiveRecord model class whose body holds `at` (the nearest one above)."""
    found = None
    for model in _AR_MODEL.finditer(text, 0, at):
        found = model.group(1)
    return found


# --- JavaScript / TypeScript: Prisma, Sequelize, TypeORM, Knex ------------------------

_PRISMA = re.compile(
    r"\b(?:prisma|tx|db|client)\.(\w+)\.(findMany|findFirst|findFirstOrThrow|count|updateMany|deleteMany|aggregate|groupBy)\("
)
_SEQUELIZE = re.compile(
    r"\b([A-Z]\w*)\.(findAll|findOne|findAndCountAll|count|destroy|findOneBy|findBy|find)\("
)
_TYPEORM_REPO = re.compile(
    r"\b(?:this\.)?(\w+)\.(find|findOne|findBy|findOneBy|findAndCount|count|countBy|delete)\("
)


def _object_keys(obj: str) -> list[str]:
    return [
        m.group(1) for m in re.finditer(r"(?:^|,)\s*[\"']?(\w+)[\"']?\s*(?=[:,]|$)", _flat(obj))
    ]


def _flat(obj: str) -> str:
    """Top level of an object literal's body: nested brackets blanked out."""
    out, depth, quote = [], 0, ""
    for char in obj:
        if quote:
            if char == quote:
                quote = ""
            out.append(" " if depth else char)
            continue
        if char in "\"'`":
            quote = char
        if char in "([{":
            out.append(char if depth == 0 else " ")
            depth += 1
            continue
        if char in ")]}":
            depth -= 1
            out.append(char if depth == 0 else " ")
            continue
        out.append(char if depth == 0 else " ")
    return "".join(out)


def _where_and_order(args: str) -> tuple[list[str], list[str]] | None:
    body = args.strip()
    if not body.startswith("{"):
        return None
    inner = _balanced(body, 0)
    where = re.search(r"(?:^|[\s,])where\s*:\s*\{", _flat(inner))
    order = re.search(r"(?:^|[\s,])(?:orderBy|order)\s*:\s*([\[{])", _flat(inner))
    filters: list[str] = []
    if where:
        where_body = _balanced(inner, where.end() - 1)
        if re.search(r"\b(?:OR|NOT|\[Op\.or\])\s*:", _flat(where_body)):
            return None
        filters = [k for k in _object_keys(where_body) if k not in {"AND"}]
    orders: list[str] = []
    if order:
        order_body = _balanced(inner, order.end() - 1)
        first = re.search(r"^\s*\[?\s*(?:[\"'](\w+)[\"']|\{?\s*(\w+)\s*:)", order_body)
        if first:
            orders = [first.group(1) or first.group(2)]
    return filters, orders


def js_orm(text: str, schema: Schema) -> Iterator[Query]:
    repos = {
        m.group(1): m.group(2)
        for m in re.finditer(
            r"(\w+)\s*[:=]\s*(?:Repository<|\w+\.getRepository\(|getRepository\()\s*(\w+)", text
        )
    }
    repos.update(
        {
            m.group(2): m.group(1)
            for m in re.finditer(
                r"@InjectRepository\(\s*(\w+)\s*\)\s*(?:private|public|protected)?\s*(?:readonly\s+)?(\w+)",
                text,
            )
        }
    )
    seen: set[int] = set()
    for pattern, model_of in (
        (_PRISMA, lambda m: m.group(1)),
        (_SEQUELIZE, lambda m: m.group(1)),
        (_TYPEORM_REPO, lambda m: repos.get(m.group(1), "")),
    ):
        for match in pattern.finditer(text):
            if match.start() in seen:
                continue
            table = schema.model_table(model_of(match))
            if table is None:
                continue
            seen.add(match.start())
            args = _balanced(text, match.end() - 1)
            parsed: tuple[list[str], list[str]] | None
            if match.group(2) in {"findOneBy", "findBy", "countBy"}:
                parsed = (
                    (_object_keys(_balanced(args.strip(), 0)), [])
                    if args.strip().startswith("{")
                    else None
                )
            else:
                parsed = _where_and_order(args)
            if parsed is None:
                continue
            query = _query(schema, table, _line(text, match.start()), parsed[0], parsed[1])
            if query is not None:
                yield query


_KNEX = re.compile(
    r"\b(?:knex|db|trx)\(\s*[\"'](\w+)[\"']\s*\)|\.(?:from|table)\(\s*[\"'](\w+)[\"']\s*\)"
)


def _knex_parts(chain: str) -> tuple[list[str], list[str]]:
    filters: list[str] = []
    orders: list[str] = []
    for call in re.finditer(r"\.(where|andWhere|orderBy|whereIn|first)\(", chain):
        args = _balanced(chain, call.end() - 1).strip()
        if call.group(1) == "orderBy":
            first = re.match(r"[\"'](\w+)[\"']", args)
            orders += [first.group(1)] if first else []
        elif args.startswith("{"):
            filters += _object_keys(_balanced(args, 0))
        else:
            first = re.match(r"[\"'](?:\w+\.)?(\w+)[\"']", args)
            filters += [first.group(1)] if first else []
    return filters, orders


_KNEX_LOCAL = re.compile(
    r"\b(?:const|let|var)\s+(\w+)\s*=\s*(?:await\s+)?(?:knex|db|trx)\(\s*[\"'](\w+)[\"']\s*\)"
)


def knex(text: str, schema: Schema) -> Iterator[Query]:
    for match in _KNEX.finditer(text):
        table = schema.table(match.group(1) or match.group(2))
        if table is None:
            continue
        filters, orders = _knex_parts(_chain(text, match.end()))
        query = _query(schema, table, _line(text, match.start()), filters, orders)
        if query is not None:
            yield query
    # A builder held in a variable: `const q = knex("links"); ... q.where("slug", s)`.
    for match in _KNEX_LOCAL.finditer(text):
        table = schema.table(match.group(2))
        if table is None:
            continue
        base = _knex_parts(_chain(text, match.end()))[0]
        name = re.escape(match.group(1))
        uses = rf"(?<![\w.]){name}\s*\.\s*(?=(?:where|andWhere|orderBy|whereIn|first)\()"
        for use in re.finditer(uses, text[match.end() :]):
            at = match.end() + use.start()
            filters, orders = _knex_parts(_chain(text, at)[len(match.group(1)) :])
            query = _query(schema, table, _line(text, at), [*base, *filters], orders)
            if query is not None:
                yield query


# --- Go: GORM ---------------------------------------------------------------------------


def _go_statement(text: str, index: int) -> str:
    """The statement around `index`: Go chains continue after a trailing dot."""
    start = text.rfind("\n", 0, index) + 1
    while start > 1 and text[: start - 1].rstrip().endswith("."):
        start = text.rfind("\n", 0, start - 1) + 1
    end = text.find("\n", index)
    while end != -1 and text[:end].rstrip().endswith("."):
        end = text.find("\n", end + 1)
    return text[start : end if end != -1 else len(text)]


def gorm(text: str, schema: Schema) -> Iterator[Query]:
    types = {
        m.group(1): m.group(2)
        for m in re.finditer(r"\b(\w+)\s*(?::=\s*&?|\s+\*?)(?:\[\])?([A-Z]\w*)\b", text)
    }
    for match in re.finditer(r"\.(Where|Order)\(\s*\"([^\"]+)\"", text):
        chain = _go_statement(text, match.start())
        model = re.search(r"\.Model\(\s*&?([A-Z]\w*)\{", chain) or re.search(
            r"\.(?:First|Find|Take|Last)\(\s*&(\w+)", chain
        )
        table_call = re.search(r"\.Table\(\s*\"(\w+)\"", chain)
        table = schema.table(table_call.group(1)) if table_call else None
        if table is None and model:
            name = model.group(1)
            table = schema.model_table(types.get(name, name))
        if table is None:
            continue
        line = _line(text, match.start())
        if match.group(1) == "Order":
            query = _query(schema, table, line, [], order_uses(table.name, match.group(2)))
        else:
            found = fragment_uses(table.name, match.group(2))
            query = _query(schema, table, line, found.filters if found else [])
        if query is not None:
            yield query


# --- PHP: Eloquent / query builder; JVM: Spring Data derived queries --------------------

_ELOQUENT = re.compile(
    r"\b([A-Z]\w*)::(\w+)\(|DB::table\(\s*[\"'](\w+)[\"']\s*\)"
    r"|\$this->([a-z]\w*)->(?=(?:where|firstWhere|orderBy|whereIn)\()"
    r"|\$(\w+)->([a-z]\w*)\(\)->(?=(?:where|firstWhere|orderBy|whereIn)\()"
)
_ELOQUENT_CALL = re.compile(r"(?:->|::)(where|firstWhere|orderBy|whereIn)\(")


def eloquent(text: str, schema: Schema) -> Iterator[Query]:
    for match in _ELOQUENT.finditer(text):
        implied: list[str] = []
        if match.group(3):
            table = schema.table(match.group(3))
        elif match.group(1):
            # `Page::visible()->where(...)`: a local scope first; its own filter is unknown.
            table = schema.model_table(match.group(1))
        elif match.group(4):
            # `$this->book->where(...)`: a model injected under its own name.
            table = schema.model_table(match.group(4)[:1].upper() + match.group(4)[1:])
        else:
            # A relation: `$user->posts()->where(...)` reads `posts.user_id = ?` first.
            table = _model_named(schema, snake(match.group(6)))
            key = _owner_key(table, snake(match.group(5))) if table is not None else None
            if key is None:
                continue
            implied = [key]
        if table is None:
            continue
        end = text.find(";", match.start())
        chain = text[match.start() : end if end != -1 else len(text)]
        filters: list[str] = []
        orders: list[str] = []
        for call in _ELOQUENT_CALL.finditer(chain):
            first = re.match(r"\s*[\"'](\w+)[\"']", _balanced(chain, call.end() - 1))
            if first:
                (orders if call.group(1) == "orderBy" else filters).append(first.group(1))
        query = _query(schema, table, _line(text, match.start()), [*implied, *filters], orders)
        if query is not None:
            yield query


def spring_data(text: str, schema: Schema) -> Iterator[Query]:
    repo = re.search(r"(?:JpaRepository|CrudRepository|PagingAndSortingRepository)<\s*(\w+)", text)
    table = schema.model_table(repo.group(1)) if repo else None
    if table is None:
        return
    for match in re.finditer(
        r"\b(?:find|count|exists|delete|read|get)(?:First|Top\d*|All|Distinct)?By(\w+)\s*\(", text
    ):
        spec = match.group(1)
        order = re.search(r"OrderBy(\w+?)(?:Asc|Desc)?$", spec)
        spec = spec[: order.start()] if order else spec
        if "Or" in re.findall(r"(?<=[a-z0-9])(And|Or)(?=[A-Z])", spec):
            continue
        parts = re.split(r"(?<=[a-z0-9])And(?=[A-Z])", spec)
        filters = []
        for part in parts:
            bare = re.sub(
                r"(IgnoreCase|GreaterThan(?:Equal)?|LessThan(?:Equal)?|Between|In|IsNull|IsNotNull|Before|After|StartingWith|Not)$",
                "",
                part,
            )
            name = bare[:1].lower() + bare[1:]
            filters.append(
                f"(upper({table.column(name) or name}))" if part.endswith("IgnoreCase") else name
            )
        query = _query(
            schema,
            table,
            _line(text, match.start()),
            filters,
            [order.group(1)] if order and not filters else [],
        )
        if query is not None:
            yield query


READERS = {
    "python": (django, sqlalchemy),
    "ruby": (active_record,),
    "javascript": (js_orm, knex),
    "typescript": (js_orm, knex),
    "go": (gorm,),
    "php": (eloquent,),
    "java": (spring_data,),
    "kotlin": (spring_data,),
}


def queries(text: str, language: str, schema: Schema) -> Iterator[Query]:
    for reader in READERS.get(language, ()):
        yield from reader(text, schema)
    yield from raw_sql(text, schema)
