"""HTTP conventions in new route handlers, beyond verbs in paths (`routes.py`).

The routes come from `routes.routes` (FastAPI/Flask decorators, Express-style calls,
NestJS decorators); this module finds each route's handler body and reads it: a GET
that writes, a POST that creates but answers 200, a DELETE that reads a body, an
error payload sent with status 200, a path styled unlike its siblings, and a list
endpoint that returns a whole table. Only routes whose declaration the change added
are judged, so old handlers in context are left alone.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ast_grep_py import SgNode

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.astgrep import lines, parse, replace_lines, replacement_parses
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.rules.query_patterns import statement_at
from bot.rules.routes import Route, routes
from bot.rules.security_js import code_text, line_of
from bot.select import is_test_path

GET_WRITES = "get-handler-writes"
POST_201 = "post-create-without-201"
DELETE_BODY = "delete-with-body"
ERROR_200 = "error-with-status-200"
NAMING = "inconsistent-route-naming"
UNBOUNDED = "unbounded-list-query"

_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_JS_FUNCTIONS = frozenset({"arrow_function", "function_expression", "function"})


@dataclass(frozen=True)
class Handler:
    route: Route
    methods: frozenset[str]
    function: SgNode  # the handler function: parameters and body
    body: SgNode
    call: SgNode | None  # the decorator call or the `app.get(...)` call that registers it
    framework: str  # fastapi | flask | express | nest | python

    @property
    def route_line(self) -> int:
        return lines(self.route.node)[0]


def _py_framework(text: str) -> str:
    if re.search(r"^\s*(?:from|import)\s+fastapi\b", text, re.MULTILINE):
        return "fastapi"
    if re.search(r"^\s*(?:from|import)\s+flask\b", text, re.MULTILINE):
        return "flask"
    return "python"


def _py_methods(route: Route, call: SgNode) -> frozenset[str]:
    if route.method:
        return frozenset({route.method})
    listed = re.search(r"methods\s*=\s*[\[({]([^\])}]*)", call.text())
    if not listed:
        return frozenset({"GET"})
    return frozenset(m.upper() for m in re.findall(r"[\"'](\w+)[\"']", listed.group(1)))


def _py_handlers(file: ChangedFile, found: list[Route], text: str) -> Iterator[Handler]:
    framework = _py_framework(text)
    for route in found:
        call = next((a for a in route.node.ancestors() if a.kind() == "call"), None)
        decorated = next(
            (a for a in route.node.ancestors() if a.kind() == "decorated_definition"), None
        )
        function = decorated.field("definition") if decorated is not None else None
        body = function.field("body") if function is not None else None
        if call is None or function is None or body is None:
            continue
        yield Handler(route, _py_methods(route, call), function, body, call, framework)


def _js_handlers(found: list[Route]) -> Iterator[Handler]:
    for route in found:
        arguments = route.node.parent()
        call = arguments.parent() if arguments is not None else None
        if arguments is None or call is None or call.kind() != "call_expression":
            continue
        if route.method not in _METHODS:
            continue
        handler = arguments.named_children()[-1]
        body = handler.field("body")
        if handler.kind() not in _JS_FUNCTIONS or body is None:
            continue
        yield Handler(route, frozenset({route.method}), handler, body, call, "express")


_NEST_METHOD = re.compile(r"^@(Get|Post|Put|Patch|Delete)\s*\(")


def _nest_handlers(root: SgNode) -> Iterator[Handler]:
    for method in root.find_all(kind="method_definition"):
        decorator = method.prev()
        while decorator is not None and decorator.kind() == "decorator":
            found = _NEST_METHOD.match(decorator.text())
            body = method.field("body")
            if found and body is not None:
                route = Route(decorator.text(), decorator, found.group(1).upper())
                yield Handler(route, frozenset({route.method or ""}), method, body, None, "nest")
                break
            decorator = decorator.prev()


def handlers(file: ChangedFile, found: list[Route] | None = None) -> list[Handler]:
    """Every route handler whose body the file shows (`found`: the file's routes, when
    the caller already has them)."""
    found = routes(file) if found is None else found
    if file.language == "python":
        return list(_py_handlers(file, found, file.visible_text()))
    out = list(_js_handlers(found))
    text = file.visible_text()
    if "@nestjs" in text or re.search(r"@(Get|Post|Put|Patch|Delete)\s*\(", text):
        root = parse(text, file.language)
        if root is not None:
            out += list(_nest_handlers(root))
    return out


def _added(file: ChangedFile, handler: Handler) -> bool:
    return handler.route_line in file.added_lines


def _body_text(handler: Handler) -> tuple[str, int]:
    """The handler function's text and the file line it starts on."""
    return handler.function.text(), lines(handler.function)[0]


def _at(handler: Handler, index: int) -> int:
    text, first = _body_text(handler)
    return first + text.count("\n", 0, index)


def _params(handler: Handler) -> list[str]:
    params = handler.function.field("parameters") or handler.function.field("parameter")
    if params is None:
        return []
    names = re.findall(r"(?:^|[(,])\s*([A-Za-z_$][\w$]*)", params.text())
    return names


# --- what a handler does -----------------------------------------------------------------

