"""SQL DDL (plain migration folders, structure.sql, SQL inside framework migrations),
read with sqlglot statement by statement so one statement it cannot parse costs only
that statement."""

from __future__ import annotations

from collections.abc import Iterator

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError
from sqlglot.tokens import Token, TokenType

from bot import lazyre as re
from bot.schema.builder import Builder

_MYSQL_HINT = re.compile(r"`|\bENGINE\s*=|\bAUTO_INCREMENT\b", re.IGNORECASE)
_DDL_START = re.compile(r"\s*(?:CREATE|ALTER|DROP)\b", re.IGNORECASE)


_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)


def dialect_of(text: str) -> str:
    # A backtick in a comment (Markdown-style `name`) is prose, not MySQL quoting.
    return "mysql" if _MYSQL_HINT.search(_COMMENT.sub("", text)) else "postgres"


def statements(text: str, dialect: str) -> Iterator[tuple[int, str]]:
    """(first line, text) of each statement, split on the tokenizer's semicolons so a
    `;` inside a string or a dollar-quoted body does not split."""
    try:
        tokens = sqlglot.tokenize(text, read=dialect)
    except (TokenError, ValueError):
        return
    chunk: list[Token] = []
    for token in [*tokens, None]:
        if token is None or token.token_type is TokenType.SEMICOLON:
            if chunk:
                yield chunk[0].line, text[chunk[0].start : chunk[-1].end + 1]
            chunk = []
        else:
            chunk.append(token)


