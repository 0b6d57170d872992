"""Routes and their handlers as the route rules read them: every framework's way of
declaring a route (decorators, router calls, annotations, routes files), read from
ast-grep's tree."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ast_grep_py import Config, SgNode

from bot import lazyre as re
from bot.models import ChangedFile
from bot.rules.astgrep import lines, root_of

# Handlers that answer with HTML: browsers' forms only send GET and POST, so
# `/posts/<id>/delete` behind a form is the accepted convention there.
_HTML_PY = re.compile(
    r"\b(render_template|render_template_string|redirect|TemplateResponse"
    r"|RedirectResponse|HTMLResponse)\b"
)


_HTML_JS = re.compile(r"\.\s*(render|redirect)\s*\(")


_HTML_GO = re.compile(r"\.(?:HTML|Redirect|Render|ExecuteTemplate)\(|\bhttp\.Redirect\(")


_HTML_SPRING = re.compile(
    r"\"(?:redirect|forward):|\bModelAndView\b|\bModel(?:Map)?\s+\w+\s*[,)]|:\s*Model\b"
    r"|\bRedirectAttributes\b"
)


_HTML_PHP = re.compile(r"\b(?:view|redirect|back)\s*\(|\bView::make\(|\bRedirect::")


# Receivers of `.get(...)`/`.post(...)` that send requests rather than serve them.
_HTTP_CLIENTS = re.compile(
    r"^(axios|https?|fetch|got|ky|request|superagent|supertest|agent|client|httpClient"
    r"|apiClient|instance|\$http)$",
    re.IGNORECASE,
)


_JS_HANDLERS = frozenset(
    {
        "arrow_function",
        "function_expression",
        "function",
        "identifier",
        "member_expression",
        "call_expression",
        "array",
    }
)


_PY_METHODS = "get|post|put|patch|delete|route|api_route|head|options"


# Cheap text scans that decide whether a file (or a search) is worth a parse.
_PY_DECORATOR_HINT = re.compile(rf"@[\w.]+\.({_PY_METHODS})\s*\(")


_PY_REGISTER_HINT = re.compile(r"\b(add_url_rule|add_api_route|APIRouter|Blueprint)\s*\(")


_JS_CALL_HINT = re.compile(
    r"\.\s*(get|post|put|patch|delete|del|all|head|options|route|use)\s*\(\s*['\"`]/"
)


_NEST_HINT = re.compile(r"@(Get|Post|Put|Patch|Delete|All|Head|Options|Controller)\s*\(")


_GO_HINT = re.compile(
    r"\.\s*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|Any|Get|Post|Put|Patch|Delete|Head"
    r"|Options|Route|Mount|Group|HandleFunc|Handle|Add|Method|MethodFunc)\s*\(\s*[\"`]"
)


_SPRING_HINT = re.compile(r"@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b")


_RAILS_HINT = re.compile(
    r"^[ \t]*(?:get|post|put|patch|delete|match|resources?|scope)\b", re.MULTILINE
)


_LARAVEL_HINT = re.compile(
    r"(?:Route::|->)\s*(?:get|post|put|patch|delete|any|options|prefix|resource|apiResource)"
    r"\s*\("
)


_HINTS = {
    "go": _GO_HINT,
    "java": _SPRING_HINT,
    "kotlin": _SPRING_HINT,
    "ruby": _RAILS_HINT,
    "php": _LARAVEL_HINT,
    "python": re.compile(f"{_PY_DECORATOR_HINT.pattern}|{_PY_REGISTER_HINT.pattern}"),
    "javascript": re.compile(f"{_JS_CALL_HINT.pattern}|{_NEST_HINT.pattern}"),
    "typescript": re.compile(f"{_JS_CALL_HINT.pattern}|{_NEST_HINT.pattern}"),
}


_PY_DECORATED: Config = {
    "rule": {
        "kind": "call",
        "inside": {"kind": "decorator"},
        "has": {
            "field": "function",
            "kind": "attribute",
            "has": {"field": "attribute", "regex": f"^({_PY_METHODS})$"},
        },
    }
}


_PY_REGISTERED: Config = {
    "rule": {
        "kind": "call",
        "has": {
            "field": "function",
            "any": [
                {
                    "kind": "attribute",
                    "has": {"field": "attribute", "regex": "^(add_url_rule|add_api_route)$"},
                },
                {"regex": r"^(\w+\.)?(APIRouter|Blueprint)$"},
            ],
        },
    }
}


_JS_CALLS: Config = {
    "rule": {
        "kind": "call_expression",
        "has": {
            "field": "function",
            "kind": "member_expression",
            "has": {
                "field": "property",
                "regex": "^(get|post|put|patch|delete|del|all|head|options|route|use)$",
            },
        },
    }
}


_NEST_DECORATORS: Config = {
    "rule": {
        "kind": "call_expression",
        "inside": {"kind": "decorator"},
        "has": {
            "field": "function",
            "regex": "^(Get|Post|Put|Patch|Delete|All|Head|Options|Controller)$",
        },
    }
}


@dataclass(frozen=True)
class Route:
    path: str
    node: SgNode  # the path literal, where the finding goes
    method: str | None  # the HTTP method it is registered for, when the code says
    # A resource name the framework turns into paths (`resources :order_items`,
    # `Route::resource('photos')`): compared with its siblings' casing, but a noun there
    # that starts with a verb (`:delete_requests`) is a resource, not an action.
    resource: bool = False
    # The Rails and Laravel HTML form pages (`GET /photos/create`, `GET /photos/{id}/edit`)
    # that their resource generators produce.
    form_pages: bool = False


_STRING_KINDS = frozenset(
    {
        "string",
        "template_string",
        "interpreted_string_literal",
        "raw_string_literal",
        "string_literal",
        "encapsed_string",
    }
)


_STRING_PARTS = frozenset(
    {
        "string_content",
        "string_fragment",
        "interpreted_string_literal_content",
        "raw_string_literal_content",
        "escape_sequence",
        "string_value",
    }
)


_INTERPOLATIONS = frozenset(
    {
        "interpolation",
        "template_substitution",
        "interpolated_expression",
        "interpolated_identifier",
        "variable_name",
        "dynamic_variable_name",
        "member_access_expression",
    }
)


def _string_value(node: SgNode) -> str | None:
    """A string literal's text, with any interpolation written as `{}`; None if not a string."""
    kind = node.kind()
    if kind not in _STRING_KINDS:
        return None
    parts: list[str] = []
    for child in node.children():
        if child.kind() in _STRING_PARTS:
            parts.append(child.text())
        elif child.kind() in _INTERPOLATIONS:
            parts.append("{}")
    return "".join(parts)


