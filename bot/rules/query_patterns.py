"""Query patterns in changed code: N+1 loops, `SELECT *`, leading-wildcard `LIKE`, and
filters on columns the same PR adds without an index.

ast-grep finds the structure (loops and their bodies, string literals); small regexes
read the query text inside them. Every rule names the exact line of the query that
goes wrong, so the engine's added-line filter leaves old code in context alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ast_grep_py import Config, SgNode

from bot import lazyre as re
from bot.lines import line_of
from bot.models import ChangedFile, FileKind
from bot.rules.astgrep import lines, parse, sg_language
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.lib import old_code
from bot.rules.lib.code_text import code_text, statement_at
from bot.select import is_test_path

N_PLUS_ONE = "n-plus-one-query"
SELECT_STAR = "select-star"
LIKE_WILDCARD = "like-leading-wildcard"
UNINDEXED_FILTER = "filter-on-unindexed-column"

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})

# Test code runs against tiny fixtures: a slow query there costs nothing in production.
# --- text helpers ----------------------------------------------------------------------


def call_args(text: str, open_paren: int) -> str:
    """The text between `(` at `open_paren` and its matching `)`."""
    body = statement_at(text, open_paren + 1)
    return body


def _node_offset_lines(node: SgNode) -> int:
    return node.range().start.line + 1


def _line_in(node: SgNode, index: int) -> int:
    """The file line of character `index` of the node's text."""
    return _node_offset_lines(node) + node.text().count("\n", 0, index)


_FUNCTION_KINDS = frozenset(
    {
        "function_definition",
        "function_declaration",
        "method_declaration",
        "method_definition",
        "function_expression",
        "arrow_function",
        "func_literal",
        "method",
        "singleton_method",
        "function",
    }
)


def _scope_before(file_text: str, node: SgNode) -> str:
    """The enclosing function's text up to the node's line (the file's, outside one)."""
    first = 0
    for parent in node.ancestors():
        if parent.kind() in _FUNCTION_KINDS:
            first = parent.range().start.line
            break
    rows = file_text.split("\n")
    return "\n".join(rows[first : node.range().start.line + 1])


def assigned_values(scope: str, name: str, language: str) -> str:
    """Every value assigned to `name` in `scope`, joined (a query built in steps)."""
    if not re.fullmatch(r"@?[A-Za-z_$][\w$]*", name):
        return ""
    escaped = re.escape(name)
    if language == "go":
        pattern = rf"(?<![\w.]){escaped}\s*:?=(?!=)\s*"
    elif language in {"javascript", "typescript"}:
        pattern = rf"(?<![\w.$]){escaped}\s*(?::[^=\n]+)?=(?![=>])\s*"
    else:
        pattern = rf"(?<![\w.]){escaped}\s*(?::[^=\n]+)?=(?![=~])\s*"
    return "\n".join(statement_at(scope, m.end()) for m in re.finditer(pattern, scope))


# --- n-plus-one-query --------------------------------------------------------------------


@dataclass(frozen=True)
class Loop:
    node: SgNode  # the loop statement or the iterating call
    iterable: str  # what is iterated, with variables resolved to their query
    var: str | None  # the loop variable, when a single name
    body: SgNode


_PY_LOOPS: Config = {"rule": {"any": [{"kind": "for_statement"}, {"kind": "for_in_clause"}]}}
_JS_LOOPS: Config = {
    "rule": {
        "any": [
            {"kind": "for_in_statement"},
            {
                "kind": "call_expression",
                "has": {
                    "field": "function",
                    "kind": "member_expression",
                    "has": {"field": "property", "regex": "^(map|forEach|flatMap)$"},
                },
            },
        ]
    }
}
_RUBY_LOOPS: Config = {
    "rule": {
        "kind": "call",
        "has": {
            "field": "method",
            "regex": "^(each|map|each_with_index|flat_map|each_with_object|find_each|collect)$",
        },
    }
}
_GO_LOOPS: Config = {"rule": {"kind": "range_clause"}}


def _py_loops(root: SgNode, text: str) -> Iterator[Loop]:
    for node in root.find_all(_PY_LOOPS):
        left, right = node.field("left"), node.field("right")
        if node.kind() == "for_in_clause":
            parent = node.parent()
            body = parent.field("body") if parent is not None else None
        else:
            body = node.field("body")
        if left is None or right is None or body is None:
            continue
        iterable, var = right.text(), left.text()
        enumerated = re.fullmatch(r"enumerate\((.*)\)", iterable, re.DOTALL)
        if enumerated and left.kind() in {"pattern_list", "tuple_pattern"}:
            iterable, var = enumerated.group(1), var.split(",")[-1].strip()
        if re.fullmatch(r"[A-Za-z_]\w*", iterable):
            iterable = assigned_values(_scope_before(text, node), iterable, "python")
        yield Loop(node, iterable, var if var.isidentifier() else None, body)


def _js_loops(root: SgNode, text: str, language: str) -> Iterator[Loop]:
    for node in root.find_all(_JS_LOOPS):
        if node.kind() == "for_in_statement":
            left, right, body = node.field("left"), node.field("right"), node.field("body")
            if left is None or right is None or body is None:
                continue
            iterable, var = right.text(), left.text()
        else:
            function, arguments = node.field("function"), node.field("arguments")
            target = function.field("object") if function is not None else None
            args = arguments.named_children() if arguments is not None else []
            if (
                target is None
                or not args
                or args[0].kind() not in {"arrow_function", "function_expression"}
            ):
                continue
            callback = args[0]
            body = callback.field("body")
            param = callback.field("parameter") or callback.field("parameters")
            if body is None or param is None:
                continue
            iterable = target.text()
            var = param.text().strip("()").split(",")[0].split(":")[0].strip()
        iterable = re.sub(r"^await\s+", "", iterable.strip())
        if re.fullmatch(r"[A-Za-z_$][\w$]*", iterable):
            iterable = assigned_values(_scope_before(text, node), iterable, language)
        yield Loop(node, iterable, var if re.fullmatch(r"[A-Za-z_$][\w$]*", var) else None, body)


def _ruby_loops(root: SgNode, text: str) -> Iterator[Loop]:
    for node in root.find_all(_RUBY_LOOPS):
        receiver, block = node.field("receiver"), node.field("block")
        if receiver is None or block is None:
            continue
        params = block.find(kind="block_parameters")
        names = [c.text() for c in params.named_children()] if params is not None else []
        var = names[0] if names else None
        iterable = receiver.text()
        if re.fullmatch(r"@?[a-z_]\w*", iterable):
            iterable = assigned_values(_scope_before(text, node), iterable, "ruby")
        yield Loop(node, iterable, var, block)


def _go_loops(root: SgNode, text: str) -> Iterator[Loop]:
    for clause in root.find_all(_GO_LOOPS):
        loop = clause.parent()
        left, right = clause.field("left"), clause.field("right")
        body = loop.field("body") if loop is not None else None
        if loop is None or left is None or right is None or body is None:
            continue
        name = right.text().lstrip("&")
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            continue
        scope = _scope_before(text, loop)
        # GORM fills a slice through a pointer: `db.Where(...).Find(&items)`.
        found = [
            _go_statement(scope, m.start())
            for m in re.finditer(rf"\.(?:Find|Scan)\(\s*&{re.escape(name)}\s*[,)]", scope)
        ]
        var = left.text().split(",")[-1].strip()
        yield Loop(loop, "\n".join(found), var, body)


