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
from bot.rules import route_frameworks
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
_SERVER_FRAMEWORKS = frozenset({"go", "spring", "laravel"})
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
        if function.kind() == "class_definition":
            # flask-restx / flask-restful / MethodView: a class routed once, one method
            # per HTTP verb; each is its own handler (a `delete` is no GET handler).
            yield from _class_view_handlers(route, function, body, call, framework)
            continue
        yield Handler(route, _py_methods(route, call), function, body, call, framework)


def _class_view_handlers(
    route: Route, cls: SgNode, body: SgNode, call: SgNode, framework: str
) -> Iterator[Handler]:
    for child in body.children():
        method = child.field("definition") if child.kind() == "decorated_definition" else child
        if method is None or method.kind() != "function_definition":
            continue
        name = method.field("name")
        verb = name.text().upper() if name is not None else ""
        method_body = method.field("body")
        if verb in _METHODS and method_body is not None:
            yield Handler(route, frozenset({verb}), method, method_body, call, framework)


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


# --- handlers in Go, Spring and Laravel ---------------------------------------------------------


def _go_declarations(root: SgNode) -> dict[str, list[SgNode]]:
    """Functions and methods declared in the file, by name."""
    out: dict[str, list[SgNode]] = {}
    for decl in root.find_all(
        any=[{"kind": "function_declaration"}, {"kind": "method_declaration"}]
    ):
        name = decl.field("name")
        if name is not None:
            out.setdefault(name.text(), []).append(decl)
    return out


def _go_function(handler: SgNode, declared: dict[str, list[SgNode]]) -> SgNode | None:
    if handler.kind() == "func_literal":
        return handler
    if handler.kind() == "identifier":
        name = handler.text()
    elif handler.kind() == "selector_expression" and handler.field("field") is not None:
        name = handler.field("field").text()  # type: ignore[union-attr]
    else:
        return None
    found = declared.get(name, [])
    return found[0] if len(found) == 1 else None  # two types' `Get`: cannot tell which


def _go_handlers(root: SgNode, found: list[Route]) -> Iterator[Handler]:
    declared: dict[str, list[SgNode]] | None = None
    for route in found:
        arguments = route.node.parent()
        call = arguments.parent() if arguments is not None else None
        if arguments is None or call is None or route.method not in _METHODS:
            continue
        if declared is None:
            declared = _go_declarations(root)
        function = _go_function(arguments.named_children()[-1], declared)
        body = function.field("body") if function is not None else None
        if function is not None and body is not None:
            yield Handler(route, frozenset({route.method}), function, body, call, "go")


def _spring_prefix(annotation: SgNode) -> str:
    """The class-level `@RequestMapping` path a method's routes sit under."""
    for parent in annotation.ancestors():
        if parent.kind() in {"class_declaration", "object_declaration"}:
            head = parent.text().split("{", 1)[0]
            match = re.search(
                r"@RequestMapping\s*\(\s*(?:(?:value|path)\s*=\s*)?\[?\s*\"([^\"]*)\"", head
            )
            return match.group(1).rstrip("/") if match else ""
    return ""


def _spring_handlers(found: list[Route]) -> Iterator[Handler]:
    seen: set[int] = set()
    for route in found:
        annotation = next((a for a in route.node.ancestors() if a.kind() == "annotation"), None)
        modifiers = annotation.parent() if annotation is not None else None
        function = modifiers.parent() if modifiers is not None else None
        if annotation is None or function is None or route.method not in _METHODS:
            continue
        body = function.field("body") or next(
            (c for c in function.named_children() if c.kind() == "function_body"), None
        )
        start = function.range().start.index
        if body is None or start in seen:
            continue
        seen.add(start)
        full = _spring_prefix(annotation) + "/" + route.path.lstrip("/")
        shown = Route(full.rstrip("/") or "/", route.node, route.method)
        yield Handler(shown, frozenset({route.method}), function, body, annotation, "spring")


def _spring_unmapped(root: SgNode) -> Iterator[Handler]:
    """`@GetMapping` with no path (the class prefix alone): no route literal to anchor on,
    so the annotation itself stands for the route."""
    for annotation in root.find_all(kind="marker_annotation"):
        name = annotation.text().lstrip("@").strip()
        match = re.fullmatch(r"(Get|Post|Put|Patch|Delete)Mapping", name)
        modifiers = annotation.parent()
        function = modifiers.parent() if modifiers is not None else None
        if match is None or function is None or function.kind() != "method_declaration":
            continue
        body = function.field("body")
        if body is None:
            continue
        method = match.group(1).upper()
        route = Route(_spring_prefix(annotation) or "/", annotation, method)
        yield Handler(route, frozenset({method}), function, body, annotation, "spring")