def _keyword(arguments: SgNode, names: set[str]) -> SgNode | None:
    for arg in arguments.named_children():
        key = arg.field("name")
        if arg.kind() == "keyword_argument" and key is not None and key.text() in names:
            return arg.field("value")
    return None


def _py_path_node(call: SgNode, keywords: set[str]) -> SgNode | None:
    arguments = call.field("arguments")
    if arguments is None:
        return None
    positional = [a for a in arguments.named_children() if a.kind() != "keyword_argument"]
    if positional and positional[0].kind() == "string":
        return positional[0]
    return _keyword(arguments, keywords)


def _renders_html(decorator_call: SgNode) -> bool:
    for parent in decorator_call.ancestors():
        if parent.kind() == "decorated_definition":
            definition = parent.field("definition")
            return definition is not None and bool(_HTML_PY.search(definition.text()))
    return False


def _py_routes(root: SgNode) -> Iterator[Route]:
    text = root.text()
    decorated = root.find_all(_PY_DECORATED) if _PY_DECORATOR_HINT.search(text) else []
    for call in decorated:
        function = call.field("function")
        attribute = function.field("attribute") if function is not None else None
        node = _py_path_node(call, {"path", "rule"})
        if node is None or attribute is None or _renders_html(call):
            continue
        path = _string_value(node)
        method = attribute.text()
        # `""`: the router's own prefix (`APIRouter(prefix="/orders")` + `@router.post("")`).
        if path is not None and (path.startswith("/") or path == ""):
            http = None if method in {"route", "api_route"} else method.upper()
            yield Route(path or "/", node, http)
    registered = root.find_all(_PY_REGISTERED) if _PY_REGISTER_HINT.search(text) else []
    for call in registered:
        node = _py_path_node(call, {"path", "rule", "prefix", "url_prefix"})
        function = call.field("function")
        if function is not None and function.text().endswith("Blueprint"):
            arguments = call.field("arguments")
            node = _keyword(arguments, {"url_prefix"}) if arguments is not None else None
        path = _string_value(node) if node is not None else None
        if node is not None and path is not None and path.startswith("/"):
            yield Route(path, node, None)