def _go_statement(text: str, index: int) -> str:
    """The whole statement around `index`, back to where its chain begins."""
    start = text.rfind("\n", 0, index) + 1
    while start > 0:
        previous = text.rfind("\n", 0, start - 1) + 1
        if not text[previous : start - 1].rstrip().endswith("."):
            break
        start = previous
    return statement_at(text, start)


# Outer queries: what a loop must iterate for its inner queries to be an N+1.
_DJANGO_QS = re.compile(
    r"\b[A-Z]\w*\.objects\.(?:all|filter|exclude|order_by|select_related|prefetch_related"
    r"|annotate|only|defer|distinct|using|iterator)\("
)
_SA_QUERY = re.compile(
    r"\b((?:\w+\.)*\w*session\w*|db|self\.db|(?:\w+\.)?db\.session)\.(?:query|scalars|execute)\(",
    re.IGNORECASE,
)
_AR_QUERY = re.compile(
    r"^\s*[A-Z][\w:]*\.(?:all|where|order|joins|left_joins|find_each|limit|not|reorder|select"
    r"|includes|preload|eager_load|find_in_batches)\b"
)
_AR_EAGER = re.compile(r"\.(?:includes|preload|eager_load)\(")
_PRISMA_QUERY = re.compile(r"\b((?:[\w$]+\.)*(?:prisma|tx)|db)\.\w+\.findMany\(", re.IGNORECASE)
_GORM_RECEIVER = re.compile(
    r"([A-Za-z_][\w.]*?)\.(?:Model|Where|Preload|Joins|Find|Order|Table|Select|Scopes|Debug"
    r"|WithContext|Limit|Offset|Unscoped|Distinct|Scan)\("
)

_DJANGO_INNER = re.compile(
    r"\b[A-Z]\w*\.objects\.(?:get|filter|exclude|all|count|exists|first|last|values"
    r"|values_list|aggregate|get_or_create|in_bulk)\("
)
_RUBY_STDLIB = frozenset(
    {"Find", "File", "Dir", "ENV", "Array", "Hash", "Set", "JSON", "YAML", "Time", "Date", "IO"}
)
_AR_INNER = re.compile(
    r"\b([A-Z]\w*)\.(?:find_by!?|find_by_\w+|where|pluck|exists\?|find)(?=[\s(])"
)


def _django_related(var: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w.]){re.escape(var)}\.(\w+)\.(?:all|filter|exclude|order_by|values"
        rf"|values_list|aggregate)\(|(?<![\w.]){re.escape(var)}\.(\w+)\."
        rf"(?:count|exists|first|last)\(\)"
    )


def _prefetched(outer: str, relation: str) -> bool:
    """Whether the outer queryset prefetches `relation` (or prefetches something we
    cannot read, which we give the benefit of the doubt)."""
    for match in re.finditer(r"\.prefetch_related\(", outer):
        args = statement_at(outer, match.end())
        if relation in args or not re.search(r"[\"']", args):
            return True
    return False


@dataclass(frozen=True)
class InnerQuery:
    index: int  # in the loop body's text
    what: str


def _python_inner(loop: Loop) -> Iterator[InnerQuery]:
    body = loop.body.text()
    if _DJANGO_QS.search(loop.iterable):
        for match in _DJANGO_INNER.finditer(body):
            yield InnerQuery(match.start(), match.group(0).rstrip("("))
        if loop.var:
            for match in _django_related(loop.var).finditer(body):
                relation = match.group(1) or match.group(2)
                if relation != "objects" and not _prefetched(loop.iterable, relation):
                    yield InnerQuery(match.start(), f"{loop.var}.{relation}")
    outer = _SA_QUERY.search(loop.iterable)
    if outer:
        receiver = re.escape(outer.group(1))
        inner = re.compile(rf"(?<![\w.]){receiver}\.(?:query|get|execute|scalars|scalar)\(")
        for match in inner.finditer(body):
            yield InnerQuery(match.start(), match.group(0).rstrip("("))


def _ruby_inner(loop: Loop) -> Iterator[InnerQuery]:
    if not _AR_QUERY.search(loop.iterable):
        return
    body = loop.body.text()
    for match in _AR_INNER.finditer(body):
        if match.group(1) not in _RUBY_STDLIB:
            yield InnerQuery(match.start(), match.group(0))
    if loop.var and not _AR_EAGER.search(loop.iterable):
        association = re.compile(
            rf"(?<![\w.@]){re.escape(loop.var)}\.([a-z_]\w*)\."
            rf"(?:where|find_by|find|pluck|exists\?|order|limit|sum|ids|count(?![\w(?]))\b"
        )
        for match in association.finditer(body):
            yield InnerQuery(match.start(), f"{loop.var}.{match.group(1)}")


def _js_inner(loop: Loop) -> Iterator[InnerQuery]:
    outer = _PRISMA_QUERY.search(loop.iterable)
    if not outer or re.search(r"\binclude\s*:", loop.iterable):
        return
    client = re.escape(outer.group(1))
    inner = re.compile(
        rf"(?<![\w$.]){client}\.\w+\.(?:findUnique|findUniqueOrThrow|findFirst"
        rf"|findFirstOrThrow|findMany|count|aggregate)\("
    )
    for match in inner.finditer(loop.body.text()):
        yield InnerQuery(match.start(), match.group(0).rstrip("("))


def _go_inner(loop: Loop) -> Iterator[InnerQuery]:
    outer = _GORM_RECEIVER.search(loop.iterable)
    if not outer or re.search(r"\.(?:Preload|Joins)\(", loop.iterable):
        return
    receiver = re.escape(outer.group(1))
    body = loop.body.text()
    for match in re.finditer(rf"(?<![\w.]){receiver}\.[A-Z]\w*\(", body):
        chain = statement_at(body, match.start())
        if re.search(r"\.(?:First|Find|Take|Last|Count|Scan|Pluck|Rows?)\(", chain):
            yield InnerQuery(match.start(), chain.split("(")[0])


_N1_HINTS = {
    "python": re.compile(r"\.objects\.|session|\.query\("),
    "ruby": re.compile(r"\.(each|map|find_each|flat_map|collect)\b"),
    "javascript": re.compile(r"\.findMany\("),
    "typescript": re.compile(r"\.findMany\("),
    "go": re.compile(r"\.Find\(\s*&"),
}


def _loops(root: SgNode, text: str, language: str) -> Iterator[Loop]:
    if language == "python":
        yield from _py_loops(root, text)
    elif language == "ruby":
        yield from _ruby_loops(root, text)
    elif language == "go":
        yield from _go_loops(root, text)
    else:
        yield from _js_loops(root, text, language)


_INNER = {
    "python": _python_inner,
    "ruby": _ruby_inner,
    "go": _go_inner,
    "javascript": _js_inner,
    "typescript": _js_inner,
}