_WRITE_PY = re.compile(
    r"\.objects\.(?:create|bulk_create|get_or_create|update_or_create|bulk_update)\("
    r"|(?<![\w.])(?!request\b|response\b|cache\b)\w+\.(?:save|delete)\(\s*(?:update_fields\s*=[^)]*)?\)"
    r"|\.objects\.(?:filter|exclude|all)\(.*?\)\.(?:update|delete)\("
    r"|\b(?:db\.)?session\.(?:add|add_all|delete|merge|bulk_save_objects)\("
    r"|\.execute\(\s*(?:text\()?\s*[fr]?(?:\"\"\"|'''|[\"'])\s*(?:INSERT|UPDATE|DELETE)\b"
    r"|(?<![\w.])(?:insert|update|delete)\(\s*[A-Z]\w*\s*\)",
    re.IGNORECASE,
)
_WRITE_JS = re.compile(
    r"\b(?:[\w$]+\.)*(?:prisma|tx)\.\w+\.(?:create|createMany|update|updateMany|upsert|delete"
    r"|deleteMany)\("
    r"|\b(?!Object\b|Reflect\b|Promise\b|Array\b|JSON\b|Math\b|Date\b)[A-Z]\w*\."
    r"(?:create|bulkCreate|destroy|insertMany|deleteOne|deleteMany|updateOne|updateMany"
    r"|findOneAndUpdate|findByIdAndUpdate|findOneAndDelete|findByIdAndDelete|findByIdAndRemove"
    r"|upsert)\("
    r"|(?<!session)\.save\(\s*\)"
    r"|\b\w*(?:repo|Repo|repository|Repository)\w*\.(?:save|insert|delete|remove|update"
    r"|softDelete|upsert)\("
    r"|\.(?:query|execute|run)\(\s*[`'\"]\s*(?:INSERT|UPDATE|DELETE)\b"
    r"|\b(?:knex|db)\([^()]*\)\.(?:insert|del|delete|update)\("
)
_CREATE_PY = re.compile(
    r"\.objects\.(?:create|bulk_create)\(|\b(?:db\.)?session\.(?:add|add_all)\("
    r"|\.execute\(\s*(?:text\()?\s*[fr]?(?:\"\"\"|'''|[\"'])\s*INSERT\b|(?<![\w.])insert\(\s*[A-Z]\w*\s*\)",
    re.IGNORECASE,
)
_CREATE_JS = re.compile(
    r"\b(?:[\w$]+\.)*(?:prisma|tx)\.\w+\.(?:create|createMany)\("
    r"|\b(?!Object\b|Reflect\b|Promise\b)[A-Z]\w*\.(?:create|bulkCreate|insertMany)\("
    r"|\b\w*(?:repo|Repo|repository|Repository)\w*\.(?:save|insert)\("
    r"|\.(?:query|execute|run)\(\s*[`'\"]\s*INSERT\b"
    r"|\b(?:knex|db)\([^()]*\)\.insert\("
)
# Tracking a read (a view counter, a last-seen stamp) is an accepted side effect of GET.
_TOUCH = re.compile(
    r"\b(?:views?|view_?count|viewCount|hits|visits|visit_?count|last_?(?:seen|login|access\w*"
    r"|used|active\w*|visit\w*)|lastSeen\w*|lastAccess\w*|accessed_?at|seen_?at)\b",
    re.IGNORECASE,
)


def _writes(handler: Handler, pattern: re.Pattern[str]) -> re.Match[str] | None:
    text, _ = _body_text(handler)
    return pattern.search(code_of(text, handler))


def code_of(text: str, handler: Handler) -> str:
    """The handler's text with comments blanked where we can cheaply tell them."""
    if handler.framework in {"fastapi", "flask", "python"}:
        return re.sub(r"#[^\n]*", lambda m: " " * len(m.group(0)), text)
    return re.sub(r"(?<![:\"'`])//[^\n]*", lambda m: " " * len(m.group(0)), text)


def get_writes_hits(file: ChangedFile, found: list[Handler]) -> Iterator[Hit]:
    for handler in found:
        if handler.methods != {"GET"} or not _added(file, handler):
            continue
        pattern = _WRITE_PY if file.language == "python" else _WRITE_JS
        match = _writes(handler, pattern)
        if match is None or _TOUCH.search(handler.body.text()):
            continue
        yield Hit(
            GET_WRITES,
            file.path,
            _at(handler, match.start()),
            title=f"GET handler `{handler.route.path}` writes to the database",
        )


# --- post-create-without-201 ---------------------------------------------------------------


def _with_status(line: str) -> str | None:
    """The decorator line with `status_code=201` added, when it is one whole call."""
    stripped = line.rstrip()
    if not stripped.lstrip().startswith("@") or not stripped.endswith(")"):
        return None
    inner = stripped[:-1].rstrip()
    separator = "" if inner.endswith("(") else ", "
    return f"{inner}{separator}status_code=201)"


def _python_suggestion(file: ChangedFile, line: int, new: str) -> str | None:
    text = file.visible_text()
    edited = replace_lines(text, line, line, new)
    try:
        ast.parse(text)
    except SyntaxError:
        return new if replacement_parses(text, line, line, new, file.language) else None
    try:
        ast.parse(edited)
    except SyntaxError:
        return None
    return new


def _top_level_comma(expr: str) -> bool:
    depth = 0
    quote = ""
    for char in expr:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            return True
    return False


_RETURN = re.compile(r"^[ \t]*return\s+", re.MULTILINE)
_CUSTOM_RESPONSE = re.compile(r"status_code|\bstatus\s*=|Response\(|redirect\(|abort\(|\b201\b")


def post_create_hits(file: ChangedFile, found: list[Handler]) -> Iterator[Hit]:
    for handler in found:
        if "POST" not in handler.methods or not _added(file, handler):
            continue
        text, first = _body_text(handler)
        body = code_of(text, handler)
        if handler.framework == "fastapi" and handler.call is not None:
            hit = _fastapi_post(file, handler, body)
        elif handler.framework == "flask":
            hit = _flask_post(file, handler, body, first)
        elif handler.framework == "express":
            hit = _express_post(file, handler, body)
        else:
            hit = None
        if hit is not None:
            yield hit