def _kotlin_unmapped(root: SgNode) -> Iterator[Handler]:
    for annotation in root.find_all(kind="annotation"):
        match = re.fullmatch(r"@(Get|Post|Put|Patch|Delete)Mapping(?:\(\s*\))?", annotation.text())
        modifiers = annotation.parent()
        function = modifiers.parent() if modifiers is not None else None
        if match is None or function is None or function.kind() != "function_declaration":
            continue
        body = next((c for c in function.named_children() if c.kind() == "function_body"), None)
        if body is None:
            continue
        method = match.group(1).upper()
        route = Route(_spring_prefix(annotation) or "/", annotation, method)
        yield Handler(route, frozenset({method}), function, body, annotation, "spring")


_SPRING_BARE_MAPPING = re.compile(r"@(?:Get|Post|Put|Patch|Delete)Mapping\b(?!\s*\(\s*[\"\w\[])")
_PHP_FUNCTIONS = frozenset({"anonymous_function", "arrow_function"})


def _laravel_handlers(found: list[Route]) -> Iterator[Handler]:
    for route in found:
        argument = route.node.parent()
        arguments = argument.parent() if argument is not None else None
        call = arguments.parent() if arguments is not None else None
        if arguments is None or call is None or route.method not in _METHODS:
            continue
        last = arguments.named_children()[-1].named_children()
        function = last[0] if last and last[0].kind() in _PHP_FUNCTIONS else None
        body = function.field("body") if function is not None else None
        if function is not None and body is not None:
            yield Handler(route, frozenset({route.method}), function, body, call, "laravel")