def n_plus_one_hits(file: ChangedFile) -> list[Hit]:
    language = file.language or ""
    hint = _N1_HINTS.get(language)
    if hint is None or is_test_path(file.path):
        return []
    text = code_text(file)
    if not hint.search(text):
        return []
    root = parse(text, language)
    if root is None:
        return []
    hits: list[Hit] = []
    for loop in _loops(root, text, language):
        if not loop.iterable:
            continue
        loop_line = lines(loop.node)[0]
        for inner in _INNER[language](loop):
            line = _line_in(loop.body, inner.index)
            hits.append(
                Hit(
                    rule=N_PLUS_ONE,
                    path=file.path,
                    line=line,
                    title=f"`{inner.what}` runs once per row of the loop at line {loop_line}",
                    detail=f"The loop at line {loop_line} iterates over query results; this "
                    f"query runs once for every row it yields.",
                )
            )
    return hits


# --- SQL in string literals ------------------------------------------------------------

_STRING_KINDS: dict[str, tuple[str, ...]] = {
    "python": ("string",),
    "javascript": ("string", "template_string"),
    "typescript": ("string", "template_string"),
    "go": ("interpreted_string_literal", "raw_string_literal"),
    "java": ("string_literal",),
    "kotlin": ("string_literal",),
    "ruby": ("string", "heredoc_body"),
    "php": ("string", "encapsed_string", "heredoc", "nowdoc"),
    "csharp": ("string_literal", "verbatim_string_literal", "raw_string_literal"),
    "rust": ("string_literal", "raw_string_literal"),
}


@lru_cache(maxsize=64)
def _string_rule(language: str, regex: str) -> Config:
    return {"rule": {"any": [{"kind": kind} for kind in _STRING_KINDS[language]], "regex": regex}}


def sql_strings(file: ChangedFile, text: str, regex: str) -> list[SgNode]:
    """String literals of the file whose text matches `regex` (Rust regex syntax),
    outermost only (an f-string's pieces are not reported twice)."""
    language = file.language or ""
    if language not in _STRING_KINDS or sg_language(language) is None:
        return []
    root = parse(text, language)
    if root is None:
        return []
    found = root.find_all(_string_rule(language, regex))
    kinds = set(_STRING_KINDS[language])
    return [n for n in found if not any(a.kind() in kinds for a in n.ancestors())]


# Calls that take SQL: DB-API, node-postgres, database/sql, sqlx, JDBC, ActiveRecord,
# SQLAlchemy, Knex, Prisma, PDO, Laravel, Dapper ... and tagged templates.
_SQL_CALLEES = re.compile(
    r"(?i)^(execute\w*|exec\w*|query\w*|raw\w*|\$queryraw\w*|\$executeraw\w*|select\w*"
    r"|fetch\w*|prepare\w*|find_by_sql|mogrify|text|sql|get|createnativequery|createquery"
    r"|from_statement|statement|unprepared|get_results|get_row|get_col|get_var|cursor"
    r"|readsql|read_sql\w*|sqlquery|fromsqlraw|fromsqlinterpolated|where\w*|orwhere\w*|andwhere\w*"
    r"|having\w*)$"
)
_SQL_NAMES = re.compile(r"(?i)(sql|query|stmt|statement|qry)$")
# The prefix patterns start only where a name starts: retried from inside a long name
# or blank run, each would rescan it from every position (quadratic).
_PREFIX_CALL = re.compile(r"(?<![\w$])([\w$]+)\s*+(?:<[^<>()]*>)?\s*+\(\s*+(?:[^()]*,\s*)?$")
_PREFIX_TAG = re.compile(r"(?<![\w$])([\w$]+)\s*+$")
_PREFIX_ASSIGN = re.compile(
    # Starts only at a name's first character and never gives back a run it took:
    # overlapping whitespace runs made a long blank prefix backtrack cubically.
    r"(?<![\w$])([\w$]+)\s*+(?::\s*+(?>[\w\[\]<>.,| ]+))?\s*+(?::=|=|:|=>)\s*+"
    r"(?:(?>[\w$.]+)\s*+\(\s*+)?\(?\s*+$"
)
_PREFIX_ANNOTATION = re.compile(r"@(?:Query|Select|SqlQuery|NativeQuery)\s*\(\s*(?:value\s*=\s*)?$")


def _prefix(text: str, node: SgNode) -> str:
    rows = text.split("\n")
    start = node.range().start
    if start.line >= len(rows):
        return ""
    row = rows[start.line]
    first = node.text().split("\n")[0]
    column = row.find(first) if first else -1
    column = start.column if column < 0 else column
    before = "\n".join(rows[max(0, start.line - 3) : start.line] + [row[:column]])
    return before[-300:]


def passed_as_sql(text: str, node: SgNode) -> bool:
    """Whether a string literal is handed to a query call or kept in a variable named
    like SQL (not a log message, an error text or documentation)."""
    prefix = _prefix(text, node)
    call = _PREFIX_CALL.search(prefix)
    if call and _SQL_CALLEES.match(call.group(1)):
        return True
    tag = _PREFIX_TAG.search(prefix)
    if tag and node.kind() == "template_string" and _SQL_CALLEES.match(tag.group(1)):
        return True
    if tag and not prefix.rstrip().endswith(("(", ",")) and _SQL_CALLEES.match(tag.group(1)):
        return True  # Ruby calls without parentheses: `execute "..."`
    assign = _PREFIX_ASSIGN.search(prefix)
    if assign and _SQL_NAMES.search(assign.group(1)):
        return True
    return bool(_PREFIX_ANNOTATION.search(prefix))


_QUOTE_LEAD = re.compile(r"^[A-Za-z@$]{0,3}(?:\"\"\"|'''|[\"'`]|<<<['\"]?\w+['\"]?\n)?\s*")
# A named table: `SELECT * FROM {}`/`%s` (a generic helper over any table, like
# introspection) is deliberate, and `FROM fn(...)` returns exactly what the function does.
_SELECT_STAR = re.compile(
    r"SELECT\s+\*\s+FROM\s+(?:\w+\.)?[\"`\[]?[A-Za-z_]\w*[\"`\]]?(?![\w.(]|\s*\(|\s*\.)",
    re.IGNORECASE,
)


# Reading a table's shape, not its data: `SELECT * FROM t LIMIT 0`, `WHERE 1 = 0`.
_PROBE = re.compile(r"(?i)\bLIMIT\s+[01]\b|\bWHERE\s+(?:1\s*=\s*0|false)\b|\bFETCH\s+FIRST\b")


def select_star_hits(file: ChangedFile) -> list[Hit]:
    if is_test_path(file.path):
        return []
    raw = file.visible_text()
    if not re.search(r"(?i)select\s+\*", raw):
        return []
    text = code_text(file)
    hits: list[Hit] = []
    for node in sql_strings(file, text, r"(?i)select\s+\*\s+from"):
        body = node.text()
        lead = _QUOTE_LEAD.match(body)
        start = lead.end() if lead else 0
        # Only the statement's own select list: `EXISTS (SELECT * ...)`, a subquery or a
        # CTE body reads no column data, and `INSERT ... SELECT *` copies on purpose.
        match = _SELECT_STAR.match(body, start)
        if match is None or _PROBE.search(body) or not passed_as_sql(text, node):
            continue
        hits.append(Hit(rule=SELECT_STAR, path=file.path, line=_line_in(node, match.start())))
    return hits