def _js_route(call: SgNode) -> Route | None:
    function, arguments = call.field("function"), call.field("arguments")
    if function is None or arguments is None or arguments.kind() != "arguments":
        return None
    receiver, prop = function.field("object"), function.field("property")
    if (
        receiver is None
        or prop is None
        or receiver.kind() not in {"identifier", "member_expression"}
    ):
        return None
    if _HTTP_CLIENTS.match(receiver.text().split(".")[-1]):
        return None
    args = arguments.named_children()
    if not args:
        return None
    path = _string_value(args[0])
    if path is None or not path.startswith("/"):
        return None
    method = prop.text()
    if method == "route":
        parent = call.parent()
        chained = parent is not None and parent.kind() == "member_expression"
        return Route(path, args[0], None) if chained and len(args) == 1 else None
    if len(args) < 2 or args[-1].kind() not in _JS_HANDLERS:
        return None
    if _HTML_JS.search(args[-1].text()):
        return None
    http = None if method in {"all", "use"} else ("DELETE" if method == "del" else method.upper())
    return Route(path, args[0], http)


def _nest_routes(root: SgNode) -> Iterator[Route]:
    for call in root.find_all(_NEST_DECORATORS):
        arguments, function = call.field("arguments"), call.field("function")
        args = arguments.named_children() if arguments is not None else []
        path = _string_value(args[0]) if args else None
        if path is None or function is None:
            continue
        name = function.text()
        method = None if name in {"Controller", "All"} else name.upper()
        yield Route(path, args[0], method)


_GO_LITERALS = frozenset({"interpreted_string_literal", "raw_string_literal"})


_GO_UPPER = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}


_GO_CAMEL = {m.capitalize(): m for m in _GO_UPPER}


_GO_PREFIXES = frozenset({"Group", "Route", "Mount"})


_GO_PATTERNS = frozenset({"HandleFunc", "Handle"})  # net/http, chi and gorilla: (pattern, h)


_GO_METHOD_FIRST = frozenset({"Add", "Method", "MethodFunc"})  # echo Add, chi Method: (m, p, h)


_GO_HANDLERS = frozenset({"func_literal", "identifier", "selector_expression", "call_expression"})


_GO_CLIENTS = re.compile(r"^(?:http|client|\w*Client|cli|resty|req|request|session)$")


_GO_CALLS: Config = {
    "rule": {
        "kind": "call_expression",
        "has": {
            "field": "function",
            "kind": "selector_expression",
            "has": {
                "field": "field",
                "regex": "^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|Any|Get|Post|Put|Patch"
                "|Delete|Head|Options|Route|Mount|Group|HandleFunc|Handle|Add|Method"
                "|MethodFunc)$",
            },
        },
    }
}


_GO_1_22 = re.compile(r"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)$")


def _gorilla_methods(call: SgNode) -> str | None:
    """The one method of a gorilla/mux `r.HandleFunc(p, h).Methods("GET")` chain."""
    parent = call.parent()
    outer = parent.parent() if parent is not None else None
    if parent is None or outer is None or parent.kind() != "selector_expression":
        return None
    field = parent.field("field")
    if field is None or field.text() != "Methods" or outer.kind() != "call_expression":
        return None
    arguments = outer.field("arguments")
    named = re.findall(r"\"(\w+)\"", arguments.text() if arguments is not None else "")
    return named[0].upper() if len(named) == 1 else None


def _go_route(call: SgNode) -> Route | None:
    function, arguments = call.field("function"), call.field("arguments")
    if function is None or arguments is None:
        return None
    receiver, field = function.field("operand"), function.field("field")
    if receiver is None or field is None:
        return None
    name = field.text()
    client = _GO_CLIENTS.match(receiver.text().split(".")[-1])
    if client and not (name in _GO_PATTERNS and receiver.text() == "http"):
        return None
    args = arguments.named_children()
    at = 1 if name in _GO_METHOD_FIRST else 0
    if len(args) <= at or args[at].kind() not in _GO_LITERALS:
        return None
    path = _string_value(args[at]) or ""
    handler_args = args[at + 1 :]
    if name in _GO_PREFIXES:
        # A group takes a path and middleware; a route or mount, a path and a handler.
        if any(a.kind() in _GO_LITERALS for a in handler_args):
            return None
        return Route(path, args[at], None) if path.startswith("/") else None
    if not handler_args or any(a.kind() not in _GO_HANDLERS for a in handler_args):
        return None  # `cache.Get("/k", &v)`, `http.Post(url, "application/json", body)`
    method: str | None
    if name in _GO_PATTERNS:
        spaced = _GO_1_22.match(path)
        method, path = (spaced.group(1), spaced.group(2)) if spaced else (None, path)
        method = method or _gorilla_methods(call)
    elif name in _GO_METHOD_FIRST:
        literal = _string_value(args[0]) if args[0].kind() in _GO_LITERALS else None
        method = literal.upper() if literal else None
    else:
        method = name if name in _GO_UPPER else _GO_CAMEL.get(name)
    if not path.startswith("/") or _HTML_GO.search(arguments.text()):
        return None
    return Route(path, args[at], method)