def handlers(file: ChangedFile, found: list[Route] | None = None) -> list[Handler]:
    """Every route handler whose body the file shows (`found`: the file's routes, when
    the caller already has them)."""
    found = routes(file) if found is None else found
    if file.language == "python":
        return list(_py_handlers(file, found, file.visible_text()))
    if file.language == "php":
        return list(_laravel_handlers(found))
    if file.language in {"go", "java", "kotlin"}:
        root = parse(file.visible_text(), file.language)
        if root is None:
            return []
        if file.language == "go":
            return list(_go_handlers(root, found))
        unmapped = _spring_unmapped(root) if file.language == "java" else _kotlin_unmapped(root)
        return list(_spring_handlers(found)) + list(unmapped)
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
    r"|(?<![\w.])(?!request\b|response\b|cache\b)\w+\.(?:save|delete)\(\s*(?:update_fi"
    r"elds\s*=[^)]*)?\)"
    r"|\.objects\.(?:filter|exclude|all)\(.*?\)\.(?:update|delete)\("
    r"|\b(?:db\.)?session\.(?:add|add_all|delete|merge|bulk_save_objects)\("
    # The session FastAPI's tutorials call `db`; a commit is a write whatever came before.
    r"|(?<![\w.])db\.(?:add|add_all|delete|merge)\(|(?<![\w.])(?:db|session)\.commit\(\)"
    r"|\.execute\(\s*(?:text\()?\s*[fr]?(?:\"\"\"|'''|[\"'])\s*(?:INSERT|UPDATE|DELETE)\b"
    r"|(?<![\w.])(?:insert|update|delete)\(\s*[A-Z]\w*\s*\)",
    re.IGNORECASE,
)
_WRITE_JS = re.compile(
    r"(?<!\w)(?:prisma|tx)\.\w+\.(?:create|createMany|update|updateMany|upsert|delete"
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
    r"|(?<![\w.])db\.(?:add|add_all)\(|(?<![\w.])crud\.create\w{0,40}\("
    r"|(?-i:(?<![\w.])[A-Z]\w{0,60}\.create\()"
    r"|\.execute\(\s*(?:text\()?\s*[fr]?(?:\"\"\"|'''|[\"'])\s*INSERT\b|(?<![\w.])inse"
    r"rt\(\s*[A-Z]\w*\s*\)",
    re.IGNORECASE,
)
_CREATE_JS = re.compile(
    r"(?<!\w)(?:prisma|tx)\.\w+\.(?:create|createMany)\("
    r"|\b(?!Object\b|Reflect\b|Promise\b)[A-Z]\w*\.(?:create|bulkCreate|insertMany)\("
    r"|\b\w*(?:repo|Repo|repository|Repository)\w*\.(?:save|insert)\("
    r"|\.(?:query|execute|run)\(\s*[`'\"]\s*INSERT\b"
    r"|\b(?:knex|db)\([^()]*\)\.insert\("
    # Mongoose `new Post(req.body)` + `post.save()`, the MongoDB driver's `insertOne`.
    r"|(?<![\w$])(?!req\b|res\b|session\b)[\w$]{1,60}\.save\(\s*\)|\.insertOne\("
)
_WRITE_GO = re.compile(
    r"\b(?:db|DB|tx|Tx|gdb|gormDB|orm)\.(?:Create|CreateInBatches|Save|Delete|Update|Updates"
    r"|UpdateColumn|UpdateColumns)\("
    r"|\.(?:Model|Where|Table)\([^()]*\)(?:\.\w+\([^()]*\))*\.(?:Create|Save|Delete|Update"
    r"|Updates|UpdateColumn|UpdateColumns)\("
    r"|\.(?:Exec|ExecContext|NamedExec|NamedExecContext)\(\s*(?:\w+\s*,\s*)?[\"`]\s*"
    r"(?i:INSERT|UPDATE|DELETE)\b"
    # `repo.DeleteSession(`, but not `repo.UpdatedSince(`: the verb ends at a capital.
    r"|\b\w*(?:repo|Repo|repository|Repository)\w*\.(?:Create|Insert|Save|Delete|Update|Remove)"
    r"(?:[A-Z]\w*)?\("
)
_WRITE_SPRING = re.compile(
    r"\b\w*(?:repo|Repo|repository|Repository|dao|Dao)\w*\s*\.\s*(?:save|saveAll|saveAndFlush"
    r"|saveAllAndFlush|delete|deleteById|deleteAll|deleteAllById|deleteAllInBatch|insert|update"
    r"|remove)(?:[A-Z]\w*)?\("
    r"|\b(?:entityManager|em)\s*\.\s*(?:persist|merge|remove)\("
    r"|\b\w*[jJ]dbcTemplate\s*\.\s*(?:update|batchUpdate)\("
    r"|\.executeUpdate\("
)
_WRITE_LARAVEL = re.compile(
    r"\b(?!DB\b|Cache\b|Session\b|Log\b|Storage\b|Http\b)[A-Z]\w*::(?:create|insert|destroy"
    r"|updateOrCreate|firstOrCreate|upsert|truncate|forceCreate)\("
    r"|(?<!session\(\))->(?:save|delete|forceDelete|update|increment|decrement|attach|detach"
    r"|sync|push)\("
    r"|\bDB::(?:insert|update|delete|statement)\("
)
_WRITE_BY_LANGUAGE = {
    "python": _WRITE_PY,
    "go": _WRITE_GO,
    "java": _WRITE_SPRING,
    "kotlin": _WRITE_SPRING,
    "php": _WRITE_LARAVEL,
}
# `_TOUCH` spelled inside method names (`userRepo.UpdateLastSeen`, `->increment('views')`).
_TOUCH_NAMED = re.compile(
    r"(?i)views?_?count|visits?|last_?(?:seen|login|access|used|active|visit)|accessed_?at"
    r"|seen_?at|['\"](?:views|hits)['\"]"
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
        pattern = _WRITE_BY_LANGUAGE.get(file.language or "", _WRITE_JS)
        match = _writes(handler, pattern)
        if match is None or _TOUCH.search(handler.body.text()):
            continue
        if handler.framework in _SERVER_FRAMEWORKS and _TOUCH_NAMED.search(handler.body.text()):
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


def _creates_js(match: re.Match[str], body: str) -> bool:
    """A `.save()` creates only what the handler built with `new` (`const post = new
    Post(req.body)`); saving a document it loaded is an update."""
    saved = re.fullmatch(r"([\w$]{1,60})\.save\(\s*\)", match.group(0))
    if saved is None:
        return True
    name = re.escape(saved.group(1))
    return bool(re.search(rf"\b{name}\s{{0,10}}=\s{{0,10}}new\s{{1,10}}[A-Z]", body))


def _express_post(file: ChangedFile, handler: Handler, body: str) -> Hit | None:
    params = _params(handler)
    if len(params) < 2 or not any(_creates_js(m, body) for m in _CREATE_JS.finditer(body)):
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
        r"(?<!\w)(\w+)\s*+:\s*+([\w.\[\], ]+?)\s*+(?:=\s*+(\w+)\()?\s*+(?=[,)])",
        params.text(),
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
            rf"(?<![\w$.]){res}(?:\.status\(\s*200\s*\))?\.(?:json|send)\(\s*\{{\s*"
            rf"(?:[\w$]+\s*:\s*[^,{{}}]+,\s*)*"
            rf"(?:{_ERROR_KEY}\b\s*(?::{_ERROR_VALUE}|[,}}])|(?:success|ok)\s*:\s*false\b)"
        )
        for match in pattern.finditer(body):
            before = body[max(0, match.start() - 200) : match.start()]
            statement_start = before.rfind("\n")
            recent = before[before.rfind("\n", 0, max(statement_start, 0)) :]
            if re.search(rf"\b{res}\.status\((?!\s*200\s*\))|statusCode", recent):
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

    elif handler.framework in _SERVER_FRAMEWORKS:
        yield from _server_error_replies(handler.framework, body)