# --- like-leading-wildcard -------------------------------------------------------------

# A value that starts with `%`: `"%" + q`, f"%{q}%", "%#{q}%", `%${q}%`, "%$q%",
# '%' . $q, "%%%s%%" (printf-escaped). Not "%s"/"%d" (a format placeholder).
_LEADING = r"""(?:[fF]?["'`]%(?:["'`]|\{|#\{|\$|%))"""
# The same value at the start of an argument, not the end of `q + "%"`.
_LEADING_RE = re.compile(rf"(?:^|[,(\[=:])\s*{_LEADING}")
_LIKE_LITERAL = re.compile(r"\bI?LIKE\s+(?:N?'%|CONCAT\s*\(\s*'%'|'%'\s*\|\||\"%)", re.IGNORECASE)
_LIKE_PARAM = re.compile(r"\bI?LIKE\s+(?:\?|%s|\$\d+|:\w+|@\w+|%\(\w+\)s)", re.IGNORECASE)
_ORM_LIKE: dict[str, tuple[re.Pattern[str], ...]] = {
    "python": (
        # icontains/endswith compile to `LIKE '%x%'`/`'%x'`; `__contains` is left out:
        # on JSON and array fields it is the indexable `@>` containment.
        re.compile(r"(?<![\w\"'])\w+__(?:icontains|iendswith|endswith)\s*=(?!=)"),
        re.compile(rf"\.i?like\(\s*{_LEADING}"),
        re.compile(r"\b[A-Z][A-Za-z0-9]*\.[a-z_]\w*\.(?:i?contains|i?endswith)\("),
    ),
    "ruby": (re.compile(rf"\.matches\(\s*{_LEADING}"),),
    "javascript": (),
    "typescript": (),
    "php": (
        re.compile(
            rf"(?:->|::)(?:where|orWhere)\(\s*[^,()]+,\s*['\"]i?like['\"]\s*,\s*{_LEADING}", re.I
        ),
    ),
}
_JS_LIKE = (
    re.compile(
        rf"\.(?:where|andWhere|orWhere)\(\s*[^,()]+,\s*['\"`]i?like['\"`]\s*,\s*{_LEADING}",
        re.IGNORECASE,
    ),
    re.compile(rf"\.(?:and|or)?[wW]hereI?Like\(\s*[^,()]+,\s*{_LEADING}"),
    re.compile(rf"\[Op\.(?:like|iLike)\]\s*:\s*{_LEADING}"),
    re.compile(r"\[Op\.(?:substring|iSubstring|endsWith)\]\s*:"),
    re.compile(rf"\bI?Like\(\s*{_LEADING}"),
)
# `prisma`/`tx` after any non-word character, as a dotted receiver chain before it allowed;
# matching the chain itself was retried from every dot of a long one (quadratic).
_PRISMA_CALL = re.compile(
    r"(?<!\w)(?:prisma|tx)\.\w+\.(?:findMany|findFirst|findFirstOrThrow|count"
    r"|updateMany|deleteMany|aggregate|groupBy)\(",
    re.IGNORECASE,
)
_SPRING_DERIVED = re.compile(
    r"\b(?:find|read|get|query|search|stream|count|exists)\w*By\w*?"
    r"(?:Containing|Contains|IsContaining|EndingWith|EndsWith|IsEndingWith)(?:IgnoreCase)?\b"
)
_SA_IMPORT = re.compile(r"\b(?:sqlalchemy|sqlmodel|flask_sqlalchemy)\b")
_LIKE_HINT = re.compile(
    r"(?i)like|__i?contains|\.i?contains\(|endswith|contains\s*:|endsWith\s*:|Op\.|Containing|EndingWith"
)


# The database's own catalogs are small and never indexed for the application.
_CATALOG = re.compile(r"(?i)\b(?:information_schema|pg_catalog|pg_\w+|sqlite_master|sys\.\w+)\b")


# A whole statement that reads no table (`SELECT VERSION() LIKE '%x%'`, `SHOW ... LIKE`)
# scans nothing; a fragment (`where("name LIKE ?")`) names its table elsewhere.
_WHOLE_STATEMENT = re.compile(r"(?i)^\W*(?:SELECT|SHOW)\b")


def _leading_param(text: str, node: SgNode) -> int | None:
    """Where the value bound to a `LIKE ?` placeholder starts with `%`: in the same
    call's arguments, or in a variable assigned just before. Index into `text`."""
    rows = text.split("\n")
    first = node.range().start.line + 1
    end = node.range().end
    start = sum(len(r) + 1 for r in rows[: first - 1])
    offset = sum(len(r) + 1 for r in rows[: end.line]) + end.column
    after = statement_at(text, offset)
    found = _LEADING_RE.search(after)
    if found:
        return offset + found.start()
    before = "\n".join(rows[max(0, first - 16) : first - 1])
    for name in re.findall(r"[A-Za-z_$][\w$]*", after):
        if len(name) < 2:
            continue
        assigned = re.search(rf"(?<![\w.$]){re.escape(name)}\s*:?=\s*{_LEADING}", before)
        if assigned:
            return start
    return None


def like_hits(file: ChangedFile) -> list[Hit]:
    if is_test_path(file.path):
        return []
    raw = file.visible_text()
    if not _LIKE_HINT.search(raw):
        return []
    language = file.language or ""
    hits: list[Hit] = []
    if language == "sql":
        if file.kind is FileKind.SQL:
            hits += [
                Hit(rule=LIKE_WILDCARD, path=file.path, line=line_of(raw, m.start()))
                for m in _LIKE_LITERAL.finditer(raw)
            ]
        return hits
    text = code_text(file)
    for node in sql_strings(file, text, r"(?i)\bi?like\s"):
        body = node.text()
        scalar = _WHOLE_STATEMENT.match(body) and not _SQL_TABLE.search(body)
        if scalar or _CATALOG.search(body) or not passed_as_sql(text, node):
            continue
        literal = _LIKE_LITERAL.search(body)
        if literal:
            hits.append(Hit(LIKE_WILDCARD, file.path, _line_in(node, literal.start())))
            continue
        param = _LIKE_PARAM.search(body)
        if param and _leading_param(text, node) is not None:
            hits.append(Hit(LIKE_WILDCARD, file.path, _line_in(node, param.start())))
    patterns = list(_ORM_LIKE.get(language, ()))
    if language == "python" and not _SA_IMPORT.search(raw):
        patterns = patterns[:1]  # `.like(`/`.contains(` mean SQLAlchemy only with its import
    if language in {"javascript", "typescript"}:
        patterns += _JS_LIKE
    for pattern in patterns:
        hits += [
            Hit(LIKE_WILDCARD, file.path, line_of(text, m.start())) for m in pattern.finditer(text)
        ]
    if language in {"javascript", "typescript"}:
        hits += _prisma_like(file, text)
    if language in {"java", "kotlin"} and re.search(r"\b\w*Repository\b", text):
        hits += [
            Hit(LIKE_WILDCARD, file.path, line_of(text, m.start()))
            for m in _SPRING_DERIVED.finditer(text)
        ]
    return hits


