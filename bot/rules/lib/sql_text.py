"""SQL text as the SQL and migration checks read it: statements split with their line
numbers, the dialect guessed from the text, and the table a statement creates or
alters."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from bot import lazyre as re
from bot.models import ChangedFile

if TYPE_CHECKING:
    from sqlglot import exp

# sqlglot itself is imported only when a statement is parsed: a review with no SQL
# file should not pay its ~0.1 s import.

POSTGRES = "postgres"
MYSQL = "mysql"
CLICKHOUSE = "clickhouse"
EMBEDDED_JVM = "h2"  # not a sqlglot dialect: statements are read as text only


@dataclass(frozen=True)
class Statement:
    """One statement: its text without the `;`, and where it sits in the file."""

    text: str
    line: int  # 1-based line of its first significant character
    end_line: int  # 1-based line of its last significant character
    start: int  # character offsets of the text in the file
    end: int


# Runs of plain text (whitespace included, so a line is mostly one token), then the
# tokens that change how `;` reads: comments, strings, quoted names, dollar quotes.
_TOKEN = re.compile(
    r"--[^\n]*|/\*|'(?:[^']|'')*(?:'|\Z)|\"(?:[^\"]|\"\")*(?:\"|\Z)|`[^`]*(?:`|\Z)"
    r"|\$(?:[A-Za-z_]\w*)?\$|;|[^'\"`;$/\-]+|.",
    re.DOTALL,
)


# MySQL: backslash escapes inside strings and `#` comments.
_MYSQL_TOKEN = re.compile(
    r"--[^\n]*|\#[^\n]*|/\*|'(?:[^'\\]|\\.|'')*(?:'|\Z)|\"(?:[^\"\\]|\\.|\"\")*(?:\"|\Z)"
    r"|`[^`]*(?:`|\Z)|;|[^'\"`;/\-\#]+|.",
    re.DOTALL,
)


_BLOCK_COMMENT = re.compile(r"/\*|\*/")


def _block_comment_end(text: str, pos: int) -> int:
    """Offset just past the comment opened before `pos` (PostgreSQL nests them)."""
    depth = 1
    while depth:
        match = _BLOCK_COMMENT.search(text, pos)
        if match is None:
            return len(text)
        depth += 1 if match.group() == "/*" else -1
        pos = match.end()
    return pos


def _is_dollar_quote(token: str, text: str, at: int) -> bool:
    # `a$b$c` is an identifier, not a quote: a dollar quote never follows a name.
    return (
        len(token) > 1
        and token[0] == "$"
        and token[-1] == "$"
        and not (at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"))
    )


def split_statements(text: str, dialect: str = POSTGRES) -> list[Statement]:
    """Statements split at `;` outside strings, quoted names, comments and `$$` bodies."""
    pattern = _MYSQL_TOKEN if dialect == MYSQL else _TOKEN
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    out: list[Statement] = []
    start = last = -1
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        token, pos = match.group(), match.end()
        if token.startswith(("--", "#")):
            continue
        if token == "/*":
            pos = _block_comment_end(text, pos)
            continue
        if token == ";":
            if start >= 0:
                out.append(_statement(text, start, last, line_starts))
            start = last = -1
            continue
        first, last_end = match.start(), pos
        if token[0].isspace() or token[-1].isspace():
            stripped = token.strip()
            if not stripped:
                continue
            first += token.index(stripped[0])
            last_end -= len(token) - len(token.rstrip())
        elif dialect != MYSQL and _is_dollar_quote(token, text, first):
            close = text.find(token, pos)
            pos = last_end = len(text) if close < 0 else close + len(token)
        if start < 0:
            start = first
        last = last_end
    if start >= 0:
        out.append(_statement(text, start, last, line_starts))
    return out


def _statement(text: str, start: int, end: int, line_starts: list[int]) -> Statement:
    return Statement(
        text=text[start:end],
        line=bisect_right(line_starts, start),
        end_line=bisect_right(line_starts, max(end - 1, start)),
        start=start,
        end=end,
    )


def analyzable_text(file: ChangedFile) -> str:
    """The file as analyzers should see it, with line numbers preserved.

    A plain diff shows pieces of the file. A statement cut by a gap the diff does
    not show must not be glued to the next visible piece, so the first line of
    every gap between shown lines holds a lone `;`. Template placeholders and
    `DO $$ ... $$` wrappers are neutralised (`neutralise`).
    """
    if file.content is not None:
        return neutralise(file.content) if file.language == "sql" else file.content
    known = file.right_text()
    if not known:
        return ""
    if file.language == "sql":
        return neutralise(_with_gaps(known))
    return _with_gaps(known)


def _with_gaps(known: dict[int, str]) -> str:
    lines: list[str] = []
    for number in range(1, max(known) + 1):
        if number in known:
            lines.append(known[number])
        else:
            gap_start = number - 1 in known and number > 1
            lines.append(";" if gap_start else "")
    return "\n".join(lines) + "\n"


# `{{ name }}` / `${name}` (Jinja, dbt, Flyway, JS template strings) stand for a name or
# a value; `{% if %}` / `{# #}` for whole lines of template logic; psql's `:name`,
# `:'name'` for a value. None of them is SQL, and one makes the whole file unreadable.
_PLACEHOLDER = re.compile(r"\{\{[^{}]{0,400}\}\}|\$\{[^{}]{0,400}\}")


_TEMPLATE_TAG = re.compile(r"\{%[^%]{0,400}%\}|\{#[^#]{0,400}#\}")


_PSQL_VARIABLE = re.compile(r"(?<=[\s(,=]):(['\"]?)([A-Za-z_]\w{0,62})\1")

# A comment inside a line (`ON /* TEMPLATE: schema */river_notification`, a marker a
# migrator replaces with the schema) sits between a keyword and the name it governs.
# MySQL's executable comments (`/*!50503 … */`) and optimizer hints (`/*+ … */`) are
# SQL, not comments, and stay.
_INLINE_COMMENT = re.compile(r"/\*(?![!+])[^\n]{0,400}?\*/")


# `DO $tag$`: the block's statements are read one by one once the PL/pgSQL around them
# (BEGIN, END, IF ... THEN, DECLARE) is blanked.
_DO_OPEN = re.compile(r"\bDO\s+(?:LANGUAGE\s+plpgsql\s+)?(\$[A-Za-z_]?\w{0,30}\$)", re.I)


_PLPGSQL_LINE = re.compile(
    r"^\s*(?:BEGIN|END(?:\s+(?:IF|LOOP|CASE))?|DECLARE\b.*|ELSE|EXCEPTION|RETURN|RAISE\b.*"
    r"|(?:IF|WHEN)\b.{0,400}\bTHEN|LANGUAGE\s+plpgsql)\s*;?\s*(?:--.*)?$",
    re.I,
)


_IF_OPEN = re.compile(r"^\s*(?:IF|ELSIF|WHILE|FOR)\b", re.I)


_DECLARE = re.compile(r"^\s*DECLARE\b", re.I)


_BEGIN = re.compile(r"^\s*BEGIN\b", re.I)


_ASSIGNMENT = re.compile(r"^\s*[A-Za-z_]\w{0,62}\s*:=")


_THEN = re.compile(r"\b(?:THEN|LOOP)\s*(?:--.*)?$", re.I)


_PERFORM = re.compile(r"\bPERFORM\b", re.I)


def _plain_statements(body: str) -> str:
    """A DO block's body with its PL/pgSQL control lines blanked (a condition may run
    over several lines up to its THEN) and `PERFORM` read as the `SELECT` it runs."""
    out: list[str] = []
    in_condition = in_declare = False
    for row in body.splitlines(keepends=True):
        if _DECLARE.match(row):
            in_declare = True
        elif _BEGIN.match(row):
            in_declare = False
        if in_declare or _ASSIGNMENT.match(row):
            out.append(_fill(row, " "))  # variable declarations and assignments
        elif in_condition or (_IF_OPEN.match(row) and not _PLPGSQL_LINE.match(row)):
            in_condition = not _THEN.search(row.rstrip("\r\n"))
            out.append(_fill(row, " "))
        elif _PLPGSQL_LINE.match(row):
            out.append(_fill(row, " "))
        else:
            out.append(_PERFORM.sub("SELECT ", row))
    return "".join(out)


def _fill(text: str, char: str) -> str:
    return "".join("\n" if c == "\n" else char for c in text)


def neutralise(text: str) -> str:
    """`text` with template placeholders, comments inside a line and DO-block wrappers
    replaced by text of the same length (names become `_`s, template logic, comments and
    PL/pgSQL become spaces), so line and column numbers hold."""
    text = _PLACEHOLDER.sub(lambda m: _fill(m.group(), "_"), text)
    text = _TEMPLATE_TAG.sub(lambda m: _fill(m.group(), " "), text)
    text = _PSQL_VARIABLE.sub(lambda m: "_" * len(m.group()), text)
    text = _INLINE_COMMENT.sub(lambda m: " " * len(m.group()), text)
    return _unwrap_do_blocks(text)


def _unwrap_do_blocks(text: str) -> str:
    out: list[str] = []
    pos = 0
    while (opened := _DO_OPEN.search(text, pos)) is not None:
        tag = opened.group(1)
        close = text.find(tag, opened.end())
        if close < 0:
            break
        out.append(text[pos : opened.start()])
        out.append(_fill(opened.group(), " "))
        out.append(_plain_statements(text[opened.end() : close]))
        out.append(" " * len(tag))
        pos = close + len(tag)
    out.append(text[pos:])
    return "".join(out)


_DIALECT_HINT = re.compile(r"--\s*dialect\s*[:=]\s*([A-Za-z0-9_]+)", re.IGNORECASE)


_DIALECT_ALIASES = {
    "mariadb": MYSQL,
    "mysql": MYSQL,
    "postgresql": POSTGRES,
    "postgres": POSTGRES,
    "pg": POSTGRES,
    "psql": POSTGRES,
    "mssql": "tsql",
    "sqlserver": "tsql",
    "tsql": "tsql",
    "sqlite": "sqlite",
    "sqlite3": "sqlite",
    # Engines whose DDL neither squawk nor the PostgreSQL/MySQL lock rules describe:
    # ClickHouse (a column store, `ON CLUSTER`, mutations) and the embedded Java
    # databases projects keep a copy of their migrations for (H2, HSQLDB, Derby).
    "clickhouse": CLICKHOUSE,
    "h2": EMBEDDED_JVM,
    "hsqldb": EMBEDDED_JVM,
    "derby": EMBEDDED_JVM,
}


_PATH_DIALECT = re.compile(
    r"(?:^|[/_.\-])(mysql|mariadb|postgres|postgresql|pg|sqlite3?|tsql|mssql|clickhouse|h2"
    r"|hsqldb|derby)(?=[/_.\-]|$)",
    re.IGNORECASE,
)


_MYSQL_SYNTAX = re.compile(
    r"`[A-Za-z_][\w$]*`|\bENGINE\s*=|\bAUTO_INCREMENT\b|\bUNSIGNED\b|\bDEFAULT\s+CHARSET\b"
    r"|\bALGORITHM\s*=\s*(?:INSTANT|INPLACE|COPY|DEFAULT)\b",
    re.IGNORECASE,
)


# Comments and string literals are prose: a backticked `name` in a `--` comment or a
# `COMMENT ON ... IS '...'` string is Markdown, not MySQL quoting. (A string is read
# within one line, so an unclosed quote cannot swallow the file.)
_PROSE = re.compile(r"--[^\n]*|/\*(?![!+]).*?\*/|'(?:[^'\n]|'')*'", re.DOTALL)


@lru_cache(maxsize=32)
def detect_dialect(path: str, text: str) -> str:
    """The sqlglot dialect a SQL file is written in (see the module docstring). Cached:
    several checks ask it of the same file."""
    hint = _DIALECT_HINT.search(text)
    if hint:
        name = hint.group(1).lower()
        return _DIALECT_ALIASES.get(name, name)
    in_path = _PATH_DIALECT.findall(path)
    if in_path:
        return _DIALECT_ALIASES[in_path[-1].lower()]
    if _MYSQL_SYNTAX.search(_PROSE.sub(" ", text)):
        return MYSQL
    return POSTGRES


TABLE_NAME = r"(?:`[^`]+`|\"[^\"]+\"|[\w$]+)(?:\s*\.\s*(?:`[^`]+`|\"[^\"]+\"|[\w$]+))*"


_CREATE_TABLE = re.compile(
    r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:GLOBAL|LOCAL)\s+)?(?:TEMP(?:ORARY)?\s+|UNLOGGED\s+)?"
    r"TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(" + TABLE_NAME + ")",
    re.IGNORECASE,
)


ALTER_TABLE = re.compile(
    r"ALTER\s+(?:ONLINE\s+|IGNORE\s+)?TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(" + TABLE_NAME + ")",
    re.IGNORECASE,
)


_CREATE_INDEX = re.compile(
    r"CREATE\s+(?:UNIQUE\s+)?INDEX\b.*?\bON\s+(?:ONLY\s+)?(" + TABLE_NAME + ")",
    re.IGNORECASE | re.DOTALL,
)


_DROP_TABLE = re.compile(
    r"DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(" + TABLE_NAME + ")",
    re.IGNORECASE,
)


def normalize_name(name: str) -> str:
    """`public."Orders"` -> `Orders`; `public.ORDERS` -> `orders` (schemas are ignored)."""
    last = re.split(r"(?<!\s)\s*\.\s*(?=[`\"\w$])", name.strip())[-1]
    if last[:1] in '`"' and len(last) > 1:
        return last[1:-1]
    return last.lower()


def created_table(statement: Statement) -> str | None:
    match = _CREATE_TABLE.match(statement.text)
    return normalize_name(match.group(1)) if match else None


def target_table(statement: Statement) -> str | None:
    """The table an ALTER TABLE, CREATE INDEX or DROP TABLE statement works on."""
    for pattern in (ALTER_TABLE, _CREATE_INDEX, _DROP_TABLE):
        match = pattern.match(statement.text)
        if match:
            return normalize_name(match.group(1))
    return None


def parse(statement: Statement, dialect: str) -> exp.Expr | None:
    """sqlglot's tree of one statement; None when it cannot read it or gives up."""
    try:
        import sqlglot

        tree = sqlglot.parse_one(statement.text, read=dialect)
    except Exception:  # sqlglot raises several error types on input it cannot read
        return None
    from sqlglot import exp

    return None if isinstance(tree, exp.Command) else tree