_IDENT = r'(?:[A-Za-z_][\w$]*|"[^"\n]+"|`[^`\n]+`)'
# `CREATE [UNIQUE] INDEX name ON table (col [ASC|DESC], ...)` and nothing more: the shape
# of most statements in a schema dump, read without sqlglot (a few hundred microseconds
# each, which a dump of tens of thousands of indexes multiplies into a minute). Anything
# else (expressions, INCLUDE, WHERE, WITH, prefix lengths) goes to sqlglot.
_SIMPLE_INDEX = re.compile(
    rf"\s*CREATE\s+(?P<unique>UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?"
    rf"(?P<name>{_IDENT})\s+ON\s+(?:ONLY\s+)?(?P<table>{_IDENT}(?:\s*\.\s*{_IDENT})*)\s*"
    rf"(?:USING\s+\w+\s*)?\(\s*(?P<cols>{_IDENT}(?:\s+(?:ASC|DESC))?"
    rf"(?:\s*,\s*{_IDENT}(?:\s+(?:ASC|DESC))?)*)\s*\)\s*",
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset({"concurrently", "if", "on", "only", "using"})


def _unquote(ident: str) -> str:
    return ident[1:-1] if ident[:1] in '"`' else ident


def _simple_index(b: Builder, statement: str, line: int) -> bool:
    """Read a plain index definition without sqlglot; False when it is not one."""
    m = _SIMPLE_INDEX.fullmatch(statement)
    if m is None or m.group("name").lower() in _NOT_A_NAME:
        return False
    table = _unquote(re.split(r"\s*\.\s*", m.group("table"))[-1])
    cols = [_unquote(part.split()[0]) for part in m.group("cols").split(",")]
    b.index(table, cols, line, name=_unquote(m.group("name")), unique=bool(m.group("unique")))
    return True


def read_sql(builder: Builder, text: str, line_offset: int = 0) -> None:
    dialect = dialect_of(text)
    for line, statement in statements(text, dialect):
        if not _DDL_START.match(statement):
            continue
        if _simple_index(builder, statement, line + line_offset):
            continue
        try:
            parsed = sqlglot.parse_one(statement, read=dialect)
        except (ParseError, TokenError, ValueError):
            continue
        if isinstance(parsed, exp.Expression):
            _apply(builder, parsed, statement, line + line_offset, dialect)


def _line_of(statement: str, word: str, first: int) -> int:
    match = re.search(rf"(?<![\w$]){re.escape(word)}(?![\w$])", statement, re.IGNORECASE)
    return first + statement.count("\n", 0, match.start()) if match else first


def _name(node: exp.Expression | None) -> str:
    if node is None:
        return ""
    if isinstance(node, exp.Table):
        return node.name
    return node.name if hasattr(node, "name") else node.sql()


def _apply(b: Builder, node: exp.Expression, text: str, line: int, dialect: str) -> None:
    if isinstance(node, exp.Create):
        kind = (node.args.get("kind") or "").upper()
        if kind == "TABLE":
            _create_table(b, node, text, line, dialect)
        elif kind == "INDEX":
            _create_index(b, node, line, dialect)
    elif isinstance(node, exp.Alter):
        table = _name(node.this)
        for action in node.args.get("actions") or []:
            _alter(b, table, action, text, line, dialect)
    elif isinstance(node, exp.Drop):
        kind = (node.args.get("kind") or "").upper()
        targets = node.args.get("tables") or [node.this]
        target = targets[0]
        if kind == "TABLE":
            b.drop_table(_name(target))
        elif kind == "INDEX":
            on = node.args.get("cluster") or None
            b.drop_index(_name(on) if isinstance(on, exp.Table) else None, _name(target))


def _create_table(b: Builder, node: exp.Create, text: str, line: int, dialect: str) -> None:
    schema = node.this
    if not isinstance(schema, exp.Schema):
        return
    table = _name(schema.this)
    b.table(table, line)
    # InnoDB indexes a foreign key's columns itself only when no index of the finished
    # table leads with them, so its implicit indexes are decided after every item.
    implicit: list[tuple[list[str], int]] = []
    for item in schema.expressions:
        if isinstance(item, exp.ColumnDef):
            _column(b, table, item, text, line, dialect, implicit)
        else:
            _constraint(b, table, item, text, line, dialect, implicit)
    for cols, at in implicit:
        _implicit_index(b, table, cols, at)


def _implicit_index(b: Builder, table: str, cols: list[str], at: int) -> None:
    """InnoDB's index for a foreign key, unless an index already leads with its columns."""
    b.index(table, cols, at, implicit=True)


def _column(
    b: Builder,
    table: str,
    col: exp.ColumnDef,
    text: str,
    line: int,
    dialect: str,
    implicit: list[tuple[list[str], int]] | None = None,
) -> None:
    name = col.name
    at = _line_of(text, name, line)
    kind = col.args.get("kind")
    constraints = [c.args.get("kind") for c in col.args.get("constraints") or []]
    nullable: bool | None = True
    for c in constraints:
        if isinstance(c, exp.NotNullColumnConstraint):
            nullable = bool(c.args.get("allow_null"))
    b.column(
        table, name, at, type=kind.sql(dialect=dialect).lower() if kind else None, nullable=nullable
    )
    for c in constraints:
        if isinstance(c, exp.PrimaryKeyColumnConstraint):
            b.primary_key(table, [name], at)
        elif isinstance(c, exp.UniqueColumnConstraint):
            b.index(table, [name], at, unique=True)
        elif isinstance(c, exp.Reference):
            ref = c.this
            ref_table = _name(ref.this) if isinstance(ref, exp.Schema) else _name(ref)
            ref_cols = [e.name for e in ref.expressions] if isinstance(ref, exp.Schema) else []
            b.foreign_key(table, [name], ref_table, at, ref_cols)
            if dialect == "mysql" and b.indexes_foreign_keys:  # InnoDB indexes it itself
                _fk_index(b, table, [name], at, implicit)


def _cols(node: exp.Expression | None) -> list[str]:
    if node is None:
        return []
    items = node.expressions if not isinstance(node, list) else node
    return [_index_part(e) for e in items]


def _index_part(e: exp.Expression) -> str:
    inner = e.this if isinstance(e, exp.Ordered) else e
    if isinstance(inner, exp.Column | exp.Identifier):
        return inner.name
    return expression_key(inner)


def expression_key(e: exp.Expr) -> str:
    """An indexed or queried expression in one spelling: `(lower(email))`."""
    copy = e.copy()
    for column in copy.find_all(exp.Column):
        column.set("table", None)
    return "(" + copy.sql(dialect="postgres").lower().replace('"', "") + ")"


def _fk_index(
    b: Builder, table: str, cols: list[str], at: int, implicit: list[tuple[list[str], int]] | None
) -> None:
    if implicit is None:
        _implicit_index(b, table, cols, at)  # ALTER TABLE: the table's indexes are known
    else:
        implicit.append((cols, at))


def _constraint(
    b: Builder,
    table: str,
    item: exp.Expression,
    text: str,
    line: int,
    dialect: str,
    implicit: list[tuple[list[str], int]] | None = None,
) -> None:
    kind = item
    if isinstance(item, exp.Constraint):
        kinds = item.expressions
        kind = kinds[0] if kinds else item
    if isinstance(kind, exp.PrimaryKey):
        b.primary_key(table, [_index_part(e) for e in kind.expressions], line)
    elif isinstance(kind, exp.UniqueColumnConstraint):
        this = kind.this
        cols = [_index_part(e) for e in this.expressions] if isinstance(this, exp.Schema) else []
        if cols:
            b.index(table, cols, _line_of(text, "unique", line), unique=True)
    elif isinstance(kind, exp.ForeignKey):
        cols = [e.name for e in kind.expressions]
        ref = kind.args.get("reference")
        target = ref.this if isinstance(ref, exp.Reference) else None
        if cols and isinstance(target, exp.Schema):
            at = _line_of(text, "foreign", line)
            b.foreign_key(table, cols, _name(target.this), at, [e.name for e in target.expressions])
            if dialect == "mysql" and b.indexes_foreign_keys:
                _fk_index(b, table, cols, at, implicit)
    elif isinstance(kind, exp.IndexColumnConstraint):
        cols = [_index_part(e) for e in kind.expressions]
        name = kind.this.name if kind.this is not None else None
        b.index(table, cols, _line_of(text, "index", line), name=name)


def _create_index(b: Builder, node: exp.Create, line: int, dialect: str) -> None:
    index = node.this
    if not isinstance(index, exp.Index):
        return
    table = index.args.get("table")
    params = index.args.get("params")
    if not isinstance(table, exp.Table) or params is None:
        return
    cols = [_index_part(e) for e in params.args.get("columns") or []]
    b.index(
        table.name,
        cols,
        line,
        name=index.name or None,
        unique=bool(node.args.get("unique")),
        partial=params.args.get("where") is not None,
        predicate=params.args["where"].sql() if params.args.get("where") is not None else "",
    )


def _alter(
    b: Builder, table: str, action: exp.Expression, text: str, line: int, dialect: str
) -> None:
    if isinstance(action, exp.ColumnDef):
        _column(b, table, action, text, line, dialect)
    elif isinstance(action, exp.AddConstraint):
        for item in action.expressions:
            _constraint(b, table, item, text, line, dialect)
    elif isinstance(action, exp.Drop) and (action.args.get("kind") or "").upper() == "COLUMN":
        targets = action.args.get("tables") or [action.this]
        b.drop_column(table, _name(targets[0]))
    elif isinstance(action, exp.AlterColumn) and action.args.get("dtype") is not None:
        # Kept so a later migration's type change is judged against this type.
        kind = action.args["dtype"].sql(dialect=dialect).lower()
        b.column(table, _name(action.this), line, type=kind)
    elif isinstance(action, exp.RenameColumn):
        b.rename_column(table, _name(action.this), _name(action.args.get("to")))
    elif isinstance(action, exp.AlterRename):
        b.rename_table(table, _name(action.this))