def _prisma_like(file: ChangedFile, text: str) -> list[Hit]:
    hits: list[Hit] = []
    for call in _PRISMA_CALL.finditer(text):
        args = statement_at(text, call.end())
        for key in re.finditer(r"(?<![\w$])(?:contains|endsWith)\s*:", args):
            hits.append(Hit(LIKE_WILDCARD, file.path, line_of(text, call.end() + key.start())))
    return hits


# --- filter-on-unindexed-column ----------------------------------------------------------


def table_key(name: str) -> str:
    """One spelling for a table and its model: `order_items`, `OrderItem`, `orderitem`."""
    key = name.split(".")[-1].strip("\"'`[]: ").lower().replace("_", "")
    if key.endswith("ies"):
        return key[:-3] + "y"
    if key.endswith(("ses", "xes", "ches", "shes")):
        return key[:-2]
    if key.endswith("s") and not key.endswith("ss"):
        return key[:-1]
    return key


@dataclass(frozen=True)
class NewColumn:
    table: str  # table_key
    column: str
    path: str
    line: int


_IDENT = r"[\"`\[]?(\w+)[\"`\]]?"
_SQL_ADD_COLUMN = re.compile(
    rf"ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?:\w+\.)?{_IDENT}(?P<rest>[^;]*)",
    re.IGNORECASE,
)
_SQL_ADD_ITEM = re.compile(
    rf"\bADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?{_IDENT}\s+(?!CONSTRAINT|PRIMARY|UNIQUE"
    rf"|FOREIGN|CHECK|INDEX|KEY)",
    re.IGNORECASE,
)
_SQL_CREATE_TABLE = re.compile(
    rf"CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:\w+\.)?{_IDENT}\s*\(",
    re.IGNORECASE,
)
_SQL_INDEX = re.compile(
    rf"CREATE\s+(?:UNIQUE\s+)?INDEX\b[^;]*?\bON\s+(?:ONLY\s+)?(?:\w+\.)?{_IDENT}"
    rf"(?:\s+USING\s+\w+)?\s*\(\s*{_IDENT}",
    re.IGNORECASE,
)
_DJANGO_ADD_FIELD = re.compile(
    r"AddField\(\s*model_name\s*=\s*['\"](\w+)['\"]\s*,\s*name\s*=\s*['\"](\w+)['\"]"
)
_DJANGO_CREATE_MODEL = re.compile(r"CreateModel\(\s*name\s*=\s*['\"](\w+)['\"]")
_DJANGO_FIELD_TUPLE = re.compile(
    r"\(\s*['\"](\w+)['\"]\s*,\s*(?:models\.)?(?!ManyToMany|Generic)(\w+)\("
)
_RAILS_ADD_COLUMN = re.compile(r"\badd_column\s*\(?\s*:?['\"]?(\w+)['\"]?\s*,\s*:?['\"]?(\w+)")
_RAILS_CREATE_TABLE = re.compile(r"\bcreate_table\s*\(?\s*:?['\"]?(\w+)")
_RAILS_TABLE_COLUMN = re.compile(
    r"^[ \t]*t\.(?!references|belongs_to|index|timestamps)\w+\s*\(?\s*:?['\"]?(\w+)", re.MULTILINE
)
_ALEMBIC_ADD_COLUMN = re.compile(
    r"add_column\(\s*['\"](\w+)['\"]\s*,\s*(?:sa\.)?Column\(\s*['\"](\w+)['\"]"
)
_ALEMBIC_CREATE_TABLE = re.compile(r"create_table\(\s*['\"](\w+)['\"]")
_ALEMBIC_COLUMN = re.compile(r"(?:sa\.)?Column\(\s*['\"](\w+)['\"]")
_PRISMA_MODEL = re.compile(r"^[ \t]*model\s+(\w+)\s*\{", re.MULTILINE)
_PRISMA_FIELD = re.compile(r"^[ \t]*(\w+)\s+(\w+)(\[\])?\??(?P<attrs>[^\n]*)$", re.MULTILINE)
_PRISMA_SCALARS = frozenset(
    {"String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"}
)
# Column options that come with an index.
_INDEXED_OPTION = re.compile(
    r"db_index\s*=\s*True|unique\s*=\s*True|primary_key\s*=\s*True|index\s*=\s*True"
    r"|\bindex:\s*(?:true|\{)|\bunique:\s*true|PRIMARY\s+KEY|\bUNIQUE\b|@id\b|@unique\b"
    r"|ForeignKey\(|OneToOneField\(",
    re.IGNORECASE,
)


def _added(file: ChangedFile, line: int) -> bool:
    return line in file.added_lines


def _sql_columns(file: ChangedFile, text: str) -> Iterator[NewColumn]:
    for alter in _SQL_ADD_COLUMN.finditer(text):
        rest_start = alter.start("rest")
        # One copy of the clause list: `group()` copies it each call, and a statement
        # without `;` runs to the end of the file.
        rest, table = alter.group("rest"), table_key(alter.group(1))
        for item in _SQL_ADD_ITEM.finditer(rest):
            line = line_of(text, rest_start + item.start())
            if not _added(file, line):
                continue
            definition = statement_at(rest, item.end()).split(",")[0]
            if not _INDEXED_OPTION.search(definition):
                yield NewColumn(table, item.group(1).lower(), file.path, line)
    for create in _SQL_CREATE_TABLE.finditer(text):
        offset = create.end() - 1  # the opening parenthesis: its statement is the table body
        body = statement_at(text, offset)
        for part in re.finditer(r"(?:^\(|,)\s*[\"`\[]?(\w+)[\"`\]]?\s+([^,]*)", body):
            name, definition = part.group(1), part.group(2)
            if name.upper() in {
                "CONSTRAINT",
                "PRIMARY",
                "UNIQUE",
                "FOREIGN",
                "CHECK",
                "KEY",
                "INDEX",
                "LIKE",
                "EXCLUDE",
            }:
                continue
            line = line_of(text, offset + part.start(1))
            if _added(file, line) and not _INDEXED_OPTION.search(definition):
                yield NewColumn(table_key(create.group(1)), name.lower(), file.path, line)


_DJANGO_MODEL_CLASS = re.compile(r"^class\s+(\w+)\([^)]*\bModel\b[^)]*\)\s*:", re.MULTILINE)
# Many-to-many and generic relations are other tables, not columns.
_DJANGO_MODEL_FIELD = re.compile(
    r"^[ \t]+(\w+)\s*=\s*(?:models\.)?(?!ManyToMany|Generic)\w+Field\(", re.MULTILINE
)


def _django_model_columns(file: ChangedFile, text: str) -> Iterator[NewColumn]:
    for model in _DJANGO_MODEL_CLASS.finditer(text):
        following = re.search(r"^\S", text[model.end() :], re.MULTILINE)
        block = text[model.end() : model.end() + following.start() if following else len(text)]
        for field in _DJANGO_MODEL_FIELD.finditer(block):
            definition = field.group(0) + statement_at(block, field.end() - 1)
            line = line_of(text, model.end() + field.start(1))
            if _added(file, line) and not _INDEXED_OPTION.search(definition):
                yield NewColumn(table_key(model.group(1)), field.group(1).lower(), file.path, line)


