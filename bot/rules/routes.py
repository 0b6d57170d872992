"""HTTP routes whose path carries a CRUD verb (`api-verb-in-path`).

One ast-grep mechanism finds route declarations in FastAPI/Flask (decorators,
`add_url_rule`, `add_api_route`, router prefixes), Express-style apps (`app.get`,
`router.post`, `app.route`, `app.use`, Fastify and Hono share the shape) and
NestJS decorators; a small word analysis then decides whether a path segment is a
verb. Only lines the change added are reported, so an old route in context is
left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ast_grep_py import Config, SgNode

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.astgrep import lines, root_of
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.select import is_test_path

RULE_ID = "api-verb-in-path"

# Verbs that name a CRUD operation the HTTP method already expresses, with the
# method that should carry them. Flagged as a whole segment (`/delete/`), as a
# camelCase prefix (`getUser`) or before `-`/`_` (`update-profile`, `fetch_items`).
_CRUD_VERBS: dict[str, str] = {
    "get": "GET",
    "fetch": "GET",
    "retrieve": "GET",
    "create": "POST",
    "add": "POST",
    "insert": "POST",
    "update": "PATCH",
    "edit": "PATCH",
    "modify": "PATCH",
    "set": "PATCH",
    "save": "PUT",
    "upsert": "PUT",
    "delete": "DELETE",
    "remove": "DELETE",
    "destroy": "DELETE",
}
# Words that are verbs only as a camelCase prefix (`listUsers`, `doPayment`): alone
# or hyphenated they are usually nouns (`/list`, `/mailing-list`, `/list-price`).
_CAMEL_ONLY_VERBS: dict[str, str] = {
    "list": "GET",
    "find": "GET",
    "read": "GET",
    "load": "GET",
    "make": "POST",
    "do": "POST",
    "post": "POST",
    "put": "PUT",
    "change": "PATCH",
}
# Verbs that act on a collection, whose resource path is the plural noun.
_COLLECTION_VERBS = frozenset({"create", "add", "insert", "list"})
# Hyphenated nouns that start with a verb.
_NOUN_PHRASES = frozenset({"add-on", "add-ons", "set-up", "edit-history", "update-history"})
_CAMEL = re.compile(r"^([A-Za-z][a-z]*)[A-Z0-9]")
_SEPARATED = re.compile(r"^([A-Za-z]+)[-_][A-Za-z0-9]")
_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")

# Handlers that answer with HTML: browsers' forms only send GET and POST, so
# `/posts/<id>/delete` behind a form is the accepted convention there.
_HTML_PY = re.compile(
    r"\b(render_template|render_template_string|redirect|TemplateResponse"
    r"|RedirectResponse|HTMLResponse)\b"
)
_HTML_JS = re.compile(r"\.\s*(render|redirect)\s*\(")
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
_HINTS = {
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


@dataclass(frozen=True)
class VerbSegment:
    verb: str
    method: str
    index: int  # position among the path's "/"-separated parts
    rest: str  # the segment without the verb, as a kebab-case noun ("" when it was only the verb)


# --- the words -----------------------------------------------------------------------


def _is_parameter(segment: str) -> bool:
    return segment[:1] in {"{", "<", ":", "*", "["} or ":" in segment or "{" in segment


def _kebab(text: str) -> str:
    return "-".join(word.lower() for word in _WORDS.findall(text))


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(x|ch|sh)$", word):
        return word + "es"
    return word + "s"


def _noun(verb: str, rest: str) -> str:
    """The resource a verb-prefixed segment is about: `createOrder` -> `orders`,
    `getUserById` -> `user`, `update-profile` -> `profile`."""
    noun = re.sub(r"-by-.*$", "", _kebab(rest))
    if noun and verb in _COLLECTION_VERBS:
        head, _, last = noun.rpartition("-")
        noun = f"{head}-{_plural(last)}" if head else _plural(last)
    return noun


def _verb_of(segment: str) -> tuple[str, str, str] | None:
    """(verb, method, rest) when the segment starts with a verb, else None."""
    word = segment.split(".")[0]
    lowered = word.lower()
    if lowered in _CRUD_VERBS:
        return lowered, _CRUD_VERBS[lowered], ""
    camel = _CAMEL.match(word)
    if camel:
        verb = camel.group(1).lower()
        method = _CRUD_VERBS.get(verb) or _CAMEL_ONLY_VERBS.get(verb)
        if method:
            return verb, method, _noun(verb, word[len(verb) :])
    separated = _SEPARATED.match(word)
    if separated and lowered.replace("_", "-") not in _NOUN_PHRASES:
        verb = separated.group(1).lower()
        if verb in _CRUD_VERBS:
            return verb, _CRUD_VERBS[verb], _noun(verb, word[len(verb) + 1 :])
    return None


def verb_in_path(path: str) -> VerbSegment | None:
    """The first path segment that is, or starts with, a verb."""
    for index, segment in enumerate(path.split("/")):
        if not segment or _is_parameter(segment):
            continue
        found = _verb_of(segment)
        if found:
            return VerbSegment(verb=found[0], method=found[1], index=index, rest=found[2])
    return None


def resource_route(path: str, found: VerbSegment) -> str:
    """`METHOD /path` with the verb taken out of the path."""
    parts = path.split("/")
    if found.rest:
        parts[found.index] = found.rest
    else:
        del parts[found.index]
    new_path = "/".join(parts)
    if path.startswith("/") and not new_path.startswith("/"):
        new_path = "/" + new_path
    return f"{found.method} {new_path or '/'}"


# --- the routes ----------------------------------------------------------------------


def _string_value(node: SgNode) -> str | None:
    """A string literal's text, with any interpolation written as `{}`; None if not a string."""
    kind = node.kind()
    if kind not in {"string", "template_string"}:
        return None
    parts: list[str] = []
    for child in node.children():
        if child.kind() in {"string_content", "string_fragment"}:
            parts.append(child.text())
        elif child.kind() in {"interpolation", "template_substitution"}:
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
        if path is not None and path.startswith("/"):
            yield Route(path, node, None if method in {"route", "api_route"} else method.upper())
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