def _fastapi_post(file: ChangedFile, handler: Handler, body: str) -> Hit | None:
    assert handler.call is not None
    if "status_code" in handler.call.text() or not _CREATE_PY.search(body):
        return None
    if _CUSTOM_RESPONSE.search(handler.body.text()):
        return None
    line = lines(handler.call)[0]
    current = file.line_text(line) or ""
    new = _with_status(current) if lines(handler.call)[1] == line else None
    return Hit(
        POST_201,
        file.path,
        line,
        title=f"POST `{handler.route.path}` creates a resource but answers 200",
        detail="FastAPI answers 200 unless the route declares `status_code`.",
        suggestion=_python_suggestion(file, line, new) if new else None,
    )


def _flask_post(file: ChangedFile, handler: Handler, body: str, first: int) -> Hit | None:
    if not _CREATE_PY.search(body) or _CUSTOM_RESPONSE.search(body):
        return None
    for match in _RETURN.finditer(body):
        expr = statement_at(body, match.end())
        if _top_level_comma(expr) or not re.match(r"(?:jsonify\(|\{)", expr):
            continue
        if re.search(r"[\"'](?:error|errors)[\"']|\berrors?\s*=", expr):
            continue
        line = first + body.count("\n", 0, match.start())
        current = file.line_text(line) or ""
        new = None
        if "\n" not in expr and current.rstrip().endswith(expr.strip()):
            new = current.rstrip() + ", 201"
        return Hit(
            POST_201,
            file.path,
            line,
            title=f"POST `{handler.route.path}` creates a resource but answers 200",
            detail="Flask answers 200 unless the view returns a status.",
            suggestion=_python_suggestion(file, line, new) if new else None,
        )
    return None


def _express_post(file: ChangedFile, handler: Handler, body: str) -> Hit | None:
    params = _params(handler)
    if len(params) < 2 or not _CREATE_JS.search(body):
        return None
    res = re.escape(params[1])
    if re.search(rf"\b{res}\s*\.\s*(?:status|sendStatus)\(|statusCode|\b201\b|CREATED", body):
        return None
    reply = re.search(rf"(?<![\w$.]){res}\.(?:json|send)\(", body)
    if reply is None:
        return None
    line = _at(handler, reply.start())
    current = file.line_text(line) or ""
    new = re.sub(
        rf"(?<![\w$.]){res}\.(json|send)\(", rf"{params[1]}.status(201).\1(", current, count=1
    )
    text = file.visible_text()
    ok = new != current and replacement_parses(text, line, line, new, file.language)
    return Hit(
        POST_201,
        file.path,
        line,
        title=f"POST `{handler.route.path}` creates a resource but answers 200",
        detail="Express answers 200 unless the handler sets the status.",
        suggestion=new if ok else None,
    )


# --- delete-with-body --------------------------------------------------------------------

_FLASK_BODY = re.compile(r"\brequest\.(?:json\b|get_json\(|form\b|data\b|get_data\()")
_ASGI_BODY = re.compile(r"\bawait\s+\w+\.(?:json|body|form)\(\s*\)")


def delete_body_hits(file: ChangedFile, found: list[Handler]) -> Iterator[Hit]:
    text = file.visible_text()
    for handler in found:
        if handler.methods != {"DELETE"} or not _added(file, handler):
            continue
        body, _ = _body_text(handler)
        body = code_of(body, handler)
        match: re.Match[str] | None = None
        if handler.framework == "nest":
            match = re.search(r"@Body\(", body)
        elif handler.framework == "express":
            params = _params(handler)
            if params:
                match = re.search(rf"(?<![\w$.]){re.escape(params[0])}\.body\b", body)
        elif handler.framework == "flask":
            match = _FLASK_BODY.search(body)
        elif handler.framework == "fastapi":
            match = _ASGI_BODY.search(body) or _fastapi_body_param(handler, text)
        if match is not None:
            yield Hit(
                DELETE_BODY,
                file.path,
                _at(handler, match.start()),
                title=f"DELETE `{handler.route.path}` reads a request body",
            )


def _fastapi_body_param(handler: Handler, text: str) -> re.Match[str] | None:
    params = handler.function.field("parameters")
    if params is None:
        return None
    models = set(re.findall(r"^class\s+(\w+)\((?:[\w.]*BaseModel|[\w.]*Schema)\)", text, re.M))
    offset = params.range().start.index - handler.function.range().start.index
    for match in re.finditer(
        r"(\w+)\s*:\s*([\w.\[\], ]+?)\s*(?:=\s*(\w+)\()?\s*(?=[,)])", params.text()
    ):
        annotation, default = match.group(2), match.group(3)
        if default == "Body" or "Body(" in annotation or annotation.split("[")[0] in models:
            return re.compile(re.escape(match.group(0))).search(
                handler.function.text(), max(offset, 0)
            )
    return None


# --- error-with-status-200 -----------------------------------------------------------------

_ERROR_KEY = r"(?:error|errors|err)"
_ERROR_VALUE = r"(?!\s*(?:null|None|undefined|false|False|\[\s*\]|\{\s*\})\s*[,}])"


def error_200_hits(file: ChangedFile, found: list[Handler]) -> Iterator[Hit]:
    for handler in found:
        if not _added(file, handler):
            continue
        raw, first = _body_text(handler)
        body = code_of(raw, handler)
        for index in _error_replies(handler, body):
            yield Hit(
                ERROR_200,
                file.path,
                first + body.count("\n", 0, index),
                title=f"`{handler.route.path}` returns an error payload with status 200",
            )