_ERROR_ENTRY = rf"(?:\"\w+\"\s*:\s*[^,{{}}]+,\s*)*\"{_ERROR_KEY}\"\s*:(?!\s*nil\b)"
# gin `c.JSON(200, gin.H{"error": ...})`, echo `c.JSON(http.StatusOK, echo.Map{...})`: the
# status is written right there.
_GO_ERROR_200 = re.compile(
    r"\b\w+\.(?:JSON|IndentedJSON|PureJSON|SecureJSON|AbortWithStatusJSON)\(\s*"
    r"(?:200|http\.StatusOK|fiber\.StatusOK)\s*,\s*(?:&?\w+\.H|echo\.Map|fiber\.Map"
    r"|map\[string\]\s*(?:any|interface\{\s*\}|string))\s*\{\s*" + _ERROR_ENTRY
)
# fiber's `c.JSON(fiber.Map{...})` and net/http's `json.NewEncoder(w).Encode(...)` send 200
# unless a status was set just before.
_GO_ERROR_IMPLICIT = re.compile(
    r"(?<![)\w.])\w+\.JSON\(\s*fiber\.Map\s*\{\s*"
    + _ERROR_ENTRY
    + r"|json\.NewEncoder\(\s*\w+\s*\)\.Encode\(\s*"
    + r"(?:map\[string\]\s*(?:any|interface\{\s*\}|string))\s*\{\s*"
    + _ERROR_ENTRY
)
_GO_STATUS_SET = re.compile(r"\.(?:WriteHeader|Status|SendStatus)\(")
_SPRING_ERROR_MAP = (
    rf"(?:java\.util\.)?(?:Map\.of|mapOf|Collections\.singletonMap)\(\s*\"{_ERROR_KEY}\"\s*"
    r"(?:,|\bto\b)(?!\s*null\b)"
)
# `ResponseEntity.ok(Map.of("error", ...))` and friends say 200 outright; a bare map returned
# from a handler is sent as 200 too, unless `@ResponseStatus` says otherwise.
_SPRING_ERROR_200 = re.compile(
    r"ResponseEntity\s*\.\s*ok\(\s*(?:\)\s*\.\s*body\(\s*)?"
    + _SPRING_ERROR_MAP
    + r"|ResponseEntity\s*\.\s*status\(\s*(?:HttpStatus\.OK|200)\s*\)\s*\.\s*body\(\s*"
    + _SPRING_ERROR_MAP
)
_SPRING_BARE = re.compile(r"(?:\breturn\s+|\)\s*(?::\s*[\w<>?, ]+)?\s*=\s*)" + _SPRING_ERROR_MAP)
_LARAVEL_ERROR = re.compile(
    r"\breturn\s+(?:response\(\s*\)\s*->\s*json\(\s*)?\[\s*(?:['\"]\w+['\"]\s*=>\s*[^,\[\]]+,\s*)*"
    rf"['\"]{_ERROR_KEY}['\"]\s*=>(?!\s*null\b)"
)


def _call_arguments(text: str, open_paren: int) -> list[str]:
    """The top-level arguments of the call whose `(` is at `open_paren`."""
    args: list[str] = []
    depth, quote, start = 0, "", open_paren + 1
    for index in range(open_paren, len(text)):
        char = text[index]
        if quote:
            quote = "" if char == quote and text[index - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                return [*args, text[start:index]]
        elif char == "," and depth == 1:
            args.append(text[start:index])
            start = index + 1
    return args


def _server_error_replies(framework: str, body: str) -> Iterator[int]:
    if framework == "go":
        yield from (m.start() for m in _GO_ERROR_200.finditer(body))
        for match in _GO_ERROR_IMPLICIT.finditer(body):
            start = match.start()
            for _ in range(2):  # this line and the one before it
                start = max(body.rfind("\n", 0, start), 0)
            if not _GO_STATUS_SET.search(body[start : match.start()]):
                yield match.start()
    elif framework == "spring":
        yield from (m.start() for m in _SPRING_ERROR_200.finditer(body))
        if "@ResponseStatus" not in body:
            yield from (m.start() for m in _SPRING_BARE.finditer(body))
    elif framework == "laravel":
        for match in _LARAVEL_ERROR.finditer(body):
            json = re.search(r"->\s*json\(", body[match.start() : match.end()])
            if json is None:
                yield match.start()  # a returned array is sent as JSON with 200
                continue
            args = _call_arguments(body, match.start() + json.end() - 1)
            if len(args) == 1 or (
                len(args) > 1 and re.fullmatch(r"\s*(?:200|Response::HTTP_OK)\s*", args[1])
            ):
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
    r"(?<!\w)(?:prisma|tx)\.\w+\.findMany\(|\b[A-Z]\w*\.findAll\(|\b[A-Z]\w*\.find\("
    r"|\b\w*(?:repo|Repo|repository|Repository)\w*\.find\("
)
_JS_FILTER_ARGS = re.compile(r"\b(?:where|take|skip|cursor|limit|offset|first|last)\s*:")