def routes(file: ChangedFile) -> list[Route]:
    """Every route declaration ast-grep finds in the file."""
    hint = _HINTS.get(file.language or "")
    root = root_of(file, hint) if hint is not None else None
    if root is None:
        return []
    if file.language == "python":
        return list(_py_routes(root))
    text = root.text()
    calls = root.find_all(_JS_CALLS) if _JS_CALL_HINT.search(text) else []
    found = [route for call in calls if (route := _js_route(call))]
    return found + (list(_nest_routes(root)) if _NEST_HINT.search(text) else [])


def _hit(file: ChangedFile, route: Route) -> Hit | None:
    found = verb_in_path(route.path)
    if found is None:
        return None
    first, last = lines(route.node)
    suggested = resource_route(route.path, found)
    registered = (
        f" It is registered for `{route.method}`."
        if route.method and route.method != found.method
        else ""
    )
    return Hit(
        rule=RULE_ID,
        path=file.path,
        line=first,
        end_line=last,
        title=f"Verb `{found.verb}` in new route path `{route.path}`",
        detail=f"Suggested: `{suggested}` — the method carries the action, the path names "
        f"the resource.{registered}",
    )


RULE = Rule(
    id=RULE_ID,
    category=Category.API_DESIGN,
    severity=Severity.LOW,
    title="Route path names an action instead of a resource",
    rationale=(
        "A verb in the path (`/getUser`, `/users/delete/{id}`) repeats what the HTTP method "
        "should say, and it stops the method from meaning anything: `GET /deleteUser` gets "
        "crawled, prefetched or retried by proxies and deletes data, caches cannot tell "
        "reads from writes, and every new action grows another endpoint instead of a "
        "method on an existing resource. Once clients call the path it is a contract, so "
        "renaming it later takes a new API version. State transitions that are not CRUD "
        "(`POST /orders/{id}/cancel`, `/users/{id}/activate`) are the accepted idiom for "
        "custom actions and are not flagged, nor are HTML views that render templates or "
        "redirect (browser forms only send GET and POST). Severity is low: nothing breaks "
        "today, but the fix is free before merge and costly after clients depend on it."
    ),
    fix=(
        "Name the resource in the path and let the method carry the action: "
        "`GET /users/{id}` instead of `/getUser`, `POST /orders` instead of `/createOrder`, "
        "`PATCH /profile` instead of `/update-profile`, `DELETE /users/{id}` instead of "
        "`/users/delete/{id}`."
    ),
    languages=("python", "javascript", "typescript"),
    positive=(
        RuleCase(
            path="app/api/users.py",
            code=(
                "from fastapi import APIRouter\n"
                "\n"
                "router = APIRouter()\n"
                "\n"
                '@router.get("/getUser/{user_id}")\n'
                "async def get_user(user_id: int) -> dict:\n"
                '    return {"id": user_id}\n'
                "\n"
                '@router.post("/users/delete/{user_id}")\n'
                "async def delete_user(user_id: int) -> None:\n"
                "    return None\n"
            ),
            lines=(5, 9),
        ),
        RuleCase(
            path="app/views.py",
            code=(
                "from flask import Blueprint, jsonify\n"
                "\n"
                'bp = Blueprint("profile", __name__)\n'
                "\n"
                '@bp.route("/api/v1/update-profile", methods=["POST"])\n'
                "def update_profile():\n"
                "    return jsonify(ok=True)\n"
            ),
            lines=(5,),
        ),
        RuleCase(
            path="src/routes/orders.js",
            code=(
                "const express = require('express');\n"
                "const router = express.Router();\n"
                "router.post('/createOrder', async (req, res) => res.status(201).json({}));\n"
                "router.get('/fetch_items', listItems);\n"
                "module.exports = router;\n"
            ),
            lines=(3, 4),
        ),
        RuleCase(
            path="src/orders/orders.controller.ts",
            code=(
                "import { Controller, Get, Param } from '@nestjs/common';\n"
                "\n"
                "@Controller('orders')\n"
                "export class OrdersController {\n"
                "  @Get('getAll')\n"
                "  all() { return []; }\n"
                "}\n"
            ),
            lines=(5,),
        ),
    ),
    negative=(
        RuleCase(
            path="app/api/users.py",
            code=(
                "from fastapi import APIRouter\n"
                "\n"
                "router = APIRouter()\n"
                "\n"
                '@router.get("/users/{user_id}")\n'
                "async def get_user(user_id: int) -> dict:\n"
                '    return {"id": user_id}\n'
                "\n"
                '@router.get("/settings")\n'
                "async def settings() -> dict:\n"
                "    return {}\n"
                "\n"
                '@router.get("/updates")\n'
                "async def updates() -> list:\n"
                "    return []\n"
                "\n"
                '@router.post("/orders/{order_id}/cancel")\n'
                "async def cancel(order_id: int) -> None:\n"
                "    return None\n"
            ),
        ),
        RuleCase(
            path="app/views.py",
            code=(
                "from flask import Flask, redirect, render_template\n"
                "\n"
                "app = Flask(__name__)\n"
                "\n"
                '@app.route("/getting-started")\n'
                "def getting_started():\n"
                '    return render_template("start.html")\n'
                "\n"
                '@app.route("/posts/<int:id>/delete", methods=["POST"])\n'
                "def delete(id):\n"
                '    return redirect("/")\n'
            ),
        ),
        RuleCase(
            path="src/routes/orders.js",
            code=(
                "const express = require('express');\n"
                "const axios = require('axios');\n"
                "const app = express();\n"
                "app.delete('/orders/:id', removeOrder);\n"
                "app.get('/deletions', (req, res) => res.json([]));\n"
                "app.set('env', 'production');\n"
                "app.get('env');\n"
                "axios.get('/getUser', { params: { id: 1 } });\n"
            ),
        ),
        RuleCase(
            path="tests/test_cookies.py",
            code=(
                "from flask import Flask\n"
                "\n"
                "app = Flask(__name__)\n"
                "\n"
                '@app.route("/getCookie")\n'
                "def get_cookie():\n"
                '    return "ok"\n'
            ),
        ),
    ),
)


class ApiVerbInPath(Check):
    name = "ast-grep:routes"
    rules = (RULE,)
    languages = frozenset({"python", "javascript", "typescript"})
    kinds = frozenset({FileKind.CODE})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []  # throwaway apps in tests (`/set`, `/get`) are no public API
        hits = (_hit(file, route) for route in routes(file))
        return [hit for hit in hits if hit is not None]


CHECKS: list[Check] = [ApiVerbInPath()]