def _error_replies(handler: Handler, body: str) -> Iterator[int]:
    if handler.framework == "express":
        params = _params(handler)
        if len(params) < 2:
            return
        res = re.escape(params[1])
        pattern = re.compile(
            rf"(?<![\w$.]){res}\.(?:json|send)\(\s*\{{\s*(?:[\w$]+\s*:\s*[^,{{}}]+,\s*)*"
            rf"{_ERROR_KEY}\b\s*(?::{_ERROR_VALUE}|[,}}])"
        )
        for match in pattern.finditer(body):
            before = body[max(0, match.start() - 200) : match.start()]
            statement_start = before.rfind("\n")
            recent = before[before.rfind("\n", 0, max(statement_start, 0)) :]
            if re.search(rf"\b{res}\.status\(|statusCode", recent):
                continue
            yield match.start()
    elif handler.framework in {"flask", "fastapi"}:
        payload = (
            rf"(?:jsonify\(\s*(?:\{{\s*[\"']{_ERROR_KEY}[\"']\s*:{_ERROR_VALUE}|{_ERROR_KEY}\s*="
            rf"(?!\s*None))|\{{\s*[\"']{_ERROR_KEY}[\"']\s*:{_ERROR_VALUE}"
            rf"|JSONResponse\(\s*(?:content\s*=\s*)?\{{\s*[\"']{_ERROR_KEY}[\"']\s*:{_ERROR_VALUE})"
        )
        for match in re.finditer(rf"^[ \t]*return\s+(?={payload})", body, re.MULTILINE):
            expr = statement_at(body, match.end())
            if _top_level_comma(expr) or re.search(r"status_code\s*=|status\s*=", expr):
                continue
            yield match.start()


# --- inconsistent-route-naming ----------------------------------------------------------------


def _segment_style(segment: str) -> str | None:
    if re.fullmatch(r"[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+", segment):
        return "camelCase"
    if re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+", segment):
        return "snake_case"
    if re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+", segment):
        return "kebab-case"
    return None


def _static_segments(path: str) -> list[str]:
    return [
        s
        for s in path.split("/")
        if s and s[:1] not in "{<:*[" and ":" not in s and "{" not in s and "." not in s
    ]


def path_style(path: str) -> str | None:
    """The casing a path's multi-word segments use, or None (no such segment, or mixed)."""
    styles = {style for s in _static_segments(path) if (style := _segment_style(s))}
    return styles.pop() if len(styles) == 1 else None


def restyle(path: str, style: str) -> str:
    def convert(segment: str) -> str:
        if segment not in _static_segments(path) or _segment_style(segment) is None:
            return segment
        words = [w.lower() for w in re.findall(r"[A-Z]?[a-z0-9]+", segment)]
        if style == "kebab-case":
            return "-".join(words)
        if style == "snake_case":
            return "_".join(words)
        return words[0] + "".join(w.capitalize() for w in words[1:])

    return "/".join(convert(s) for s in path.split("/"))


def naming_hits(file: ChangedFile, found: list[Route]) -> Iterator[Hit]:
    styled = [(route, path_style(route.path)) for route in found]
    for route, style in styled:
        first, last = lines(route.node)
        if style is None or first not in file.added_lines:
            continue
        others = {s for r, s in styled if r is not route and s is not None}
        count = sum(1 for r, s in styled if r is not route and s is not None)
        if len(others) != 1 or count < 2 or style in others:
            continue
        wanted = others.pop()
        fixed = restyle(route.path, wanted)
        current = file.line_text(first) or ""
        suggestion = None
        if first == last and current.count(route.path) == 1:
            new = current.replace(route.path, fixed)
            if replacement_parses(file.visible_text(), first, first, new, file.language):
                suggestion = new
        yield Hit(
            NAMING,
            file.path,
            first,
            title=f"Route `{route.path}` uses {style} where its siblings use {wanted}",
            detail=f"The other routes in this file spell multi-word segments in {wanted}: "
            f"`{fixed}` would match them.",
            suggestion=suggestion,
        )


# --- unbounded-list-query -------------------------------------------------------------------

_BOUNDED = re.compile(
    r"(?i)limit|paginat|\bpage|offset|cursor|\[\s*:|\[\s*\d*\s*:\s*\w+|islice|\btake\b|per_page"
    r"|first\(|\.get\(|slice\("
)
_UNBOUNDED_PY = re.compile(
    r"\b[A-Z]\w*\.objects\.all\(\)"
    r"|\b(?:[\w.]*session|db)\.query\(\s*[A-Z][\w.]*\s*\)"
    r"|\bselect\(\s*[A-Z][\w.]*\s*\)"
    r"|\b[A-Z]\w*\.query\.all\(\)"
)
_FILTERED = re.compile(
    r"\.(?:filter|filter_by|where|exclude|get|first|one|one_or_none|count|exists|aggregate"
    r"|scalar|limit|get_or_404|first_or_404|paginate|slice|in_bulk)\b|\["
)
_UNBOUNDED_JS = re.compile(
    r"\b(?:[\w$]+\.)*(?:prisma|tx)\.\w+\.findMany\(|\b[A-Z]\w*\.findAll\(|\b[A-Z]\w*\.find\("
    r"|\b\w*(?:repo|Repo|repository|Repository)\w*\.find\("
)
_JS_FILTER_ARGS = re.compile(r"\b(?:where|take|skip|cursor|limit|offset|first|last)\s*:")


def _unbounded_in(body: str, language: str) -> Iterator[int]:
    if _BOUNDED.search(body):
        return
    if language == "python":
        for match in _UNBOUNDED_PY.finditer(body):
            chain = statement_at(body, match.start())
            if not _FILTERED.search(chain[len(match.group(0)) :]) and not _FILTERED.search(
                match.group(0)
            ):
                if match.group(0).startswith("select(") and ".all()" not in chain:
                    continue
                if ".query(" in match.group(0) and not re.search(r"\.all\(\)", chain):
                    continue
                yield match.start()
        return
    for match in _UNBOUNDED_JS.finditer(body):
        args = statement_at(body, match.end()).strip()
        if _JS_FILTER_ARGS.search(args):
            continue
        if match.group(0).endswith(".find(") and args not in {"", "{}"}:
            continue  # Mongoose/TypeORM `find(conditions)`: filtered
        chain = statement_at(body, match.start())
        if re.search(r"\.(?:limit|skip|take|where)\(", chain):
            continue
        yield match.start()