def _python_columns(file: ChangedFile, text: str) -> Iterator[NewColumn]:
    if file.kind is FileKind.ORM_SCHEMA:
        yield from _django_model_columns(file, text)
    for match in _DJANGO_ADD_FIELD.finditer(text):
        options = statement_at(text, match.start() + len("AddField"))
        line = line_of(text, match.start())
        if _added(file, line) and not _INDEXED_OPTION.search(options):
            yield NewColumn(table_key(match.group(1)), match.group(2).lower(), file.path, line)
    for match in _DJANGO_CREATE_MODEL.finditer(text):
        body = statement_at(text, match.start() + len("CreateModel"))
        for item in _DJANGO_FIELD_TUPLE.finditer(body):
            definition = statement_at(body, item.end() - 1)
            line = line_of(text, match.start() + len("CreateModel") + item.start())
            if _added(file, line) and not _INDEXED_OPTION.search(item.group(0) + definition):
                yield NewColumn(table_key(match.group(1)), item.group(1).lower(), file.path, line)
    for match in _ALEMBIC_ADD_COLUMN.finditer(text):
        options = statement_at(text, match.start() + len("add_column"))
        line = line_of(text, match.start())
        if _added(file, line) and not _INDEXED_OPTION.search(options):
            yield NewColumn(table_key(match.group(1)), match.group(2).lower(), file.path, line)
    for match in _ALEMBIC_CREATE_TABLE.finditer(text):
        base = match.start() + len("create_table")
        body = statement_at(text, base)
        for column in _ALEMBIC_COLUMN.finditer(body):
            definition = statement_at(body, column.start() + column.group(0).index("("))
            line = line_of(text, base + column.start())
            if _added(file, line) and not _INDEXED_OPTION.search(definition):
                yield NewColumn(table_key(match.group(1)), column.group(1).lower(), file.path, line)


def _ruby_columns(file: ChangedFile, text: str) -> Iterator[NewColumn]:
    for match in _RAILS_ADD_COLUMN.finditer(text):
        options = statement_at(text, match.end())
        line = line_of(text, match.start())
        if _added(file, line) and not _INDEXED_OPTION.search(options):
            yield NewColumn(table_key(match.group(1)), match.group(2).lower(), file.path, line)
    for match in _RAILS_CREATE_TABLE.finditer(text):
        end = text.find("\nend", match.end())
        block = text[match.end() : end if end > 0 else len(text)]
        for column in _RAILS_TABLE_COLUMN.finditer(block):
            definition = block[column.end() : block.find("\n", column.end())]
            line = line_of(text, match.end() + column.start(1))
            if _added(file, line) and not _INDEXED_OPTION.search(definition):
                yield NewColumn(table_key(match.group(1)), column.group(1).lower(), file.path, line)


def _prisma_columns(file: ChangedFile, text: str) -> Iterator[NewColumn]:
    for model in _PRISMA_MODEL.finditer(text):
        end = text.find("}", model.end())
        block = text[model.end() : end if end > 0 else len(text)]
        for field in _PRISMA_FIELD.finditer(block):
            if field.group(2) not in _PRISMA_SCALARS or field.group(3):
                continue
            line = line_of(text, model.end() + field.start(1))
            if _added(file, line) and not _INDEXED_OPTION.search(field.group("attrs")):
                yield NewColumn(table_key(model.group(1)), field.group(1).lower(), file.path, line)


def new_columns(file: ChangedFile) -> list[NewColumn]:
    """Columns the change adds in a migration or schema, without an index of their own."""
    text = file.visible_text()
    language = file.language or ""
    if language == "sql":
        return list(_sql_columns(file, text))
    if language == "python":
        return list(_python_columns(file, text))
    if language == "ruby":
        return list(_ruby_columns(file, text))
    if language == "prisma":
        return list(_prisma_columns(file, text))
    return []


# The column lists of every index and unique constraint. A column in any of them counts
# as indexed, even in second place: queries usually filter the leading column too, and
# a false alarm costs more trust than the rare miss.
_INDEX_LISTS = (
    re.compile(
        r"CREATE\s+(?:UNIQUE\s+)?INDEX\b[^;]*?\bON\b[^;(]*\(([^;]*?)\)\s*(?:;|$|WHERE|INCLUDE)",
        re.IGNORECASE | re.MULTILINE,
    ),
    re.compile(r"\b(?:UNIQUE|PRIMARY\s+KEY)\s*\(([^)]*)\)", re.IGNORECASE),
    re.compile(r"add_index\s*+\(?\s*+:?['\"]?\w+['\"]?\s*+,\s*+(\[[^\]]*\]|:?['\"]?\w+)"),
    re.compile(r"create_index\([^\[]*\[([^\]]*)\]"),
    re.compile(r"Index\([^)]*?fields\s*=\s*([\[(][^\])]*[\])])"),
    re.compile(r"t\.index\s*+\(?\s*+(\[[^\]]*\]|:?['\"]?\w+)"),
    re.compile(r"@@(?:index|unique|id)\(\s*(?:fields\s*:\s*)?\[([^\]]*)\]"),
    # Bounded lead-in and possessive runs: an unbounded non-word lead-in overlapped the
    # blank run after it and was rescanned from every split (quadratic on blank lines).
    re.compile(
        r"(?:unique_together|index_together)\W{1,40}"
        r"((?:[\[(\s]*+['\"][\w\s'\",]*+[\])\s,]*+)+)"
    ),
    re.compile(r"UniqueConstraint\([^)]*?fields\s*=\s*([\[(][^\])]*[\])])"),
)


_DJANGO_ALTER_FIELD = re.compile(r"AlterField\([^)]*?\bname\s*=\s*['\"](\w+)['\"]")


def index_prefixes(files: Sequence[ChangedFile]) -> set[tuple[str, str]]:
    """The first two columns of every composite index, unique constraint or primary key
    in the change (`PRIMARY KEY (bridge_id, user_login_id, chat_jid)`)."""
    found: set[tuple[str, str]] = set()
    for file in files:
        text = file.visible_text()
        for pattern in _INDEX_LISTS:
            for match in pattern.finditer(text):
                names = [w.lower() for w in re.findall(r"[A-Za-z_]\w*", match.group(1))]
                if len(names) >= 2:
                    found.add((names[0], names[1]))
    return found


def _served_by_prefix(query: str, prefixes: set[tuple[str, str]]) -> bool:
    """The query matches both leading columns of a composite index with `=`: the index
    finds its rows, and a new column only narrows those (a condition on one user's rows)."""
    lowered = query.lower()
    for first, second in prefixes:
        if first not in lowered or second not in lowered:
            continue
        if all(_equality(c).search(lowered) for c in (first, second)):
            return True
    return False


@lru_cache(maxsize=256)
def _equality(column: str) -> re.Pattern[str]:
    """`column = …` (or `column: …`, `column => …`) in a query or an ORM call."""
    return re.compile(rf"(?<![\w$.])[\"'`]?{re.escape(column)}[\"'`]?\s*(?:=(?![=>~])|:(?!:)|=>)")


