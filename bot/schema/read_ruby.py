"""Rails: `db/schema.rb` (a snapshot) and `db/migrate/*.rb` (history), line by line.

The DSL is regular enough that each statement sits on one line; `create_table` blocks
are tracked so `t.string :email` lands in the right table.
"""

from __future__ import annotations

from bot import lazyre as re
from bot.schema.builder import Builder
from bot.schema.model import norm, singular

_CREATE = re.compile(r"^\s*create_table\s*\(?\s*[:\"']([\w.]+)\"?'?(.*)$")
_CHANGE = re.compile(r"^\s*change_table\s*\(?\s*[:\"']([\w.]+)")
_END = re.compile(r"^\s*end\b")
_T_COLUMN = re.compile(r"^\s*t\.(\w+)\s*\(?\s*(.*)$")
_SYMBOLS = re.compile(r"[:\"']([\w.]+)[\"']?")
_STMT = re.compile(
    r"^\s*(add_index|add_column|add_reference|add_belongs_to|add_foreign_key"
    r"|remove_index|remove_column|remove_reference|rename_column|drop_table"
    r"|rename_table|execute)\b\s*\(?\s*(.*)$"
)
_OPTION = re.compile(r"(\w+):\s*(\"[^\"]*\"|'[^']*'|:\w+|\[[^\]]*\]|\w+)")
_NOT_COLUMNS = {
    "timestamps",
    "index",
    "remove",
    "rename",
    "foreign_key",
    "check_constraint",
    "remove_index",
    "remove_references",
    "change",
    "change_default",
    "column",
}


def _options(text: str) -> dict[str, str]:
    return {m.group(1): m.group(2).strip("\"':") for m in _OPTION.finditer(text)}


def _columns_arg(text: str) -> tuple[list[str], str]:
    """The column list (symbol, string or array) at the start of `text`, and the rest.
    A string that is not a plain name is an expression (`"lower(email)"`)."""
    text = text.strip().lstrip(",").strip()
    if text.startswith("["):
        end = text.find("]")
        return [m.group(1) for m in _SYMBOLS.finditer(text[1:end])], text[end + 1 :]
    string = re.match(r"(\"[^\"]*\"|'[^']*')", text)
    if string:
        value = string.group(1)[1:-1]
        if re.fullmatch(r"\w+", value):
            return [value], text[string.end() :]
        parts = [p.strip() for p in value.split(",")]
        return [p if re.fullmatch(r"\w+", p) else f"({p.lower()})" for p in parts], text[
            string.end() :
        ]
    symbol = re.match(r":(\w+)", text)
    if symbol:
        return [symbol.group(1)], text[symbol.end() :]
    return [], text


def rails_index_name(table: str, columns: list[str]) -> str:
    return f"index_{norm(table)}_on_{'_and_'.join(columns)}"


def read_rails(b: Builder, text: str) -> None:
    current: str | None = None
    indent = 0
    for number, line in enumerate(text.splitlines(), start=1):
        code = line.split("#", 1)[0] if "#{" not in line else line
        created = _CREATE.match(code)
        if created:
            current = norm(created.group(1))
            indent = len(code) - len(code.lstrip())
            options = _options(created.group(2))
            b.table(current, number)
            if options.get("id") != "false":
                pk = options.get("primary_key", "id")
                b.primary_key(current, [pk], number)
            continue
        changed = _CHANGE.match(code)
        if changed:
            current = norm(changed.group(1))
            indent = len(code) - len(code.lstrip())
            continue
        if current and _END.match(code) and len(code) - len(code.lstrip()) <= indent:
            current = None
            continue
        if current:
            _table_line(b, current, code, number)
            continue
        stmt = _STMT.match(code)
        if stmt:
            _statement(b, stmt.group(1), stmt.group(2), number)