_RAILS_INDEX = re.compile(r"^(\s*)def\s+index\b.*?^\1end\b", re.MULTILINE | re.DOTALL)
_RAILS_ALL = re.compile(
    r"\b[A-Z]\w*(?:\.(?:all|order\([^)]*\)|includes\([^)]*\)|preload\([^)]*\)))+(?![\w.(])"
)


def unbounded_hits(file: ChangedFile, found: list[Handler]) -> Iterator[Hit]:
    if is_test_path(file.path):
        return
    if file.language == "ruby":
        yield from _rails_unbounded(file)
        return
    for handler in found:
        if handler.methods != {"GET"}:
            continue
        last = [s for s in handler.route.path.split("/") if s]
        if last and (last[-1][:1] in "{<:" or "{" in last[-1]):
            continue  # one item, not a list
        text, first = _body_text(handler)
        body = code_of(text, handler)
        for index in _unbounded_in(body, file.language or ""):
            yield Hit(
                UNBOUNDED,
                file.path,
                first + body.count("\n", 0, index),
                title=f"List endpoint `{handler.route.path}` returns every row",
            )


def _rails_unbounded(file: ChangedFile) -> Iterator[Hit]:
    if not file.path.endswith("_controller.rb"):
        return
    text = code_text(file)
    for action in _RAILS_INDEX.finditer(text):
        body = action.group(0)
        if "render json:" not in body and "respond_with" not in body:
            continue
        if re.search(
            r"(?i)limit|paginat|\.page\b|pagy|\bper\b|\.first|\.take|\.where|find_by", body
        ):
            continue
        for match in _RAILS_ALL.finditer(body):
            if ".all" in match.group(0) or ".order(" in match.group(0):
                yield Hit(
                    UNBOUNDED,
                    file.path,
                    line_of(text, action.start() + match.start()),
                    title="`index` action renders every row as JSON",
                )


# --- rules ----------------------------------------------------------------------------------

_PY_CASES_HEAD = "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n"
_FLASK_HEAD = "from flask import Flask, jsonify, request\n\napp = Flask(__name__)\n\n"
_EXPRESS_HEAD = "const express = require('express');\nconst router = express.Router();\n"

GET_WRITES_RULE = Rule(
    id=GET_WRITES,
    category=Category.API_DESIGN,
    severity=Severity.MEDIUM,
    title="GET handler writes to the database",
    rationale=(
        "GET is a safe method: browsers prefetch links, crawlers and link previews follow "
        "them, proxies and clients retry them on a timeout, and CDNs may serve or replay "
        "them. A GET that creates or deletes rows gets run by all of these — a Slack "
        "unfurl or a security scanner walking the API deletes data, a retried request "
        "creates duplicates, and CSRF protection (which exempts safe methods) does not "
        "guard it, so any page can trigger the write with an `<img>` tag. Counters and "
        "last-seen stamps are not flagged."
    ),
    fix=(
        "Move the write to a POST, PUT, PATCH or DELETE route and keep the GET read-only; "
        "if the read must record something, do it asynchronously and idempotently."
    ),
    languages=("python", "javascript", "typescript"),
    positive=(
        RuleCase(
            path="app/api/tokens.py",
            code=_PY_CASES_HEAD + '@router.get("/tokens/{token_id}/revoke")\n'
            "def revoke(token_id: int, session: Session = Depends(db)) -> dict:\n"
            "    session.delete(session.get(Token, token_id))\n"
            "    session.commit()\n"
            '    return {"ok": True}\n',
            lines=(7,),
        ),
        RuleCase(
            path="src/routes/invites.js",
            code=_EXPRESS_HEAD + "router.get('/invites/:code', async (req, res) => {\n"
            "  const invite = await prisma.invite.delete({ where: { code: req.params.code } });\n"
            "  res.json(invite);\n"
            "});\n",
            lines=(4,),
        ),
        RuleCase(
            path="src/routes/invites.ts",
            code="import express from 'express';\nconst app = express();\n"
            "app.get('/seed', async (req, res) => {\n"
            "  await User.create({ name: 'demo' });\n"
            "  res.json({ ok: true });\n"
            "});\n",
            lines=(4,),
        ),
    ),
    negative=(
        RuleCase(
            path="app/api/tokens.py",
            code=_PY_CASES_HEAD + '@router.get("/articles/{article_id}")\n'
            "def article(article_id: int, session: Session = Depends(db)) -> dict:\n"
            "    item = session.get(Article, article_id)\n"
            "    item.view_count += 1\n"
            "    session.add(item)\n"
            "    return item\n"
            "\n"
            '@router.delete("/tokens/{token_id}")\n'
            "def revoke(token_id: int, session: Session = Depends(db)) -> None:\n"
            "    session.delete(session.get(Token, token_id))\n",
        ),
        RuleCase(
            path="src/routes/invites.js",
            code=_EXPRESS_HEAD + "router.get('/invites/:code', async (req, res) => {\n"
            "  res.json(await prisma.invite.findUnique({ where: { code: req.params.code } }));\n"
            "});\n",
        ),
        RuleCase(
            path="src/routes/invites.ts",
            code="import express from 'express';\nconst app = express();\n"
            "app.post('/seed', async (req, res) => {\n"
            "  await User.create({ name: 'demo' });\n"
            "  res.status(201).json({ ok: true });\n"
            "});\n",
        ),
    ),
)