# Raw SQL handed to a driver (`pool.query('SELECT ...')`, `cursor.execute("SELECT ...")`).
_RAW_SELECT = re.compile(
    r"\.(?:query|execute|all|raw)\(\s{0,20}[fr]?([`'\"]{1,3})\s{0,20}(SELECT\b[^`'\"]{"
    r"0,2000})"
)
_SQL_BOUNDED = re.compile(
    r"(?i)\b(?:WHERE|LIMIT|FETCH|TOP|OFFSET|COUNT|MAX|MIN|SUM|AVG|GROUP\s+BY)\b"
)


def _unbounded_sql(body: str) -> Iterator[int]:
    for match in _RAW_SELECT.finditer(body):
        if re.match(r"(?i)SELECT\b", match.group(2)) and not _SQL_BOUNDED.search(match.group(2)):
            yield match.start()


def _unbounded_in(body: str, language: str) -> Iterator[int]:
    if _BOUNDED.search(body):
        return
    if language == "python":
        for match in _UNBOUNDED_PY.finditer(body):
            chain = statement_at(body, match.start())
            if not _FILTERED.search(chain[len(match.group(0)) :]) and not _FILTERED.search(
                match.group(0)
            ):
                if match.group(0).startswith("select("):
                    # `db.execute(select(Team)).scalars().all()`: the chain goes on
                    # after the call that holds the select.
                    start = body.rfind("\n", 0, match.start()) + 1
                    whole = statement_at(
                        body, start + len(body[start:]) - len(body[start:].lstrip())
                    )
                    after = whole[whole.find(match.group(0)) + len(match.group(0)) :]
                    if ".all()" not in after or _FILTERED.search(after):
                        continue
                if ".query(" in match.group(0) and not re.search(r"\.all\(\)", chain):
                    continue
                yield match.start()
        yield from _unbounded_sql(body)
        return
    yield from _unbounded_sql(body)
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


_RAILS_INDEX = re.compile(r"^([ \t]*)def\s+index\b.*?^\1end\b", re.MULTILINE | re.DOTALL)
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
        if handler.methods != {"GET"} or handler.framework in _SERVER_FRAMEWORKS:
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

# Go (gin), Spring (Java, Kotlin), Rails routes.rb and Laravel cases for the rules that
# read handler bodies or sibling paths.
_GIN_HEAD = "package api\n\nfunc Register(r *gin.Engine, h *Handlers) {\n"
_SPRING_HEAD = '@RestController\n@RequestMapping("/api/users")\npublic class UserController {\n'
_KOTLIN_HEAD = (
    '@RestController\n@RequestMapping("/api/users")\n'
    "class UserController(private val userRepository: UserRepository) {\n"
)

