"""What a SQL query asks of each table: the columns (or expressions) it filters on,
the columns it joins on, and what it sorts by. Parsed by sqlglot."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from bot import lazyre as re
from bot.schema.read_sql import expression_key

_COMPARE = (exp.EQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.In, exp.Between, exp.Like, exp.ILike)


@dataclass
class TableUse:
    table: str
    filters: list[str] = field(default_factory=list)  # column names, or "(expr)" keys
    joins: list[str] = field(default_factory=list)
    orders: list[str] = field(default_factory=list)
    # Columns tested with IS [NOT] NULL: no index is advised for them, but a partial
    # index whose WHERE repeats the test serves the query.
    nulls: list[str] = field(default_factory=list)


def _clean(sql: str) -> str:
    sql = re.sub(r"%\(\w+\)s|%s|\{\w*\}|#\{[^}]*\}|\$\{[^}]*\}", "?", sql)
    return re.sub(r"(?<![:\w]):\w+", "?", sql)


def parse_query(sql: str) -> exp.Expression | None:
    text = _clean(sql)
    for dialect in ("postgres", "mysql"):
        try:
            parsed = sqlglot.parse_one(text, read=dialect)
        except (ParseError, TokenError, ValueError):
            continue
        if isinstance(parsed, exp.Select | exp.Update | exp.Delete):
            return parsed
        return None
    return None


def _conjuncts(node: exp.Expr) -> list[exp.Expr]:
    node = node.unnest() if isinstance(node, exp.Paren) else node
    if isinstance(node, exp.And):
        return _conjuncts(node.left) + _conjuncts(node.right)
    return [node]


def _operand(node: exp.Expr) -> tuple[str | None, str] | None:
    """(qualifier, column or expression key) of a predicate's column side."""
    node = node.unnest() if isinstance(node, exp.Paren) else node
    if isinstance(node, exp.Column):
        return node.table or None, node.name.lower()
    columns = list(node.find_all(exp.Column))
    if isinstance(node, exp.Func | exp.Cast) and len(columns) == 1:
        return columns[0].table or None, expression_key(node)
    return None


def uses(sql: str) -> list[TableUse]:
    """Per table, what the query needs; empty when the text is not a query we read."""
    query = parse_query(sql)
    if query is None:
        return []
    aliases: dict[str, str] = {}
    for table in query.find_all(exp.Table):
        aliases[(table.alias or table.name).lower()] = table.name.lower()
        aliases[table.name.lower()] = table.name.lower()
    if not aliases:
        return []
    only = next(iter(set(aliases.values()))) if len(set(aliases.values())) == 1 else None
    out: dict[str, TableUse] = {}

    def use(qualifier: str | None) -> TableUse | None:
        name = aliases.get(qualifier.lower()) if qualifier else only
        return out.setdefault(name, TableUse(name)) if name else None

    where = query.args.get("where")
    if isinstance(where, exp.Where) and not any(
        isinstance(n, exp.Or) for n in _conjuncts(where.this)
    ):
        for conjunct in _conjuncts(where.this):
            tested = conjunct.this if isinstance(conjunct, exp.Not) else conjunct
            if isinstance(tested, exp.Is) and isinstance(tested.this, exp.Column):
                null_use = use(tested.this.table or None)
                if null_use is not None:
                    null_use.nulls.append(tested.this.name.lower())
                continue
            if isinstance(conjunct, exp.Not) or not isinstance(conjunct, _COMPARE):
                continue
            side = _operand(conjunct.this)
            if side is None:
                continue
            if isinstance(conjunct, exp.Like | exp.ILike):
                pattern = conjunct.expression
                if isinstance(pattern, exp.Literal) and pattern.this.startswith("%"):
                    continue  # a leading wildcard: no b-tree index helps
            target = use(side[0])
            if target is not None:
                target.filters.append(side[1])
    for join in query.args.get("joins") or []:
        joined = join.this
        if not isinstance(joined, exp.Table):
            continue
        alias = (joined.alias or joined.name).lower()
        on = join.args.get("on")
        for conjunct in _conjuncts(on) if on is not None else []:
            if not isinstance(conjunct, exp.EQ):
                continue
            for mine, other in (
                (conjunct.this, conjunct.expression),
                (conjunct.expression, conjunct.this),
            ):
                if (
                    isinstance(mine, exp.Column)
                    and isinstance(other, exp.Column)
                    and mine.table.lower() == alias
                ):
                    target = use(alias)
                    if target is not None:
                        target.joins.append(mine.name.lower())
    order = query.args.get("order")
    if isinstance(order, exp.Order) and not isinstance(where, exp.Where):
        first = order.expressions[0] if order.expressions else None
        side = _operand(first.this) if isinstance(first, exp.Ordered) else None
        if side is not None:
            target = use(side[0])
            if target is not None:
                target.orders.append(side[1])
    return [u for u in out.values() if u.filters or u.joins or u.orders]


def fragment_uses(table: str, fragment: str) -> TableUse | None:
    """A WHERE fragment written for one table (`where("lower(email) = ?")`)."""
    found = uses(f"SELECT * FROM {table} WHERE {fragment}")
    return found[0] if found else None


def order_uses(table: str, fragment: str) -> list[str]:
    found = uses(f"SELECT * FROM {table} ORDER BY {fragment}")
    return found[0].orders if found else []