POST_201_RULE = Rule(
    id=POST_201,
    category=Category.API_DESIGN,
    severity=Severity.LOW,
    title="POST that creates a resource answers 200 instead of 201",
    rationale=(
        "`201 Created` (with a `Location` header) is how HTTP says a new resource exists; "
        "generated clients, API gateways and retry logic key off it. Answering 200 makes a "
        "create indistinguishable from an action or an idempotent replay, and once clients "
        "ship, changing the status breaks the ones that check `status == 200`. FastAPI and "
        "Flask answer 200 and Express 200 unless told otherwise (NestJS already uses 201)."
    ),
    fix=(
        "Declare the status: FastAPI `@router.post(..., status_code=201)`, Flask "
        "`return jsonify(item), 201` (plus a `Location` header), Express "
        "`res.status(201).location(url).json(item)`."
    ),
    languages=("python", "javascript", "typescript"),
    positive=(
        RuleCase(
            path="app/api/items.py",
            code=_PY_CASES_HEAD + '@router.post("/items")\n'
            "def create(item: ItemIn, session: Session = Depends(db)) -> Item:\n"
            "    row = Item(**item.model_dump())\n"
            "    session.add(row)\n"
            "    session.commit()\n"
            "    return row\n",
            lines=(5,),
        ),
        RuleCase(
            path="app/views.py",
            code=_FLASK_HEAD + '@app.route("/items", methods=["POST"])\n'
            "def create():\n"
            "    item = Item(name=request.json['name'])\n"
            "    db.session.add(item)\n"
            "    db.session.commit()\n"
            "    return jsonify(item.to_dict())\n",
            lines=(10,),
        ),
        RuleCase(
            path="src/routes/items.js",
            code=_EXPRESS_HEAD + "router.post('/items', async (req, res) => {\n"
            "  const item = await prisma.item.create({ data: { name: req.body.name } });\n"
            "  res.json(item);\n"
            "});\n",
            lines=(5,),
        ),
        RuleCase(
            path="src/routes/items.ts",
            code="import { Router } from 'express';\nconst router = Router();\n"
            "router.post('/items', async (req, res) => {\n"
            "  const item = await Item.create({ name: req.body.name });\n"
            "  return res.send(item);\n"
            "});\n",
            lines=(5,),
        ),
    ),
    negative=(
        RuleCase(
            path="app/api/items.py",
            code=_PY_CASES_HEAD + '@router.post("/items", status_code=201)\n'
            "def create(item: ItemIn, session: Session = Depends(db)) -> Item:\n"
            "    session.add(Item(**item.model_dump()))\n"
            "    session.commit()\n"
            "\n"
            '@router.post("/search")\n'
            "def search(q: Query) -> list:\n"
            "    return []\n",
        ),
        RuleCase(
            path="app/views.py",
            code=_FLASK_HEAD + '@app.route("/items", methods=["POST"])\n'
            "def create():\n"
            "    db.session.add(Item(name=request.json['name']))\n"
            "    db.session.commit()\n"
            "    return jsonify(ok=True), 201\n",
        ),
        RuleCase(
            path="src/routes/items.js",
            code=_EXPRESS_HEAD + "router.post('/items', async (req, res) => {\n"
            "  const item = await prisma.item.create({ data: { name: req.body.name } });\n"
            "  res.status(201).json(item);\n"
            "});\n",
        ),
        RuleCase(
            path="src/routes/items.ts",
            code="import { Router } from 'express';\nconst router = Router();\n"
            "router.post('/login', async (req, res) => {\n"
            "  res.json({ token: sign(req.body) });\n"
            "});\n",
        ),
    ),
)

DELETE_BODY_RULE = Rule(
    id=DELETE_BODY,
    category=Category.API_DESIGN,
    severity=Severity.LOW,
    title="DELETE handler reads a request body",
    rationale=(
        "A body on DELETE has no defined meaning (RFC 9110): some proxies, load balancers "
        "and CDNs drop it, several HTTP clients (browsers' `fetch` in some modes, Java's "
        "`HttpURLConnection`, many generated SDKs) cannot send it, and caches ignore it. "
        "The endpoint works in local tests and then receives an empty body behind the "
        "production proxy — deleting the wrong thing or failing validation."
    ),
    fix=(
        "Identify what to delete in the path (`DELETE /items/{id}`) or the query string "
        "(`DELETE /items?ids=1,2`); for a batch with a large payload use "
        "`POST /items/bulk-delete`."
    ),
    languages=("python", "javascript", "typescript"),
    positive=(
        RuleCase(
            path="app/views.py",
            code=_FLASK_HEAD + '@app.delete("/items")\n'
            "def remove():\n"
            "    ids = request.get_json()['ids']\n"
            "    return jsonify(deleted=delete_items(ids))\n",
            lines=(7,),
        ),
        RuleCase(
            path="src/routes/items.js",
            code=_EXPRESS_HEAD + "router.delete('/items', async (req, res) => {\n"
            "  await removeItems(req.body.ids);\n"
            "  res.sendStatus(204);\n"
            "});\n",
            lines=(4,),
        ),
        RuleCase(
            path="src/items/items.controller.ts",
            code="import { Body, Controller, Delete } from '@nestjs/common';\n"
            "@Controller('items')\n"
            "export class ItemsController {\n"
            "  @Delete()\n"
            "  remove(@Body() dto: RemoveItemsDto) {\n"
            "    return this.items.remove(dto.ids);\n"
            "  }\n"
            "}\n",
            lines=(5,),
        ),
    ),
    negative=(
        RuleCase(
            path="app/views.py",
            code=_FLASK_HEAD + '@app.delete("/items/<int:item_id>")\n'
            "def remove(item_id):\n"
            "    return jsonify(deleted=delete_items([item_id]))\n",
        ),
        RuleCase(
            path="src/routes/items.js",
            code=_EXPRESS_HEAD + "router.delete('/items/:id', async (req, res) => {\n"
            "  await removeItems([req.params.id]);\n"
            "  res.sendStatus(204);\n"
            "});\n",
        ),
        RuleCase(
            path="src/items/items.controller.ts",
            code="import { Body, Controller, Delete, Param } from '@nestjs/common';\n"
            "@Controller('items')\n"
            "export class ItemsController {\n"
            "  @Delete(':id')\n"
            "  remove(@Param('id') id: string) {\n"
            "    return this.items.remove([id]);\n"
            "  }\n"
            "}\n",
        ),
    ),
)