_GET_WRITES_POSITIVE = (
    RuleCase(
        path="internal/api/tokens.go",
        code=_GIN_HEAD + '\tr.GET("/tokens/:id/revoke", h.Revoke)\n'
        "}\n"
        "\n"
        "func (h *Handlers) Revoke(c *gin.Context) {\n"
        '\th.db.Delete(&Token{}, c.Param("id"))\n'
        '\tc.JSON(http.StatusOK, gin.H{"ok": true})\n'
        "}\n",
        lines=(8,),
    ),
    RuleCase(
        path="src/main/java/com/shop/UserController.java",
        code=_SPRING_HEAD + '    @GetMapping("/{id}/reset")\n'
        "    public User reset(@PathVariable long id) {\n"
        "        User user = userRepository.findById(id).orElseThrow();\n"
        "        user.setToken(null);\n"
        "        return userRepository.save(user);\n"
        "    }\n"
        "}\n",
        lines=(8,),
    ),
    RuleCase(
        path="src/main/kotlin/com/shop/UserController.kt",
        code=_KOTLIN_HEAD + '    @GetMapping("/{id}/purge")\n'
        "    fun purge(@PathVariable id: Long): Map<String, Any> {\n"
        "        userRepository.deleteById(id)\n"
        '        return mapOf("ok" to true)\n'
        "    }\n"
        "}\n",
        lines=(6,),
    ),
    RuleCase(
        path="routes/api.php",
        code="<?php\n"
        "\n"
        "Route::get('/users/{id}/ban', function ($id) {\n"
        "    User::findOrFail($id)->update(['banned' => true]);\n"
        "    return response()->json(['ok' => true]);\n"
        "});\n",
        lines=(4,),
    ),
)
_GET_WRITES_NEGATIVE = (
    RuleCase(
        path="internal/api/tokens.go",
        code=_GIN_HEAD + '\tr.DELETE("/tokens/:id", h.Revoke)\n'
        '\tr.GET("/tokens/:id", func(c *gin.Context) {\n'
        '\t\th.tokenRepo.UpdateLastSeen(c.Param("id"))\n'
        '\t\tc.JSON(http.StatusOK, h.tokens.Get(c.Param("id")))\n'
        "\t})\n"
        "}\n"
        "\n"
        "func (h *Handlers) Revoke(c *gin.Context) {\n"
        '\th.db.Delete(&Token{}, c.Param("id"))\n'
        "}\n",
    ),
    RuleCase(
        path="src/main/java/com/shop/UserController.java",
        code=_SPRING_HEAD + '    @PostMapping("/{id}/reset")\n'
        "    public User reset(@PathVariable long id) {\n"
        "        return userRepository.save(userRepository.findById(id).orElseThrow());\n"
        "    }\n"
        "\n"
        "    @GetMapping\n"
        "    public List<User> all() { return userRepository.findAll(); }\n"
        "}\n",
    ),
    RuleCase(
        path="src/main/kotlin/com/shop/UserController.kt",
        code=_KOTLIN_HEAD + '    @DeleteMapping("/{id}")\n'
        "    fun purge(@PathVariable id: Long) = userRepository.deleteById(id)\n"
        "\n"
        '    @GetMapping("/{id}")\n'
        "    fun get(@PathVariable id: Long) = userRepository.findById(id)\n"
        "}\n",
    ),
    RuleCase(
        path="routes/api.php",
        code="<?php\n"
        "\n"
        "Route::post('/users/{id}/ban', function ($id) {\n"
        "    User::findOrFail($id)->update(['banned' => true]);\n"
        "    return response()->json(['ok' => true]);\n"
        "});\n"
        "Route::get('/posts/{id}', fn ($id) => Post::findOrFail($id)->increment('views'));\n",
    ),
)

_ERROR_200_POSITIVE = (
    RuleCase(
        path="internal/api/users.go",
        code=_GIN_HEAD + '\tr.GET("/users/:id", h.User)\n'
        "}\n"
        "\n"
        "func (h *Handlers) User(c *gin.Context) {\n"
        '\tuser, err := h.users.Find(c.Param("id"))\n'
        "\tif err != nil {\n"
        '\t\tc.JSON(http.StatusOK, gin.H{"error": err.Error()})\n'
        "\t\treturn\n"
        "\t}\n"
        "\tc.JSON(http.StatusOK, user)\n"
        "}\n",
        lines=(10,),
    ),
    RuleCase(
        path="src/main/java/com/shop/UserController.java",
        code=_SPRING_HEAD + '    @GetMapping("/{id}")\n'
        "    public ResponseEntity<?> get(@PathVariable long id) {\n"
        "        if (id < 0) {\n"
        '            return ResponseEntity.ok(Map.of("error", "bad id"));\n'
        "        }\n"
        "        return ResponseEntity.ok(users.find(id));\n"
        "    }\n"
        "}\n",
        lines=(7,),
    ),
    RuleCase(
        path="src/main/kotlin/com/shop/UserController.kt",
        code=_KOTLIN_HEAD + '    @GetMapping("/{id}")\n'
        "    fun get(@PathVariable id: Long): ResponseEntity<Any> =\n"
        '        ResponseEntity.ok(mapOf("error" to "not found"))\n'
        "}\n",
        lines=(6,),
    ),
    RuleCase(
        path="routes/api.php",
        code="<?php\n"
        "\n"
        "Route::get('/users/{id}', function ($id) {\n"
        "    $user = User::find($id);\n"
        "    if (! $user) {\n"
        "        return response()->json(['error' => 'not found']);\n"
        "    }\n"
        "    return $user;\n"
        "});\n",
        lines=(6,),
    ),
)
_ERROR_200_NEGATIVE = (
    RuleCase(
        path="internal/api/users.go",
        code=_GIN_HEAD + '\tr.GET("/users/:id", h.User)\n'
        "}\n"
        "\n"
        "func (h *Handlers) User(c *gin.Context) {\n"
        '\tuser, err := h.users.Find(c.Param("id"))\n'
        "\tif err != nil {\n"
        '\t\tc.JSON(http.StatusNotFound, gin.H{"error": err.Error()})\n'
        "\t\treturn\n"
        "\t}\n"
        '\tc.JSON(http.StatusOK, gin.H{"user": user, "error": nil})\n'
        "}\n",
    ),
    RuleCase(
        path="src/main/java/com/shop/UserController.java",
        code=_SPRING_HEAD + '    @GetMapping("/{id}")\n'
        "    public ResponseEntity<?> get(@PathVariable long id) {\n"
        "        if (id < 0) {\n"
        '            return ResponseEntity.badRequest().body(Map.of("error", "bad id"));\n'
        "        }\n"
        "        return ResponseEntity.ok(users.find(id));\n"
        "    }\n"
        "}\n",
    ),
    RuleCase(
        path="src/main/kotlin/com/shop/UserController.kt",
        code=_KOTLIN_HEAD + '    @GetMapping("/{id}")\n'
        "    fun get(@PathVariable id: Long): ResponseEntity<Any> =\n"
        '        ResponseEntity.status(HttpStatus.NOT_FOUND).body(mapOf("error" to "not found"))\n'
        "}\n",
    ),
    RuleCase(
        path="routes/api.php",
        code="<?php\n"
        "\n"
        "Route::get('/users/{id}', function ($id) {\n"
        "    $user = User::find($id);\n"
        "    if (! $user) {\n"
        "        return response()->json(['error' => 'not found'], 404);\n"
        "    }\n"
        "    return response()->json(['user' => $user, 'error' => null]);\n"
        "});\n",
    ),
)