def _go_routes(root: SgNode) -> Iterator[Route]:
    for call in root.find_all(_GO_CALLS):
        route = _go_route(call)
        if route is not None:
            yield route


_SPRING_NAMES = re.compile(r"^(Get|Post|Put|Patch|Delete|Request)Mapping$")


_SPRING_METHOD = re.compile(r"RequestMethod\.(GET|POST|PUT|PATCH|DELETE)\b")


_SPRING_HANDLERS = frozenset({"method_declaration", "function_declaration"})


def _annotation_name(annotation: SgNode) -> str:
    for child in annotation.named_children():
        if child.kind() in {"identifier", "scoped_identifier"}:
            return child.text().split(".")[-1]
        if child.kind() in {"user_type", "constructor_invocation"}:
            return child.text().split("(")[0].split(".")[-1].strip()
    return ""


def _annotation_arguments(annotation: SgNode) -> list[SgNode]:
    """Java `annotation_argument_list` children or Kotlin `value_argument`s."""
    for child in annotation.named_children():
        if child.kind() == "annotation_argument_list":
            return child.named_children()
        if child.kind() == "constructor_invocation":
            lists = [c for c in child.named_children() if c.kind() == "value_arguments"]
            return lists[0].named_children() if lists else []
    return []


def _strings_in(node: SgNode) -> list[SgNode]:
    if node.kind() == "string_literal":
        return [node]
    if node.kind() in {"element_value_array_initializer", "collection_literal"}:
        return [c for c in node.named_children() if c.kind() == "string_literal"]
    return []


def _annotation_paths(annotation: SgNode) -> list[SgNode]:
    """The path literals of a mapping annotation: its bare value, `value=` or `path=`."""
    out: list[SgNode] = []
    for arg in _annotation_arguments(annotation):
        parts = arg.named_children()
        if arg.kind() == "element_value_pair" or (
            arg.kind() == "value_argument" and len(parts) > 1
        ):
            if parts and parts[0].text() in {"value", "path"}:
                out += _strings_in(parts[-1])
        elif arg.kind() == "value_argument" and parts:
            out += _strings_in(parts[0])
        else:
            out += _strings_in(arg)
    return out


def _spring_method(name: str, annotation: SgNode) -> str | None:
    if name != "RequestMapping":
        return name.removesuffix("Mapping").upper()
    methods = set(_SPRING_METHOD.findall(annotation.text()))
    return methods.pop() if len(methods) == 1 else None


def _spring_routes(root: SgNode) -> Iterator[Route]:
    for annotation in root.find_all(kind="annotation"):
        name = _annotation_name(annotation)
        if not _SPRING_NAMES.match(name):
            continue
        method = _spring_method(name, annotation)
        declaration = annotation.parent()
        declaration = declaration.parent() if declaration is not None else None
        spring_handler = declaration is not None and declaration.kind() in _SPRING_HANDLERS
        if spring_handler and declaration is not None and _HTML_SPRING.search(declaration.text()):
            continue
        for node in _annotation_paths(annotation):
            path = _string_value(node)
            if path is not None:
                yield Route(path, node, method)


_RAILS_VERBS = {"get", "post", "put", "patch", "delete"}


_RAILS_CUSTOM_BLOCKS = frozenset({"member", "collection"})


def is_rails_routes(path: str) -> bool:
    return path.endswith("config/routes.rb") or "config/routes/" in path


def _rails_block_owner(call: SgNode) -> str | None:
    """The method whose `do ... end` block holds this call (`member`, `namespace` ...)."""
    for parent in call.ancestors():
        if parent.kind() in {"do_block", "block"}:
            owner = parent.parent()
            method = owner.field("method") if owner is not None else None
            return method.text() if method is not None else None
    return None


def _rails_path_node(arguments: SgNode) -> SgNode | None:
    args = arguments.named_children()
    if not args:
        return None
    first = args[0]
    if first.kind() == "pair":  # `post "users/create" => "users#create"`
        key = first.field("key")
        return key if key is not None and key.kind() == "string" else None
    return first if first.kind() == "string" else None


