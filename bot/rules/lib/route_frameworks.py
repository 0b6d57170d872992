"""The route-convention rules (`route_conventions`) for what its handler readers leave
out: Django REST framework views and Rails controllers, whose routes are not in the
handler file (the action name says the method: `create` is a POST, `destroy` a
DELETE), and the checks Spring, Gin, Laravel and NestJS handlers were not read for —
a create answered 200, a DELETE that reads a body, a list with no limit, an error
returned as a plain object.

Every function takes the file and yields `Hit`s on the line the fix goes to; only
handlers whose declaration the change added are judged.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot import lazyre as re
from bot.lines import line_of
from bot.models import ChangedFile
from bot.rules.engine import Hit
from bot.rules.lib.code_text import top_level_arguments

if TYPE_CHECKING:
    from bot.rules.lib.route_readers import Handler

GET_WRITES = "get-handler-writes"
POST_201 = "post-create-without-201"
DELETE_BODY = "delete-with-body"
ERROR_200 = "error-with-status-200"
UNBOUNDED = "unbounded-list-query"

_ERROR_KEY = r"(?:error|errors|err)"
# Tracking a read (a view counter, a last-seen stamp) is an accepted side effect of GET.
_TOUCH = re.compile(
    r"(?i)\b(?:views?|views?_?count|hits|hits_?count|visits|visits?_?count|impressions?\w{0,10}"
    r"|last_?(?:seen|login|access|used"
    r"|active|visit)\w{0,20}|accessed_?at|seen_?at)\b"
)
_BOUNDED = re.compile(
    r"(?i)limit|paginat|\bpage|offset|cursor|\[\s{0,5}:|\[\s{0,5}\d{0,6}\s{0,5}:|\btake\b"
    r"|per_page|pageable|first\(|slice\("
)


@dataclass(frozen=True)
class Action:
    """A handler found by this module: its method, name, text and first line."""

    method: str
    name: str
    text: str
    line: int
    has_id: bool  # the route carries an id (one item, not a list)

    def line_at(self, index: int) -> int:
        return self.line + self.text.count("\n", 0, index)


def _hit(rule: str, file: ChangedFile, line: int, title: str) -> Hit:
    return Hit(rule, file.path, line, title=title)


# --- Django REST framework ------------------------------------------------------------------

_DRF_ACTIONS = {
    "get": "GET",
    "post": "POST",
    "put": "PUT",
    "patch": "PATCH",
    "delete": "DELETE",
    "list": "GET",
    "retrieve": "GET",
    "create": "POST",
    "update": "PUT",
    "partial_update": "PATCH",
    "destroy": "DELETE",
}
_DRF_VIEW = re.compile(r"(?:APIView|ViewSet|GenericAPIView|ViewSetMixin)$")
_DRF_WRITE = re.compile(
    r"\.objects\.(?:create|bulk_create|get_or_create|update_or_create)\("
    r"|\.(?:save|delete)\(\s{0,5}\)|\.objects\.filter\([^\n]{0,300}\)\.(?:update|delete)\("
    r"|\bserializer\.save\("
)
_DRF_CREATE = re.compile(
    r"\.objects\.(?:create|bulk_create)\(|\bserializer\.save\(|\.save\(\s{0,5}\)"
)
_DRF_RESPONSE = re.compile(r"^[ \t]{0,40}return[ \t]{1,10}Response\(", re.MULTILINE)


def _drf_actions(text: str) -> Iterator[Action]:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return
    rows = text.split("\n")

    def source(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
        return "\n".join(rows[node.lineno - 1 : node.end_lineno or node.lineno])

    def has_id(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        names = [a.arg for a in node.args.args + node.args.kwonlyargs]
        return any(n in {"pk", "id", "slug"} or n.endswith("_id") for n in names) or bool(
            node.args.kwarg
        )

    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                if not (isinstance(decorator, ast.Call) and _name(decorator.func) == "api_view"):
                    continue
                listed = decorator.args[0] if decorator.args else None
                methods = [
                    e.value
                    for e in (listed.elts if isinstance(listed, (ast.List, ast.Tuple)) else [])
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                ] or ["GET"]
                for method in methods:
                    yield Action(method.upper(), node.name, source(node), node.lineno, has_id(node))
        elif isinstance(node, ast.ClassDef) and any(_DRF_VIEW.search(_name(b)) for b in node.bases):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    verb = _DRF_ACTIONS.get(item.name)
                    if verb:
                        detail = item.name in {"retrieve", "update", "partial_update", "destroy"}
                        yield Action(
                            verb, item.name, source(item), item.lineno, detail or has_id(item)
                        )


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _added_action(file: ChangedFile, action: Action) -> bool:
    return any(n in file.added_lines for n in range(action.line, action.line + 1))


def drf_hits(file: ChangedFile) -> Iterator[Hit]:
    text = file.visible_text()
    if "rest_framework" not in text:
        return
    code = re.sub(r"#[^\n]{0,2000}", "", text)
    for action in _drf_actions(code):
        if not _added_action(file, action):
            continue
        body = action.text
        where = f"`{action.name}`"
        write = _DRF_WRITE.search(body)
        if action.method == "GET" and write and not _TOUCH.search(body):
            yield _hit(GET_WRITES, file, action.line_at(write.start()), f"GET view {where} writes")
        if action.method == "POST" and _DRF_CREATE.search(body):
            for reply in _DRF_RESPONSE.finditer(body):
                statement = body[reply.end() : body.find("\n", reply.end())]
                if "status" in statement or re.search(r"[\"']" + _ERROR_KEY, statement):
                    continue
                yield _hit(
                    POST_201,
                    file,
                    action.line_at(
                        reply.start() + len(reply.group(0)) - len(reply.group(0).lstrip())
                    ),
                    f"POST view {where} creates a resource but answers 200",
                )
                break
        if action.method == "DELETE":
            found = re.search(r"\brequest\.(?:data|body|POST)\b", body)
            if found:
                yield _hit(
                    DELETE_BODY,
                    file,
                    action.line_at(found.start()),
                    f"DELETE view {where} reads a request body",
                )
        for reply in re.finditer(
            rf"^[ \t]{{0,40}}return[ \t]{{1,10}}Response\(\s{{0,10}}\{{\s{{0,10}}"
            rf"[\"']{_ERROR_KEY}[\"']",
            body,
            re.MULTILINE,
        ):
            statement = body[reply.end() : body.find("\n", reply.end())]
            if "status" not in statement:
                yield _hit(
                    ERROR_200,
                    file,
                    action.line_at(reply.end()),
                    f"View {where} returns an error payload with status 200",
                )
        if action.method == "GET" and not action.has_id and not _BOUNDED.search(body):
            for found in re.finditer(r"\b[A-Z]\w{0,80}\.objects\.all\(\)", body):
                yield _hit(
                    UNBOUNDED,
                    file,
                    action.line_at(found.start()),
                    f"List view {where} returns every row",
                )


# --- Rails controllers ----------------------------------------------------------------------

_RAILS_METHODS = {
    "index": "GET",
    "show": "GET",
    "create": "POST",
    "update": "PATCH",
    "destroy": "DELETE",
}
_RAILS_DEF = re.compile(r"^([ \t]{0,40})def[ \t]{1,10}(\w{1,80})\b", re.MULTILINE)
_RAILS_WRITE = re.compile(
    r"\.(?:update!?|update_all|update_columns?|destroy!?|destroy_all|delete_all|save!?|create!?"
    r"|increment!"
    r"|decrement!|toggle!|touch)\b(?!\?)"
)
_RAILS_RENDER = re.compile(r"\brender[ \t(]{1,10}json:[ \t]{0,10}")
_RAILS_CREATE = re.compile(r"\.(?:create!?|save!?|insert!?)\b|\bcreate_with\b")


def _rails_actions(code: str) -> Iterator[Action]:
    for match in _RAILS_DEF.finditer(code):
        method = _RAILS_METHODS.get(match.group(2))
        if method is None:
            continue
        end = re.compile(rf"^{match.group(1)}end\b", re.MULTILINE).search(code, match.end())
        text = code[match.start() : end.end() if end else len(code)]
        line = line_of(code, match.start())
        yield Action(method, match.group(2), text, line, match.group(2) != "index")


def _statement(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def rails_hits(file: ChangedFile) -> Iterator[Hit]:
    if not file.path.endswith("_controller.rb"):
        return
    from bot.routes_contract.scan import blank_comments

    code = blank_comments(file.visible_text(), hash_comments=True)
    for action in _rails_actions(code):
        if not _added_action(file, action):
            continue
        body = action.text
        where = f"`{action.name}`"
        write = _RAILS_WRITE.search(body)
        if action.method == "GET" and write:
            around = body[body.rfind("\n", 0, write.start()) + 1 : write.end()] + _statement(
                body, write.end()
            )
            if not _TOUCH.search(around):
                yield _hit(
                    GET_WRITES,
                    file,
                    action.line_at(write.start()),
                    f"GET action {where} writes to the database",
                )
        renders = list(_RAILS_RENDER.finditer(body))
        for render in renders:
            statement = _statement(body, render.start())
            model_errors = re.match(
                r"@?\w{1,60}\.errors\b", statement[render.end() - render.start() :]
            )
            error = model_errors or re.match(
                rf"\{{\s{{0,10}}(?::{_ERROR_KEY}\s{{0,5}}=>|{_ERROR_KEY}:|[\"']{_ERROR_KEY}[\"']\s{{0,5}}=>)",
                statement[render.end() - render.start() :],
            )
            has_status = re.search(r"\bstatus:", statement)
            if error and not has_status:
                yield _hit(
                    ERROR_200,
                    file,
                    action.line_at(render.start()),
                    f"Action {where} renders an error with status 200",
                )
            elif (
                action.method == "POST"
                and not error
                and not has_status
                and ".errors" not in statement
                and _RAILS_CREATE.search(body)
            ):
                yield _hit(
                    POST_201,
                    file,
                    action.line_at(render.start()),
                    "`create` renders the new record with status 200",
                )
        if action.method == "DELETE":
            found = re.search(r"\brequest\.(?:body|raw_post|request_parameters)\b", body)
            if found:
                yield _hit(
                    DELETE_BODY,
                    file,
                    action.line_at(found.start()),
                    "`destroy` reads a request body",
                )


# --- Spring, Gin, Laravel and NestJS handlers -------------------------------------------------

_SPRING_CREATE = re.compile(
    r"\b\w{0,60}(?:repo|Repo|repository|Repository|dao|Dao)\w{0,60}\s{0,5}\.\s{0,5}(?:"
    r"save|saveAndFlush|insert)\("
    r"|\b(?:entityManager|em)\s{0,5}\.\s{0,5}persist\("
    r"|\b\w{0,60}[sS]ervice\s{0,5}\.\s{0,5}(?:create|register|add|place|open)(?:[A-Z]\w{0,40})?\("
)
_SPRING_CREATED = re.compile(
    r"HttpStatus\.CREATED|ResponseEntity\s{0,5}\.\s{0,5}created\(|\.status\(\s{0,5}201\b"
    r"|@ResponseStatus\(\s{0,5}(?:code\s{0,5}=\s{0,5}|value\s{0,5}=\s{0,5})?HttpStatus\.(?!OK\b)"
)
_SPRING_FIND_ALL = re.compile(
    r"\b\w{0,60}(?:repo|Repo|repository|Repository)\w{0,60}\s{0,5}\.\s{0,5}findAll\(\s"
    r"{0,5}\)"
)
_GO_CREATE = re.compile(
    r"\b(?:db|DB|tx|Tx|gdb|gormDB|orm)\.(?:Create|CreateInBatches)\("
    r"|\b\w{0,60}(?:repo|Repo|store|Store|service|Service)\w{0,60}\.(?:Create|Insert)\w{0,40}\("
)
_GO_OK_REPLY = re.compile(r"\b\w{1,40}\.JSON\(\s{0,5}(?:200|http\.StatusOK)\s{0,5},")
_GO_BIND = re.compile(r"\.(?:ShouldBindJSON|BindJSON|ShouldBind|Bind|ShouldBindWith|BodyParser)\(")
_GO_FIND = re.compile(r"\b(?:db|DB|tx|gdb|gormDB|orm)\.Find\(\s{0,5}&")
_LARAVEL_CREATE = re.compile(
    r"\b[A-Z]\w{0,80}::(?:create|forceCreate|firstOrCreate)\(|->save\(\s{0,5}\)"
)
_LARAVEL_JSON_200 = re.compile(r"\breturn\s{1,10}response\(\s{0,5}\)\s{0,5}->\s{0,5}json\(")
_LARAVEL_BODY = re.compile(
    r"\$request\s{0,5}->\s{0,5}(?:input|all|json|post|validate|only|except|collect)\(|"
    r"\brequest\(\s{0,5}\)\s{0,5}->\s{0,5}(?:input|all|json)\("
)
_LARAVEL_ALL = re.compile(r"\b[A-Z]\w{0,80}::all\(\)")
_NEST_OK = re.compile(r"@HttpCode\(\s{0,5}(?:200|HttpStatus\.OK)\s{0,5}\)")
_NEST_CREATE = re.compile(r"\.(?:save|create|insert|createQueryBuilder\(\)\.insert)\(")
_NEST_ERROR = re.compile(
    rf"\breturn\s{{1,10}}\{{\s{{0,10}}(?:[\w$]{{1,60}}\s{{0,5}}:\s{{0,5}}[^,{{}}\n]{{1,200}},\s{{0,10}}){{0,5}}{_ERROR_KEY}\s{{0,5}}:(?!\s{{0,5}}(?:null|undefined|false)\b)"
)


def _handler_text(handler: Handler) -> tuple[str, int]:
    from bot.rules.astgrep import lines

    return handler.function.text(), lines(handler.function)[0]


def _line(text: str, first: int, index: int) -> int:
    return first + text.count("\n", 0, index)


def handler_hits(file: ChangedFile, found: Sequence[Handler]) -> Iterator[Hit]:
    for handler in found:
        if handler.route_line not in file.added_lines:
            continue
        text, first = _handler_text(handler)
        shown = handler.route.path
        methods = handler.methods
        last = [s for s in shown.split("/") if s]
        one_item = bool(last) and (last[-1][:1] in "{<:" or "{" in last[-1])
        framework = handler.framework
        if framework == "spring":
            if methods == {"POST"} and _SPRING_CREATE.search(text):
                holder = handler.call.parent() if handler.call is not None else None
                annotations = holder.text() if holder is not None else ""
                if not _SPRING_CREATED.search(text) and not _SPRING_CREATED.search(annotations):
                    ok = re.search(r"ResponseEntity\s{0,5}\.\s{0,5}ok\(", text)
                    line = _line(text, first, ok.start()) if ok else handler.route_line
                    yield _hit(
                        POST_201, file, line, f"POST `{shown}` creates a resource but answers 200"
                    )
            if methods == {"DELETE"}:
                body = re.search(r"@RequestBody\b", text)
                if body:
                    yield _hit(
                        DELETE_BODY,
                        file,
                        _line(text, first, body.start()),
                        f"DELETE `{shown}` reads a request body",
                    )
            if methods == {"GET"} and not one_item and not _BOUNDED.search(text):
                for match in _SPRING_FIND_ALL.finditer(text):
                    yield _hit(
                        UNBOUNDED,
                        file,
                        _line(text, first, match.start()),
                        f"List endpoint `{shown}` returns every row",
                    )
        elif framework == "go":
            if methods == {"POST"} and _GO_CREATE.search(text):
                for reply in _GO_OK_REPLY.finditer(text):
                    yield _hit(
                        POST_201,
                        file,
                        _line(text, first, reply.start()),
                        f"POST `{shown}` creates a resource but answers 200",
                    )
            if methods == {"DELETE"}:
                bind = _GO_BIND.search(text)
                if bind:
                    yield _hit(
                        DELETE_BODY,
                        file,
                        _line(text, first, bind.start()),
                        f"DELETE `{shown}` reads a request body",
                    )
            if methods == {"GET"} and not one_item and not _BOUNDED.search(text):
                for match in _GO_FIND.finditer(text):
                    chain = text[max(0, text.rfind("\n", 0, match.start())) : match.start()]
                    if not re.search(r"\.(?:Where|Limit|Offset|Scopes|First)\(", chain):
                        yield _hit(
                            UNBOUNDED,
                            file,
                            _line(text, first, match.start()),
                            f"List endpoint `{shown}` returns every row",
                        )
        elif framework == "laravel":
            if methods == {"POST"} and _LARAVEL_CREATE.search(text):
                for reply in _LARAVEL_JSON_200.finditer(text):
                    args = top_level_arguments(text, reply.end() - 1)
                    if len(args) == 1 or (
                        len(args) > 1 and args[1].strip() in {"200", "Response::HTTP_OK"}
                    ):
                        yield _hit(
                            POST_201,
                            file,
                            _line(text, first, reply.start()),
                            f"POST `{shown}` creates a resource but answers 200",
                        )
            if methods == {"DELETE"}:
                body = _LARAVEL_BODY.search(text)
                if body:
                    yield _hit(
                        DELETE_BODY,
                        file,
                        _line(text, first, body.start()),
                        f"DELETE `{shown}` reads a request body",
                    )
            if methods == {"GET"} and not one_item and not _BOUNDED.search(text):
                for match in _LARAVEL_ALL.finditer(text):
                    yield _hit(
                        UNBOUNDED,
                        file,
                        _line(text, first, match.start()),
                        f"List endpoint `{shown}` returns every row",
                    )
        elif framework == "nest":
            decorators, top = _decorators(handler)
            if methods == {"POST"} and _NEST_CREATE.search(text):
                ok = _NEST_OK.search(decorators)
                if ok:
                    yield _hit(
                        POST_201,
                        file,
                        top + decorators.count("\n", 0, ok.start()),
                        f"POST `{shown}` creates a resource but answers 200",
                    )
            for match in _NEST_ERROR.finditer(text):
                yield _hit(
                    ERROR_200,
                    file,
                    _line(text, first, match.start()),
                    f"`{shown}` returns an error payload with status 200",
                )


def _decorators(handler: Handler) -> tuple[str, int]:
    """The decorators above a NestJS method, and the line they start on."""
    from bot.rules.astgrep import lines

    texts: list[str] = []
    first = 0
    node = handler.function.prev()
    while node is not None and node.kind() == "decorator":
        texts.insert(0, node.text())
        first = lines(node)[0]
        node = node.prev()
    return "\n".join(texts), first
