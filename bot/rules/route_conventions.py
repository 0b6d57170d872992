"""HTTP conventions in new route handlers, beyond verbs in paths (`routes.py`).

The routes come from `lib.route_readers.routes` (FastAPI/Flask decorators, Express-style calls,
NestJS decorators); this module finds each route's handler body and reads it: a GET
that writes, a POST that creates but answers 200, a DELETE that reads a body, an
error payload sent with status 200, a path styled unlike its siblings, and a list
endpoint that returns a whole table. Only routes whose declaration the change added
are judged, so old handlers in context are left alone.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator

from ast_grep_py import SgNode

from bot import lazyre as re
from bot.lines import line_of
from bot.models import ChangedFile, FileKind
from bot.rules.astgrep import lines, parse, replace_lines, replacement_parses
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.lib import route_frameworks
from bot.rules.lib.code_text import code_text, statement_at, top_level_arguments
from bot.rules.lib.route_readers import Handler, Route, routes
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
            args = top_level_arguments(body, match.start() + json.end() - 1)
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

GET_WRITES_RULE = catalog_rule(GET_WRITES)
POST_201_RULE = catalog_rule(POST_201)
DELETE_BODY_RULE = catalog_rule(DELETE_BODY)
ERROR_200_RULE = catalog_rule(ERROR_200)
NAMING_RULE = catalog_rule(NAMING)
UNBOUNDED_RULE = catalog_rule(UNBOUNDED)


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