def _rails_routes(root: SgNode) -> Iterator[Route]:
    for call in root.find_all(kind="call"):
        method, arguments = call.field("method"), call.field("arguments")
        if method is None or arguments is None or call.field("receiver") is not None:
            continue
        name = method.text()
        args = arguments.named_children()
        if name in {"resources", "resource"}:
            for arg in args:
                if arg.kind() == "simple_symbol":
                    yield Route("/" + arg.text().lstrip(":"), arg, None, resource=True)
            continue
        if name not in _RAILS_VERBS and name not in {"match", "scope"}:
            continue
        # Custom member and collection actions (`member do post :cancel end`) are the
        # Rails idiom for what a resource's seven actions do not cover.
        if _rails_block_owner(call) in _RAILS_CUSTOM_BLOCKS:
            continue
        node = _rails_path_node(arguments)
        path = _string_value(node) if node is not None else None
        if node is None or path is None:
            continue
        http = name.upper() if name in _RAILS_VERBS else None
        yield Route(path, node, http, form_pages=True)


_LARAVEL_METHODS = {"get", "post", "put", "patch", "delete", "options"}


_LARAVEL_OTHER = {"any", "prefix"}


_LARAVEL_RESOURCES = {"resource", "apiResource"}


_PHP_STRINGS = frozenset({"string", "encapsed_string"})


def _laravel_owner(call: SgNode) -> bool:
    """Whether a call belongs to the router: `Route::get`, `Route::middleware(...)->get`,
    `$router->get` (Lumen) or `$this->router->get`."""
    if call.kind() == "scoped_call_expression":
        scope = call.field("scope")
        return scope is not None and scope.text().split("\\")[-1] == "Route"
    chain = call.field("object")
    text = chain.text() if chain is not None else ""
    return text.startswith(("Route::", "\\Route::")) or bool(
        re.fullmatch(r"\$(?:this->)?router", text)
    )


def _laravel_routes(root: SgNode) -> Iterator[Route]:
    calls = root.find_all(
        any=[{"kind": "scoped_call_expression"}, {"kind": "member_call_expression"}]
    )
    for call in calls:
        name_node, arguments = call.field("name"), call.field("arguments")
        if name_node is None or arguments is None:
            continue
        name = name_node.text()
        known = name in _LARAVEL_METHODS or name in _LARAVEL_OTHER or name in _LARAVEL_RESOURCES
        if not known or not _laravel_owner(call):
            continue
        args = arguments.named_children()
        value = args[0].named_children()[0] if args and args[0].named_children() else None
        if value is None or value.kind() not in _PHP_STRINGS:
            continue
        path = _string_value(value)
        if path is None:
            continue
        path = path if path.startswith("/") else "/" + path
        if name in _LARAVEL_RESOURCES:
            yield Route(path, value, None, resource=True)
        elif name in _LARAVEL_METHODS and (len(args) < 2 or _HTML_PHP.search(args[-1].text())):
            continue  # a route always has an action; one that renders a view is a page
        else:
            method = name.upper() if name in _LARAVEL_METHODS else None
            yield Route(path, value, method, form_pages=True)


# By path, with the file they were read from: three checks ask for one file's routes.
_ROUTES: dict[str, tuple[ChangedFile, tuple[Route, ...]]] = {}
_ROUTES_CACHE_SIZE = 512


def routes(file: ChangedFile) -> list[Route]:
    """Every route declaration ast-grep finds in the file, read once per review."""
    cached = _ROUTES.get(file.path)
    if cached is not None and cached[0] is file:
        return list(cached[1])
    found = tuple(_routes(file))
    if len(_ROUTES) >= _ROUTES_CACHE_SIZE:
        _ROUTES.clear()
    _ROUTES[file.path] = (file, found)
    return list(found)


def _routes(file: ChangedFile) -> list[Route]:
    hint = _HINTS.get(file.language or "")
    if file.language == "ruby" and not is_rails_routes(file.path):
        return []
    root = root_of(file, hint) if hint is not None else None
    if root is None:
        return []
    if file.language == "python":
        return list(_py_routes(root))
    if file.language == "go":
        return list(_go_routes(root))
    if file.language in {"java", "kotlin"}:
        return list(_spring_routes(root))
    if file.language == "ruby":
        return list(_rails_routes(root))
    if file.language == "php":
        return list(_laravel_routes(root))
    text = root.text()
    calls = root.find_all(_JS_CALLS) if _JS_CALL_HINT.search(text) else []
    found = [route for call in calls if (route := _js_route(call))]
    return found + (list(_nest_routes(root)) if _NEST_HINT.search(text) else [])


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