_NAMING_POSITIVE = (
    RuleCase(
        path="internal/api/routes.go",
        code=_GIN_HEAD + '\tr.GET("/payment-methods", h.Methods)\n'
        '\tr.GET("/order-items", h.Items)\n'
        '\tr.GET("/userProfiles", h.Profiles)\n'
        "}\n",
        lines=(6,),
    ),
    RuleCase(
        path="src/main/java/com/shop/AccountController.java",
        code="@RestController\n"
        "public class AccountController {\n"
        '    @GetMapping("/payment-methods")\n'
        "    public List<Method> methods() { return List.of(); }\n"
        '    @GetMapping("/order-items")\n'
        "    public List<Item> items() { return List.of(); }\n"
        '    @GetMapping("/user_profiles")\n'
        "    public List<Profile> profiles() { return List.of(); }\n"
        "}\n",
        lines=(7,),
    ),
    RuleCase(
        path="src/main/kotlin/com/shop/AccountController.kt",
        code="@RestController\n"
        "class AccountController {\n"
        '    @GetMapping("/paymentMethods")\n'
        "    fun methods(): List<Method> = listOf()\n"
        '    @GetMapping("/orderItems")\n'
        "    fun items(): List<Item> = listOf()\n"
        '    @GetMapping("/user-profiles")\n'
        "    fun profiles(): List<Profile> = listOf()\n"
        "}\n",
        lines=(7,),
    ),
    RuleCase(
        path="config/routes.rb",
        code="Rails.application.routes.draw do\n"
        "  resources :payment_methods\n"
        "  resources :order_items\n"
        '  get "user-profiles", to: "profiles#index"\n'
        "end\n",
        lines=(4,),
    ),
    RuleCase(
        path="routes/api.php",
        code="<?php\n"
        "\n"
        "Route::apiResource('payment-methods', PaymentMethodController::class);\n"
        "Route::apiResource('order-items', OrderItemController::class);\n"
        "Route::get('/user_profiles', [ProfileController::class, 'index']);\n",
        lines=(5,),
    ),
)
_NAMING_NEGATIVE = (
    RuleCase(
        path="internal/api/routes.go",
        code=_GIN_HEAD + '\tr.GET("/payment-methods", h.Methods)\n'
        '\tr.GET("/order-items/:itemId", h.Items)\n'
        '\tr.GET("/user-profiles", h.Profiles)\n'
        "}\n",
    ),
    RuleCase(
        path="src/main/java/com/shop/AccountController.java",
        code="@RestController\n"
        "public class AccountController {\n"
        '    @GetMapping("/payment-methods")\n'
        "    public List<Method> methods() { return List.of(); }\n"
        '    @GetMapping("/user-profiles/{profileId}")\n'
        "    public Profile profile(@PathVariable long profileId) { return null; }\n"
        "}\n",
    ),
    RuleCase(
        path="src/main/kotlin/com/shop/AccountController.kt",
        code="@RestController\n"
        "class AccountController {\n"
        '    @GetMapping("/paymentMethods")\n'
        "    fun methods(): List<Method> = listOf()\n"
        '    @GetMapping("/orderItems")\n'
        "    fun items(): List<Item> = listOf()\n"
        '    @GetMapping("/profiles")\n'
        "    fun profiles(): List<Profile> = listOf()\n"
        "}\n",
    ),
    RuleCase(
        path="config/routes.rb",
        code="Rails.application.routes.draw do\n"
        "  resources :payment_methods\n"
        "  resources :order_items\n"
        '  get "user_profiles", to: "profiles#index"\n'
        "end\n",
    ),
    RuleCase(
        path="routes/api.php",
        code="<?php\n"
        "\n"
        "Route::apiResource('payment-methods', PaymentMethodController::class);\n"
        "Route::apiResource('order-items', OrderItemController::class);\n"
        "Route::get('/user-profiles', [ProfileController::class, 'index']);\n",
    ),
)


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
    languages=("python", "javascript", "typescript", "go", "java", "kotlin", "ruby", "php"),
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
        *_GET_WRITES_POSITIVE,
        *route_frameworks.GET_WRITES_POSITIVE,
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
        *_GET_WRITES_NEGATIVE,
        *route_frameworks.GET_WRITES_NEGATIVE,
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
        "Flask, Express, Spring, Gin, DRF, Rails and Laravel answer 200 unless told otherwise "
        "(NestJS uses 201 unless `@HttpCode(200)` overrides it)."
    ),
    fix=(
        "Declare the status: FastAPI `@router.post(..., status_code=201)`, Flask "
        "`return jsonify(item), 201` (plus a `Location` header), Express "
        "`res.status(201).location(url).json(item)`, Spring `@ResponseStatus(HttpStatus.CREATED)` "
        "or `ResponseEntity.created(uri)`, Gin `c.JSON(http.StatusCreated, item)`, DRF "
        "`Response(data, status=201)`, Rails `render json: item, status: :created`, Laravel "
        "`response()->json($item, 201)`."
    ),
    languages=("python", "javascript", "typescript", "go", "java", "kotlin", "ruby", "php"),
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
        *route_frameworks.POST_201_POSITIVE,
        *route_frameworks.DRF_CASES,
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
        *route_frameworks.POST_201_NEGATIVE,
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
    languages=("python", "javascript", "typescript", "go", "java", "kotlin", "ruby", "php"),
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
        *route_frameworks.DELETE_BODY_POSITIVE,
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
        *route_frameworks.DELETE_BODY_NEGATIVE,
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
    languages=("python", "javascript", "typescript", "go", "java", "kotlin", "ruby", "php"),
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
        *_ERROR_200_POSITIVE,
        *route_frameworks.ERROR_200_POSITIVE,
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
        *_ERROR_200_NEGATIVE,
        *route_frameworks.ERROR_200_NEGATIVE,
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
    languages=("python", "javascript", "typescript", "go", "java", "kotlin", "ruby", "php"),
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
        *_NAMING_POSITIVE,
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
        *_NAMING_NEGATIVE,
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
        "`.limit()`, Prisma `take`/`cursor`, Rails `.limit`/kaminari/pagy, Spring `Pageable`, "
        "GORM `.Limit()`, Laravel `->paginate()`, SQL `LIMIT` — and return the "
        "next cursor in the response."
    ),
    languages=("python", "javascript", "typescript", "go", "java", "kotlin", "ruby", "php"),
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
        *route_frameworks.UNBOUNDED_POSITIVE,
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
        *route_frameworks.UNBOUNDED_NEGATIVE,
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
    languages = frozenset(
        {"python", "javascript", "typescript", "ruby", "go", "java", "kotlin", "php"}
    )
    kinds = frozenset({FileKind.CODE})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []
        if file.language == "ruby":
            return [
                *unbounded_hits(file, []),
                *naming_hits(file, routes(file)),
                *route_frameworks.rails_hits(file),
            ]
        # DRF views carry no route of their own (a router registers them elsewhere).
        views = list(route_frameworks.drf_hits(file)) if file.language == "python" else []
        found_routes = routes(file)
        unmapped = file.language in {"java", "kotlin"} and _SPRING_BARE_MAPPING.search(
            file.visible_text()
        )
        if not found_routes and not unmapped:
            return views
        found = handlers(file, found_routes)
        hits: list[Hit] = views
        hits += get_writes_hits(file, found)
        hits += post_create_hits(file, found)
        hits += delete_body_hits(file, found)
        hits += error_200_hits(file, found)
        hits += naming_hits(file, found_routes)
        hits += unbounded_hits(file, found)
        hits += route_frameworks.handler_hits(file, found)
        return hits


CHECKS: list[Check] = [RouteConventions()]