ERROR_200_RULE = Rule(
    id=ERROR_200,
    category=Category.API_DESIGN,
    severity=Severity.MEDIUM,
    title="Error payload returned with status 200",
    rationale=(
        "An error sent as `200 OK` looks like success to everything that is not reading "
        "the body: clients' `if (res.ok)` takes the happy path with an error object, "
        "retries and circuit breakers never trigger, caches and CDNs may store the error "
        "as the resource, and monitoring shows a 0% error rate during an outage. Once "
        "clients parse `{error}` out of 200s, fixing the status is a breaking change."
    ),
    fix=(
        "Send the matching status: Express `res.status(400).json({ error })` (404, 409, "
        "422, 500 ...), Flask `return jsonify(error=...), 400`, FastAPI "
        "`raise HTTPException(status_code=404, detail=...)`."
    ),
    languages=("python", "javascript", "typescript"),
    positive=(
        RuleCase(
            path="src/routes/users.js",
            code=_EXPRESS_HEAD + "router.get('/users/:id', async (req, res) => {\n"
            "  const user = await findUser(req.params.id);\n"
            "  if (!user) {\n"
            "    return res.json({ error: 'not found' });\n"
            "  }\n"
            "  res.json(user);\n"
            "});\n",
            lines=(6,),
        ),
        RuleCase(
            path="src/routes/users.ts",
            code="import { Router } from 'express';\nconst router = Router();\n"
            "router.post('/login', async (req, res) => {\n"
            "  if (!req.body.password) res.send({ ok: false, error: 'password required' });\n"
            "});\n",
            lines=(4,),
        ),
        RuleCase(
            path="app/views.py",
            code=_FLASK_HEAD + '@app.get("/users/<int:user_id>")\n'
            "def user(user_id):\n"
            "    found = find_user(user_id)\n"
            "    if found is None:\n"
            '        return jsonify({"error": "not found"})\n'
            "    return jsonify(found)\n",
            lines=(9,),
        ),
        RuleCase(
            path="app/api/users.py",
            code=_PY_CASES_HEAD + '@router.get("/users/{user_id}")\n'
            "def user(user_id: int) -> dict:\n"
            "    found = find_user(user_id)\n"
            "    if found is None:\n"
            '        return {"error": "not found"}\n'
            "    return found\n",
            lines=(9,),
        ),
    ),
    negative=(
        RuleCase(
            path="src/routes/users.js",
            code=_EXPRESS_HEAD + "router.get('/users/:id', async (req, res) => {\n"
            "  const user = await findUser(req.params.id);\n"
            "  if (!user) {\n"
            "    return res.status(404).json({ error: 'not found' });\n"
            "  }\n"
            "  res.json({ user, error: null });\n"
            "});\n",
        ),
        RuleCase(
            path="src/routes/users.ts",
            code="import { Router } from 'express';\nconst router = Router();\n"
            "router.post('/login', async (req, res) => {\n"
            "  res.status(400);\n"
            "  res.send({ error: 'password required' });\n"
            "});\n",
        ),
        RuleCase(
            path="app/views.py",
            code=_FLASK_HEAD + '@app.get("/users/<int:user_id>")\n'
            "def user(user_id):\n"
            "    found = find_user(user_id)\n"
            "    if found is None:\n"
            '        return jsonify({"error": "not found"}), 404\n'
            "    return jsonify(found)\n",
        ),
        RuleCase(
            path="app/api/users.py",
            code=_PY_CASES_HEAD + '@router.get("/users/{user_id}")\n'
            "def user(user_id: int) -> dict:\n"
            "    found = find_user(user_id)\n"
            "    if found is None:\n"
            '        raise HTTPException(status_code=404, detail="not found")\n'
            '    return {"user": found, "error": None}\n',
        ),
    ),
)

NAMING_RULE = Rule(
    id=NAMING,
    category=Category.API_DESIGN,
    severity=Severity.LOW,
    title="New route path is cased differently from its sibling routes",
    rationale=(
        "URLs are part of the public contract: a `/userProfiles` next to `/order-items` and "
        "`/payment-methods` means every client author has to remember which endpoint uses "
        "which casing, generated SDKs get inconsistent method names, and once clients call "
        "the path, renaming it needs a new API version or a permanent alias. Only paths "
        "whose siblings in the same file (at least two) agree on one style are flagged."
    ),
    fix="Spell the new path like its siblings (the suggestion converts it).",
    languages=("python", "javascript", "typescript"),
    positive=(
        RuleCase(
            path="src/routes/account.js",
            code=_EXPRESS_HEAD + "router.get('/payment-methods', listMethods);\n"
            "router.get('/order-items', listItems);\n"
            "router.get('/userProfiles', listProfiles);\n",
            lines=(5,),
        ),
        RuleCase(
            path="app/api/account.py",
            code=_PY_CASES_HEAD + '@router.get("/payment_methods")\n'
            "def methods() -> list:\n"
            "    return []\n"
            "\n"
            '@router.get("/order_items")\n'
            "def items() -> list:\n"
            "    return []\n"
            "\n"
            '@router.get("/user-profiles/{profile_id}")\n'
            "def profile(profile_id: int) -> dict:\n"
            "    return {}\n",
            lines=(13,),
        ),
        RuleCase(
            path="src/routes/account.ts",
            code="import { Router } from 'express';\nconst router = Router();\n"
            "router.get('/paymentMethods', listMethods);\n"
            "router.get('/orderItems', listItems);\n"
            "router.get('/user_profiles', listProfiles);\n",
            lines=(5,),
        ),
    ),
    negative=(
        RuleCase(
            path="src/routes/account.js",
            code=_EXPRESS_HEAD + "router.get('/payment-methods', listMethods);\n"
            "router.get('/order-items/:itemId', listItems);\n"
            "router.get('/users', listUsers);\n"
            "router.get('/user-profiles', listProfiles);\n",
        ),
        RuleCase(
            path="app/api/account.py",
            code=_PY_CASES_HEAD + '@router.get("/payment_methods")\n'
            "def methods() -> list:\n"
            "    return []\n"
            "\n"
            '@router.get("/user-profiles/{profile_id}")\n'
            "def profile(profile_id: int) -> dict:\n"
            "    return {}\n",
        ),
        RuleCase(
            path="src/routes/account.ts",
            code="import { Router } from 'express';\nconst router = Router();\n"
            "router.get('/paymentMethods', listMethods);\n"
            "router.get('/orderItems', listItems);\n"
            "router.get('/profiles', listProfiles);\n",
        ),
    ),
)

