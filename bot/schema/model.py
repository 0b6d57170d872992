"""The repository's database schema as its files declare it: tables, columns, keys,
indexes and foreign keys, each with the file and line that declared it.

Names are kept lower-case and unquoted (`public.Users` -> `users`): the checks compare
what code queries with what migrations created, and neither side agrees on case.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot import lazyre as re


def norm(name: str) -> str:
    """A table or column name as the checks compare it."""
    name = name.strip().strip("`\"'[]").strip()
    if "." in name:
        name = name.rsplit(".", 1)[1].strip("`\"'[]")
    return name.lower()


def snake(name: str) -> str:
    """`createdAt` / `CreatedAt` -> `created_at` (GORM, Sequelize underscored, JPA)."""
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name).lower()


def plural(name: str) -> str:
    """The English plural Rails, GORM and Laravel use for table names (regular cases)."""
    if re.search(r"(s|x|z|ch|sh)$", name):
        return name + "es"
    if re.search(r"[^aeiou]y$", name):
        return name[:-1] + "ies"
    return name + "s"


def singular(name: str) -> str:
    """The inverse of `plural` for regular English nouns."""
    if name.endswith("ies"):
        return name[:-3] + "y"
    if re.search(r"(s|x|z|ch|sh)es$", name):
        return name[:-2]
    if name.endswith("s") and not name.endswith("ss"):
        return name[:-1]
    return name


@dataclass(frozen=True)
class Where:
    path: str
    line: int


@dataclass(frozen=True)
class ColumnState:
    """One declaration of a column, in the order the readers applied them."""

    where: Where
    type: str | None
    nullable: bool | None
    snapshot: bool


@dataclass
class Column:
    name: str
    type: str | None = None
    nullable: bool | None = None
    where: Where | None = None
    history: list[ColumnState] = field(default_factory=list)

    def before(self, path: str) -> ColumnState | None:
        """The column as the migrations before `path` left it: the last declaration by a
        migration (not a snapshot, which states the end result) applied before the
        first one in `path`. A schema that does not hold `path` (read from the base
        branch) is all before it, snapshots included."""
        states: list[ColumnState] = []
        for state in self.history:
            if state.where.path == path:
                return states[-1] if states else None
            if not state.snapshot:
                states.append(state)
        return self.history[-1] if self.history else None


@dataclass
class Index:
    columns: tuple[str, ...]  # plain columns in order; an expression part is "(...)" text
    name: str | None = None
    unique: bool = False
    partial: bool = False
    where: Where | None = None
    # Declared by a snapshot (schema.rb, models): the final state, not one step of history.
    snapshot: bool = False
    # A partial index's WHERE as written (may be empty when the reader cannot tell).
    predicate: str = ""
    # The index InnoDB builds by itself for a foreign key: MySQL reuses an index that
    # already leads with the key and drops its own when one is added, so it never makes
    # another index redundant.
    implicit: bool = False

    @property
    def expressions(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if c.startswith("("))

    @property
    def lead(self) -> str | None:
        return self.columns[0] if self.columns else None


@dataclass
class ForeignKey:
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...] = ()
    where: Where | None = None


@dataclass
class Table:
    name: str
    columns: dict[str, Column] = field(default_factory=dict)
    primary_key: tuple[str, ...] = ()
    indexes: list[Index] = field(default_factory=list)
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    where: Where | None = None
    framework: str = "sql"
    # Field or attribute names code uses that differ from the column (`userId` -> `user_id`).
    aliases: dict[str, str] = field(default_factory=dict)

    def column(self, field_name: str) -> str | None:
        """The column a code-side field name refers to, or None when unknown."""
        low = field_name.lower()
        for candidate in (
            self.aliases.get(field_name),
            self.aliases.get(low),
            low,
            snake(field_name),
            f"{low}_id",
            f"{snake(field_name)}_id",
        ):
            if candidate and candidate in self.columns:
                return candidate
        return None

    def leads(self, column: str) -> bool:
        """Whether a lookup on `column` can start from an index (or the primary key).

        A partial index does not count: it serves only queries that repeat its predicate."""
        if self.primary_key[:1] == (column,):
            return True
        return any(ix.lead == column and not ix.partial for ix in self.indexes)

    def has_expression(self, expression: str) -> bool:
        return any(
            ix.lead == expression or (ix.lead is not None and same_expression(ix.lead, expression))
            for ix in self.indexes
        )


# pg_dump writes an expression index as PostgreSQL stores it: the column's cast to the
# function's argument type and parentheses around the column (`lower((name)::text)` for
# `lower(name)` on a varchar column), and quotes around names it must quote.
_CAST = re.compile(
    r"::\s*(?:character\s+varying|double\s+precision|timestamp(?:tz)?(?:\s+with(?:out)?\s+"
    r"time\s+zone)?|[a-z_][a-z0-9_]*)(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\[\])?"
)
_WRAPPED_NAME = re.compile(r"(?<![\w)])\((\w+)\)")
# The same cast as sqlglot prints it (`CAST((name) AS TEXT)`) when it reads the dump.
_CAST_CALL = re.compile(
    r"\bcast\s*\(\s*(\(?\s*\w+\s*\)?)\s+as\s+[a-z_][a-z0-9_ ]*"
    r"(?:\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\[\])?\s*\)"
)


def _bare(expression: str) -> str:
    """An expression without spaces, case, quotes around names, casts, or parentheses
    around the whole of it or around a single name."""
    text = expression.lower().replace('"', "")
    text = _CAST.sub("", _CAST_CALL.sub(r"\1", text))
    text = re.sub(r"\s+", "", text)
    while (unwrapped := _WRAPPED_NAME.sub(r"\1", text)) != text:
        text = unwrapped
    while text.startswith("(") and text.endswith(")"):
        depth = 0
        for n, char in enumerate(text):
            depth += (char == "(") - (char == ")")
            if depth == 0 and n < len(text) - 1:
                return text  # `(a)+(b)`: the first `(` closes before the end
        text = text[1:-1]
    return text


# A bound parameter in a query (`?`, `$1`, `%s`, `:name`) in place of a quoted literal.
_PARAMETER = re.compile(r"\?|\$\d+|%s|(?<!:):[a-z_]\w*")


def same_expression(indexed: str, queried: str) -> bool:
    """Whether an index on `indexed` serves a filter on `queried`: the same expression up
    to spacing, case and parentheses, a bound parameter of the query standing for the
    literal the index names (`meta -> ? ->> 'source'` and `meta->'snapshot'->>'source'`)."""
    index, query = _bare(indexed), _bare(queried)
    if index == query:
        return True
    parts = _PARAMETER.split(query)
    if len(parts) == 1:
        return False
    pattern = "'[^']*'".join(re.escape(part) for part in parts)
    return re.fullmatch(pattern, index) is not None


@dataclass(frozen=True)
class Redundant:
    """An index a migration adds that another index of the table already provides."""

    table: str
    index: Index
    other: Index
    kind: str  # "duplicate" | "prefix" | "unique"


@dataclass
class Schema:
    tables: dict[str, Table] = field(default_factory=dict)
    # ORM model or entity name (as written in code) -> table name.
    models: dict[str, str] = field(default_factory=dict)
    redundant: list[Redundant] = field(default_factory=list)
    frameworks: set[str] = field(default_factory=set)
    # Files that could not be read, with why: never silently lost.
    problems: list[str] = field(default_factory=list)

    def table(self, name: str) -> Table | None:
        return self.tables.get(norm(name))

    def model_table(self, model: str) -> Table | None:
        table = self.models.get(model) or self.models.get(model.lower())
        return self.tables.get(table) if table else None

    def ensure(self, name: str, where: Where | None = None, framework: str = "sql") -> Table:
        key = norm(name)
        table = self.tables.get(key)
        if table is None:
            table = self.tables[key] = Table(key, where=where, framework=framework)
        return table