def indexed_columns(files: Sequence[ChangedFile]) -> set[str]:
    """Every column named in an index or unique constraint anywhere in the change."""
    found: set[str] = set()
    for file in files:
        text = file.visible_text()
        for alter in _DJANGO_ALTER_FIELD.finditer(text):
            if _INDEXED_OPTION.search(statement_at(text, alter.start() + len("AlterField"))):
                found.add(alter.group(1).lower())
        for pattern in _INDEX_LISTS:
            for match in pattern.finditer(text):
                found.update(w.lower() for w in re.findall(r"[A-Za-z_]\w*", match.group(1)))
    return found


# Usages: (regex finding the model/table, how to read the rest of the query).
_DJANGO_USE = re.compile(r"\b([A-Z]\w*)\.objects\b")
_AR_USE = re.compile(
    r"(?<![\w:.])([A-Z]\w*)\.(?=where|order|find_by|find_by_|not\b|rewhere|reorder)"
)
_SA_USE = re.compile(r"\b(?:query|select)\(\s*([A-Z]\w*)\b")
_PRISMA_USE = re.compile(r"(?<!\w)(?:prisma|tx)\.(\w+)\.\w+\(", re.IGNORECASE)
_SQL_TABLE = re.compile(r"\b(?:FROM|JOIN|UPDATE)\s+(?:\w+\.)?[\"`]?(\w+)", re.IGNORECASE)


def _method_args(chain: str, methods: str) -> Iterator[tuple[int, str]]:
    for call in re.finditer(rf"\.({methods})\s*\(", chain):
        yield call.end(), statement_at(chain, call.end())
    for call in re.finditer(rf"\.({methods})\s+(?=[:\w\"'])", chain):  # Ruby without parens
        yield call.end(), statement_at(chain, call.end())


def _django_uses(chain: str, column: str) -> Iterator[int]:
    c = re.escape(column)
    for start, args in _method_args(chain, "filter|exclude|get|filter_by"):
        for m in re.finditer(rf"(?<![\w.\"']){c}(?:__\w+)?\s*=(?!=)", args):
            yield start + m.start()
    for start, args in _method_args(chain, "order_by"):
        for m in re.finditer(rf"[\"']-?{c}[\"']", args):
            yield start + m.start()


def _sa_uses(chain: str, column: str, model: str) -> Iterator[int]:
    c = re.escape(column)
    for start, args in _method_args(chain, "filter|where|order_by"):
        for m in re.finditer(rf"\b{re.escape(model)}\.{c}\b", args):
            yield start + m.start()
    for start, args in _method_args(chain, "filter_by"):
        for m in re.finditer(rf"(?<![\w.]){c}\s*=(?!=)", args):
            yield start + m.start()


def _ar_uses(chain: str, column: str) -> Iterator[int]:
    c = re.escape(column)
    for start, args in _method_args(chain, "where|find_by|not|rewhere"):
        for m in re.finditer(rf"(?<![\w.]){c}:\s|[\"'](?:\w+\.)?{c}\s*(?:=|<|>|IN\b|IS\b)", args):
            yield start + m.start()
    for start, args in _method_args(chain, "order|reorder"):
        for m in re.finditer(rf"(?<![\w.]):{c}\b|(?<![\w.]){c}:\s|[\"']{c}\b", args):
            yield start + m.start()
    for m in re.finditer(rf"\.find_by_{c}\b", chain):
        yield m.start()


def _prisma_uses(chain: str, column: str) -> Iterator[int]:
    for key in re.finditer(r"\b(where|orderBy)\s*:\s*", chain):
        value = statement_at(chain, key.end() + 1)
        # Columns are kept lower-cased; Prisma fields are camelCase (`expiresAt`).
        for m in re.finditer(rf"(?<![\w$.]){re.escape(column)}\s*:", value, re.IGNORECASE):
            yield key.end() + 1 + m.start()


def _sql_uses(body: str, column: str) -> Iterator[int]:
    c = re.escape(column)
    filters = re.compile(
        rf"\b(?:WHERE|AND|OR|ON)\s+(?:\w+\.)?{c}\s*(?:=|<|>|!=|IN\b|IS\b|BETWEEN\b|LIKE\b|ILIKE\b)"
        rf"|\bORDER\s+BY\s+(?:\w+\.)?{c}\b",
        re.IGNORECASE,
    )
    for m in filters.finditer(body):
        yield m.start()


@dataclass(frozen=True)
class Usage:
    table: str
    index: int  # into the file's code text


# A query that also matches the row's key (`id`, `pk`, `uuid`) finds it by the key's
# index: the new column only narrows one row (`where(id: x, locked_at: nil)`, an
# `UPDATE … WHERE id = ? AND state = ?` guard). Not `user_id`: a foreign key need not
# be indexed.
_BY_KEY = re.compile(
    r"(?<![\w$])[\"'`]?(?:id|pk|uuid)[\"'`]?\s*(?:==|=(?![=>~])|:(?!:)|=>|__exact\s*=)"
    r"|\.(?:id|pk|uuid)\s*==|\bfind(?:_by_id)?\s*\(",
    re.IGNORECASE,
)


def _usages(
    file: ChangedFile,
    text: str,
    columns: dict[str, set[str]],
    prefixes: set[tuple[str, str]],
) -> Iterator[tuple[Usage, str]]:
    language = file.language or ""
    anchors: list[tuple[re.Pattern[str], str]] = []
    if language == "python":
        anchors = [(_DJANGO_USE, "django"), (_SA_USE, "sa")]
    elif language == "ruby":
        anchors = [(_AR_USE, "ar")]
    elif language in {"javascript", "typescript"}:
        anchors = [(_PRISMA_USE, "prisma")]
    for pattern, style in anchors:
        for anchor in pattern.finditer(text):
            table = table_key(anchor.group(1))
            if table not in columns:
                continue
            start = anchor.start()
            if style == "sa":
                # the chain starts at the session/query call, not inside its argument
                start = text.rfind("\n", 0, start) + 1
            chain = statement_at(text, start)
            if _BY_KEY.search(chain) or _served_by_prefix(chain, prefixes):
                continue  # found by its key: see _BY_KEY
            for column in columns[table]:
                if style == "django":
                    found = _django_uses(chain, column)
                elif style == "sa":
                    found = _sa_uses(chain, column, anchor.group(1))
                elif style == "ar":
                    found = _ar_uses(chain, column)
                else:
                    found = _prisma_uses(chain, column)
                for index in found:
                    yield Usage(table, start + index), column
    if language in _STRING_KINDS:
        for node in sql_strings(file, text, r"(?i)\b(where|order\s+by)\b"):
            body = node.text()
            tables = {table_key(t) for t in _SQL_TABLE.findall(body)} & set(columns)
            if _BY_KEY.search(body) or _served_by_prefix(body, prefixes):
                continue
            node_start = sum(len(r) + 1 for r in text.split("\n")[: node.range().start.line])
            node_start += max(
                text.split("\n")[node.range().start.line].find(body.split("\n")[0]), 0
            )
            for table in tables:
                for column in columns[table]:
                    for index in _sql_uses(body, column):
                        yield Usage(table, node_start + index), column


_UNINDEXED_HINT = re.compile(
    r"(?i)add_?column|Field\(|CreateModel|create_table|CREATE\s+TABLE|ADD\s+|model\s+\w+\s*\{"
)


_SCHEMA_KINDS = frozenset({FileKind.MIGRATION, FileKind.ORM_SCHEMA, FileKind.SQL})