UNBOUNDED_RULE = Rule(
    id=UNBOUNDED,
    category=Category.INDEXING,
    severity=Severity.MEDIUM,
    title="List endpoint returns a whole table with no limit",
    rationale=(
        "The handler reads every row of the table and serializes it into one response. "
        "It is instant with the 20 rows of a test database; in production, with 2 million "
        "rows, each call is a full sequential scan, hundreds of megabytes of ORM objects "
        "and JSON in the worker's memory (OOM kills take the other requests on that worker "
        "down with it), and a response that times out at the load balancer. Anyone can "
        "repeat the call to exhaust the database. Adding pagination after release changes "
        "the response shape every client depends on."
    ),
    fix=(
        "Paginate from the first release: a `limit` (with a maximum) and a cursor or "
        "`offset` parameter — Django `Paginator` or a `[:limit]` slice, SQLAlchemy "
        "`.limit()`, Prisma `take`/`cursor`, Rails `.limit`/kaminari/pagy — and return the "
        "next cursor in the response."
    ),
    languages=("python", "javascript", "typescript", "ruby"),
    positive=(
        RuleCase(
            path="app/api/products.py",
            code=_PY_CASES_HEAD + '@router.get("/products")\n'
            "def products(session: Session = Depends(db)) -> list[ProductOut]:\n"
            "    return session.query(Product).order_by(Product.id).all()\n",
            lines=(7,),
        ),
        RuleCase(
            path="app/views.py",
            code=_FLASK_HEAD + '@app.get("/api/users")\n'
            "def users():\n"
            "    return jsonify([u.to_dict() for u in User.objects.all()])\n",
            lines=(7,),
        ),
        RuleCase(
            path="src/routes/products.js",
            code=_EXPRESS_HEAD + "router.get('/products', async (req, res) => {\n"
            "  res.json(await prisma.product.findMany());\n"
            "});\n",
            lines=(4,),
        ),
        RuleCase(
            path="src/routes/products.ts",
            code="import { Router } from 'express';\nconst router = Router();\n"
            "router.get('/products', async (req, res) => {\n"
            "  const rows = await Product.findAll({ order: [['id', 'ASC']] });\n"
            "  res.json(rows);\n"
            "});\n",
            lines=(4,),
        ),
        RuleCase(
            path="app/controllers/api/products_controller.rb",
            code=(
                "class Api::ProductsController < ApplicationController\n"
                "  def index\n"
                "    render json: Product.all\n"
                "  end\n"
                "end\n"
            ),
            lines=(3,),
        ),
    ),
    negative=(
        RuleCase(
            path="app/api/products.py",
            code=_PY_CASES_HEAD + '@router.get("/products")\n'
            "def products(limit: int = 50, session: Session = Depends(db)) -> list:\n"
            "    return session.query(Product).order_by(Product.id).limit(limit).all()\n"
            "\n"
            '@router.get("/products/{product_id}")\n'
            "def product(product_id: int, session: Session = Depends(db)) -> dict:\n"
            "    return session.query(Product).all()\n",
        ),
        RuleCase(
            path="app/views.py",
            code=_FLASK_HEAD + '@app.get("/api/users")\n'
            "def users():\n"
            "    return jsonify([u.to_dict() for u in User.objects.filter(team=g.team)])\n",
        ),
        RuleCase(
            path="src/routes/products.js",
            code=_EXPRESS_HEAD + "router.get('/products', async (req, res) => {\n"
            "  res.json(await prisma.product.findMany({ take: 50, skip: +req.query.skip }));\n"
            "});\n",
        ),
        RuleCase(
            path="src/routes/products.ts",
            code="import { Router } from 'express';\nconst router = Router();\n"
            "router.get('/products', async (req, res) => {\n"
            "  res.json(await Product.findAll({ where: { shopId: req.user.shopId } }));\n"
            "});\n",
        ),
        RuleCase(
            path="app/controllers/api/products_controller.rb",
            code=(
                "class Api::ProductsController < ApplicationController\n"
                "  def index\n"
                "    render json: Product.order(:id).page(params[:page])\n"
                "  end\n"
                "end\n"
            ),
        ),
    ),
)


class RouteConventions(Check):
    """One pass per file: the routes and handlers are found once for all six rules."""

    name = "ast-grep:route-conventions"
    rules = (
        GET_WRITES_RULE,
        POST_201_RULE,
        DELETE_BODY_RULE,
        ERROR_200_RULE,
        NAMING_RULE,
        UNBOUNDED_RULE,
    )
    languages = frozenset({"python", "javascript", "typescript", "ruby"})
    kinds = frozenset({FileKind.CODE})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []
        if file.language == "ruby":
            return list(unbounded_hits(file, []))
        found_routes = routes(file)
        if not found_routes:
            return []
        found = handlers(file, found_routes)
        hits: list[Hit] = []
        hits += get_writes_hits(file, found)
        hits += post_create_hits(file, found)
        hits += delete_body_hits(file, found)
        hits += error_200_hits(file, found)
        hits += naming_hits(file, found_routes)
        hits += unbounded_hits(file, found)
        return hits


CHECKS: list[Check] = [RouteConventions()]