def _table_line(b: Builder, table: str, code: str, number: int) -> None:
    match = _T_COLUMN.match(code)
    if not match:
        return
    kind, rest = match.group(1), match.group(2)
    if kind == "index":
        cols, after = _columns_arg(rest)
        opts = _options(after)
        b.index(
            table,
            cols,
            number,
            name=opts.get("name") or rails_index_name(table, cols),
            unique=opts.get("unique") == "true",
            partial="where" in opts,
            predicate=opts.get("where", ""),
        )
        return
    if kind in {"timestamps"}:
        b.column(table, "created_at", number, type="datetime", nullable=False)
        b.column(table, "updated_at", number, type="datetime", nullable=False)
        return
    if kind in _NOT_COLUMNS:
        return
    names, after = _columns_arg(rest)
    opts = _options(after)
    for name in names:
        if kind in {"references", "belongs_to"}:
            _reference(b, table, name, opts, number)
            continue
        b.column(table, name, number, type=kind, nullable=opts.get("null") != "false")
        unique = bool(re.search(r"\bindex:\s*\{[^}]*unique:\s*true", after))
        if unique or opts.get("index") == "true" or re.search(r"\bindex:\s*\{", after):
            b.index(table, [name], number, name=rails_index_name(table, [name]), unique=unique)


def _reference(b: Builder, table: str, name: str, opts: dict[str, str], number: int) -> None:
    column = f"{name}_id"
    b.column(table, column, number, type="bigint", nullable=opts.get("null") != "false")
    if opts.get("polymorphic") == "true":
        b.column(table, f"{name}_type", number, type="string")
        cols = [f"{name}_type", column]
    else:
        cols = [column]
    if opts.get("index") != "false":
        b.index(table, cols, number, name=rails_index_name(table, cols))
    if opts.get("foreign_key") not in (None, "false"):
        target = opts.get("to_table") or _plural(name)
        b.foreign_key(table, [column], target, number, ["id"])


def _plural(name: str) -> str:
    from bot.schema.model import plural

    return plural(name)


def _statement(b: Builder, verb: str, rest: str, number: int) -> None:
    table_match = re.match(r"\s*[:\"']([\w.]+)[\"']?\s*,?\s*(.*)$", rest)
    if verb == "execute":
        from bot.schema.read_sql import read_sql

        sql = re.match(r"\s*(?:<<~?\w+|\"(.*)\"|'(.*)')", rest)
        if sql and (sql.group(1) or sql.group(2)):
            read_sql(b, sql.group(1) or sql.group(2) or "", number - 1)
        return
    if not table_match:
        return
    table, rest = table_match.group(1), table_match.group(2)
    if verb == "drop_table":
        b.drop_table(table)
    elif verb == "rename_table":
        names = _SYMBOLS.findall(rest)
        if names:
            b.rename_table(table, names[0])
    elif verb == "add_index":
        cols, after = _columns_arg(rest)
        opts = _options(after)
        b.index(
            table,
            cols,
            number,
            name=opts.get("name") or rails_index_name(table, [c.strip("()") for c in cols]),
            unique=opts.get("unique") == "true",
            partial="where" in opts,
            predicate=opts.get("where", ""),
        )
    elif verb == "remove_index":
        opts = _options(rest)
        cols, _ = _columns_arg(rest)
        if "column" in opts and not cols:
            cols, _ = _columns_arg(rest[rest.find("column:") + 7 :])
        b.drop_index(table, opts.get("name") or (rails_index_name(table, cols) if cols else None))
    elif verb == "add_column":
        names, after = _columns_arg(rest)
        kind = re.match(r"\s*,\s*:(\w+)", after)
        opts = _options(after)
        for name in names:
            b.column(
                table,
                name,
                number,
                type=kind.group(1) if kind else None,
                nullable=opts.get("null") != "false",
            )
    elif verb in {"add_reference", "add_belongs_to"}:
        names, after = _columns_arg(rest)
        opts = _options(after)
        for name in names:
            _reference(b, table, name, opts, number)
    elif verb == "add_foreign_key":
        names, after = _columns_arg(rest)
        opts = _options(after)
        if names:
            column = opts.get("column") or f"{singular(names[0])}_id"
            b.foreign_key(table, [column], names[0], number, [opts.get("primary_key", "id")])
    elif verb == "remove_column":
        for name in _columns_arg(rest)[0]:
            b.drop_column(table, name)
    elif verb == "remove_reference":
        for name in _columns_arg(rest)[0]:
            b.drop_column(table, f"{name}_id")
    elif verb == "rename_column":
        names = _SYMBOLS.findall(rest)
        if len(names) >= 2:
            b.rename_column(table, names[0], names[1])