def _added_columns(file: ChangedFile) -> list[NewColumn]:
    """The columns `file` declares on lines the change adds, less those it declared
    before: a formatter pass over an old migration rewrites its columns, it adds none."""
    found = [c for c in new_columns(file) if c.line in file.added_lines]
    if not found:
        return []
    before = old_code.base_file(file)
    if before is None:
        return found
    old = {(c.table, c.column) for c in new_columns(before)}
    return [c for c in found if (c.table, c.column) not in old]


def unindexed_hits(files: Sequence[ChangedFile]) -> list[Hit]:
    candidates: list[NewColumn] = []
    for file in files:
        schema = file.kind in _SCHEMA_KINDS or file.language == "prisma"
        if schema and _UNINDEXED_HINT.search(file.visible_text()):
            candidates += _added_columns(file)
    if not candidates:
        return []
    indexed = indexed_columns(files)
    columns: dict[str, set[str]] = {}
    origin: dict[tuple[str, str], NewColumn] = {}
    for col in candidates:
        if col.column in indexed or col.column == "id":
            continue
        columns.setdefault(col.table, set()).add(col.column)
        origin.setdefault((col.table, col.column), col)
    if not columns:
        return []
    prefixes = index_prefixes(files)
    # Most files of a PR never name a new column: a scan for the names skips them unparsed.
    names = {c for cols in columns.values() for c in cols}
    mentioned = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names))) + r")\b", re.I)
    hits: list[Hit] = []
    for file in files:
        if file.kind not in _CODE_KINDS or file.language == "prisma" or is_test_path(file.path):
            continue
        if not mentioned.search(file.visible_text()):
            continue
        text = code_text(file)
        for usage, column in _usages(file, text, columns, prefixes):
            source = origin[(usage.table, column)]
            hits.append(
                Hit(
                    rule=UNINDEXED_FILTER,
                    path=file.path,
                    line=line_of(text, usage.index),
                    title=f"Query filters or sorts on `{column}`, added without an index",
                    detail=f"`{column}` is added in `{source.path}` (line {source.line}) with "
                    f"no index that starts with it anywhere in this change.",
                )
            )
    return hits


# --- rules ------------------------------------------------------------------------------

N_PLUS_ONE_RULE = catalog_rule(N_PLUS_ONE)
SELECT_STAR_RULE = catalog_rule(SELECT_STAR)
LIKE_RULE = catalog_rule(LIKE_WILDCARD)
UNINDEXED_RULE = catalog_rule(UNINDEXED_FILTER)


class NPlusOneQuery(Check):
    name = "ast-grep:n-plus-one"
    rules = (N_PLUS_ONE_RULE,)
    languages = frozenset({"python", "ruby", "javascript", "typescript", "go"})
    kinds = _CODE_KINDS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return n_plus_one_hits(file)


class SelectStar(Check):
    name = "ast-grep:select-star"
    rules = (SELECT_STAR_RULE,)
    languages = frozenset(_STRING_KINDS)
    kinds = _CODE_KINDS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return select_star_hits(file)


# A trigram index (pg_trgm's `gin_trgm_ops`/`gist_trgm_ops`) serves `LIKE '%x%'`: the
# statement declaring one, back to the previous statement's end, names its columns.
_TRIGRAM = re.compile(r"\b(?:gin|gist)_trgm_ops\b")
_STATEMENT_START = re.compile(r"[;{}]|\n\s*\n|^[ \t]*(?:add_index|t\.index|CREATE\b)", re.M | re.I)
_WORD = re.compile(r"[A-Za-z_]\w*")


def trigram_columns(files: Sequence[ChangedFile]) -> set[str]:
    """Lower-case words of the statements declaring a trigram index in the change's
    migrations and schema files: the columns those indexes serve, among other words."""
    out: set[str] = set()
    for file in files:
        if file.kind not in _TRIGRAM_KINDS:
            continue
        text = file.visible_text()
        for m in _TRIGRAM.finditer(text):
            window = text[max(0, m.start() - 400) : m.start()]
            starts = list(_STATEMENT_START.finditer(window))
            if starts:
                window = window[starts[-1].start() :]
            out |= {w.lower() for w in _WORD.findall(window)} - _INDEX_WORDS
    return out


# The words of an index declaration that are not its columns (`name:` above all: a
# search on a `name` column is not served by an index named anything).
_INDEX_WORDS = frozenset(
    [
        "add_index",
        "t",
        "index",
        "create",
        "unique",
        "on",
        "using",
        "gin",
        "gist",
        "opclass",
        "opclasses",
        "name",
        "algorithm",
        "concurrently",
        "if",
        "not",
        "exists",
        "where",
        "fields",
        "postgresql_using",
        "postgresql_ops",
        "op",
        "create_index",
        "ginindex",
        "gistindex",
        "models",
        "true",
        "false",
    ]
)


_TRIGRAM_KINDS = frozenset({FileKind.MIGRATION, FileKind.SQL, FileKind.ORM_SCHEMA})


class LikeLeadingWildcard(Check):
    name = "ast-grep:like-leading-wildcard"
    rules = (LIKE_RULE,)
    languages = frozenset(set(_STRING_KINDS) | {"sql"})
    # Migrations too: a trigram index the change adds is read from them (no hit there).
    kinds = frozenset(_CODE_KINDS | {FileKind.SQL, FileKind.MIGRATION})
    batch = True

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        trigram = trigram_columns(files)
        for file in files:
            if file.kind not in _CODE_KINDS | {FileKind.SQL}:
                continue
            for hit in self.check_file(file):
                if trigram and _served(file, hit.line, trigram):
                    continue  # the change indexes that column for substring search
                yield hit

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        hits = like_hits(file)
        on_added = [h.line for h in hits if h.line in file.added_lines]
        if not on_added:
            return hits
        # A search the change only rewrote (a formatter, `pyupgrade`'s f-strings) was
        # there before: the change adds no scan. Compared hunk by hunk with the old text.
        before = old_code.base_file(file)
        if before is None:
            return hits
        old = old_code.rewritten(file, on_added, [h.line for h in like_hits(before)])
        return [h for h in hits if h.line not in old]


def _served(file: ChangedFile, line: int, trigram: set[str]) -> bool:
    """Whether the searched column on `line` (`t.col ILIKE`, `col__icontains`, `col LIKE`)
    is one a trigram index of the change covers."""
    row = file.line_text(line) or ""
    searched = re.findall(
        r"(\w+)[\"'`\]]?\s+(?:NOT\s+)?I?LIKE\b|(\w+?)__i?(?:contains|endswith)\b"
        r"|\.(\w+)\.i?(?:like|contains|endswith)\(|(\w+)\s*:\s*\{\s*(?:contains|endsWith)",
        row,
        re.I,
    )
    return any(name.lower() in trigram for group in searched for name in group if name)


class FilterOnUnindexedColumn(Check):
    name = "filter-on-unindexed-column"
    rules = (UNINDEXED_RULE,)
    batch = True

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        return unindexed_hits(files)


CHECKS: list[Check] = [
    NPlusOneQuery(),
    SelectStar(),
    LikeLeadingWildcard(),
    FilterOnUnindexedColumn(),
]
