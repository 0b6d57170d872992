"""The Python halves of the cross-language security rules (`security_web`): each finder
walks a parsed file and yields what its rule reports."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, replace

from bot import lazyre as re
from bot.rules.lib.python_ast import (
    _WORD,
    Found,
    Taint,
    all_nodes,
    calls,
    dotted,
    found,
    functions,
    is_const,
    keyword,
    mentions_password,
    names_password,
    short,
)

_FAST_HASHES = frozenset(
    {
        "md5",
        "sha1",
        "sha224",
        "sha256",
        "sha384",
        "sha512",
        "sha3_256",
        "sha3_512",
        "blake2b",
        "blake2s",
    }
)


def _fast_hash_call(call: ast.Call) -> str | None:
    name = dotted(call.func)
    last = name.rsplit(".", 1)[-1]
    if last in _FAST_HASHES and (name.startswith("hashlib.") or name == last):
        return last
    if name == "hashlib.new" and call.args and isinstance(call.args[0], ast.Constant):
        value = str(call.args[0].value).lower().replace("-", "")
        return value if value in _FAST_HASHES else None
    return None


def find_password_hash(tree: ast.Module) -> Iterator[Found]:
    hashers: set[str] = set()  # names bound to `hashlib.sha256()` objects
    for node in all_nodes(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and _fast_hash_call(node.value)
        ):
            hashers |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    reported: set[int] = set()
    for node in all_nodes(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.AST):
            targets = [dotted(t) or "" for t in node.targets]
            if any(names_password(t.rsplit(".", 1)[-1]) for t in targets if t):
                for call in calls(node.value):
                    algorithm = _fast_hash_call(call)
                    if algorithm and id(call) not in reported:
                        reported.add(id(call))
                        yield found(call, f"A password is stored as a plain `{algorithm}` digest.")
        if not isinstance(node, ast.Call) or id(node) in reported:
            continue
        algorithm = _fast_hash_call(node)
        args = [*node.args, *(kw.value for kw in node.keywords)]
        if algorithm is None and isinstance(node.func, ast.Attribute):
            receiver = node.func.value
            if node.func.attr == "update" and isinstance(receiver, ast.Name):
                algorithm = "hashlib" if receiver.id in hashers else None
            elif node.func.attr == "update" and isinstance(receiver, ast.Call):
                algorithm = _fast_hash_call(receiver)
        if algorithm is None:
            continue
        if dotted(node.func) == "hashlib.new":
            args = args[1:]
        for arg in args:
            name = mentions_password(arg)
            if name:
                reported.add(id(node))
                yield found(node, f"`{name}` is hashed with a plain `{algorithm}`.")
                break


_ECB_MODES = frozenset({"MODE_ECB"})


def find_weak_cipher(tree: ast.Module) -> Iterator[Found]:
    for call in calls(tree):
        name = dotted(call.func)
        parts = name.split(".")
        if len(parts) >= 2 and parts[-1] == "new" and parts[-2] in {"DES", "DES3"}:
            yield found(call, f"`{name}` uses DES, whose keys are brute-forced in hours.")
            continue
        if len(parts) >= 2 and parts[-1] == "new":
            mode = call.args[1] if len(call.args) >= 2 else keyword(call, "mode")
            if mode is not None and dotted(mode).rsplit(".", 1)[-1] in _ECB_MODES:
                yield found(call, f"`{name}` in ECB mode: equal blocks encrypt to equal output.")
                continue
        if name.endswith(("modes.ECB", "ECB")) and name.rsplit(".", 1)[-1] == "ECB":
            yield found(call, "`modes.ECB()`: equal blocks encrypt to equal output.")
        elif name.rsplit(".", 1)[-1] in {"TripleDES", "DES"} and "algorithms" in name:
            yield found(call, f"`{name}` is a retired 64-bit-block cipher.")


_XSS_SINKS = frozenset({"mark_safe", "Markup", "HttpResponse", "SafeString"})


def find_xss(tree: ast.Module) -> Iterator[Found]:
    taint = Taint(tree)
    for call in calls(tree):
        name = dotted(call.func).rsplit(".", 1)[-1]
        if name in _XSS_SINKS and call.args:
            if name == "HttpResponse":
                kind = keyword(call, "content_type")
                if kind is not None and not (
                    isinstance(kind, ast.Constant) and "html" in str(kind.value)
                ):
                    continue
            source = taint.anywhere(call.args[0], call)
            if source:
                yield found(call, f"`{name}` gets request data unescaped: `{source}`.")
        elif name == "format_html" and call.args:
            template = call.args[0]
            if isinstance(template, ast.Constant):
                continue
            source = taint.anywhere(template, call)
            if source:
                yield found(
                    call,
                    f"The format string of `format_html` holds request data (`{source}`); only "
                    "its arguments are escaped.",
                )


def _parse_with(tree: ast.Module, parser: ast.Call) -> int | None:
    """The last row of the first parse that is handed the parser `parser` was assigned to
    (`parser = etree.XMLParser(...)`, then `etree.parse(src, parser)`), within 15 rows."""
    target = next(
        (
            node.targets[0].id
            for node in all_nodes(tree)
            if isinstance(node, ast.Assign)
            and node.value is parser
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ),
        None,
    )
    if target is None:
        return None
    for call in calls(tree):
        handed = [*call.args, *(k.value for k in call.keywords)]
        if (
            call.lineno > parser.lineno
            and call.lineno - parser.lineno <= 15
            and any(isinstance(a, ast.Name) and a.id == target for a in handed)
        ):
            return call.end_lineno or call.lineno
    return None


def find_xxe(tree: ast.Module) -> Iterator[Found]:
    for call in calls(tree):
        name = dotted(call.func)
        last = name.rsplit(".", 1)[-1]
        if last == "XMLParser" and (
            is_const(keyword(call, "resolve_entities"), True)
            or is_const(keyword(call, "no_network"), False)
        ):
            hit = found(call, "The lxml parser expands external entities from the document.")
            # The finding reaches the parse the parser is handed to: the untrusted document.
            parse = _parse_with(tree, call)
            yield replace(hit, end_row=max(hit.end_row, parse)) if parse else hit
        elif (
            last == "setFeature"
            and len(call.args) >= 2
            and dotted(call.args[0]).rsplit(".", 1)[-1]
            in {"feature_external_ges", "feature_external_pes"}
            and is_const(call.args[1], True)
        ):
            yield found(call, "The SAX parser is told to fetch external entities.")


_HTTP_MODULES = frozenset({"requests", "httpx"})


_HTTP_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "stream"})


def _url_argument(call: ast.Call) -> ast.expr | None:
    name = dotted(call.func)
    parts = name.split(".")
    url = keyword(call, "url")
    if url is not None:
        return url
    if len(parts) == 2 and parts[0] in _HTTP_MODULES:
        if parts[1] in _HTTP_VERBS:
            return call.args[0] if call.args else None
        if parts[1] == "request":
            return call.args[1] if len(call.args) >= 2 else None
    if parts[-1] in {"urlopen", "urlretrieve"}:
        return call.args[0] if call.args else None
    return None


def find_ssrf(tree: ast.Module) -> Iterator[Found]:
    taint = Taint(tree)
    for call in calls(tree):
        url = _url_argument(call)
        if url is None:
            continue
        source = taint.leading(url, call)
        if source:
            yield found(call, f"The URL requested comes from the request: `{source}`.")


# Words in a route path or view name that mark an endpoint meant to be public.
_PUBLIC_WORDS = frozenset(
    [
        "login",
        "logout",
        "signin",
        "signup",
        "signout",
        "register",
        "registration",
        "health",
        "healthz",
        "healthcheck",
        "ready",
        "readyz",
        "readiness",
        "alive",
        "live",
        "livez",
        "liveness",
        "ping",
        "status",
        "public",
        "webhook",
        "webhooks",
        "callback",
        "oauth",
        "oauth2",
        "token",
        "tokens",
        "refresh",
        "forgot",
        "reset",
        "verify",
        "verification",
        "confirm",
        "csrf",
        "version",
        "docs",
        "openapi",
        "swagger",
        "schema",
        "metrics",
        "robots",
        "favicon",
        "anonymous",
        "unsubscribe",
        "invite",
        "invitation",
        "password",
        "auth",
        "authenticate",
        "session",
        "sessions",
        "index",
        "home",
        "root",
        "landing",
        "about",
    ]
)


def is_public(label: str) -> bool:
    """A path or handler name that reads like an endpoint meant to be open (sign-up,
    webhooks, health checks): `/auth/sign-up`, `healthCheck`, `LoginView`."""
    if re.match(r"^/?\s", label + " "):
        return True  # the site root
    words = [w.lower() for w in _WORD.findall(label)]
    pairs = {a + b for a, b in zip(words, words[1:], strict=False)}
    return bool((set(words) | pairs) & _PUBLIC_WORDS)


AUTH_NAME = re.compile(
    r"(?i)(auth|login|current_user|token|jwt|permission|admin|role|secur|session|verify|"
    r"require|protect|api_?key|guard|signed_in|staff|superuser|principal|scope)"
)


_ROUTE_DECORATORS = frozenset({"route", "get", "post", "put", "patch", "delete", "api_route"})


@dataclass(frozen=True)
class PyRoute:
    node: ast.FunctionDef | ast.AsyncFunctionDef
    path: str
    guards: frozenset[str]


def _depends(node: ast.AST) -> Iterator[str]:
    for call in calls(node):
        if dotted(call.func).rsplit(".", 1)[-1] in {"Depends", "Security"} and call.args:
            name = dotted(call.args[0]) or short(call.args[0])
            yield name


def _route_of(func: ast.FunctionDef | ast.AsyncFunctionDef) -> PyRoute | None:
    path: str | None = None
    guards: set[str] = set()
    for decorator in func.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = dotted(target)
        last = name.rsplit(".", 1)[-1]
        if (
            isinstance(decorator, ast.Call)
            and last in _ROUTE_DECORATORS
            and "." in name
            and decorator.args
            and isinstance(decorator.args[0], ast.Constant)
            and isinstance(decorator.args[0].value, str)
        ):
            path = decorator.args[0].value
            dependencies = keyword(decorator, "dependencies")
            if dependencies is not None:
                guards.update(_depends(dependencies))
        elif name:
            guards.add(name)
    if path is None:
        return None
    for default in [*func.args.defaults, *func.args.kw_defaults]:
        if default is not None:
            guards.update(_depends(default))
    for arg in [*func.args.args, *func.args.kwonlyargs]:
        if arg.annotation is not None:
            guards.update(_depends(arg.annotation))
    return PyRoute(func, path, frozenset(guards))


# A test in the handler's body about who the caller is: `if is_admin():`,
# `if not current_user.is_authenticated:`, `if not has_role("editor"):`.
_CALLER_TEST = re.compile(
    r"(?i)^(?:is_?admin|is_?staff|is_?superuser|is_?authenticated|is_?logged_?in|authed"
    r"|current_user|has_perm\w*|has_role|check_permission\w*)$"
)


def _checks_caller(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether the handler itself branches on who the caller is: the guard is in its body."""
    for node in ast.walk(func):
        test = node.test if isinstance(node, ast.If | ast.IfExp | ast.Assert) else None
        if test is None:
            continue
        for part in ast.walk(test):
            name = part.attr if isinstance(part, ast.Attribute) else getattr(part, "id", "")
            if name and _CALLER_TEST.match(name):
                return True
    return False


def _missing_guard(routes: list[PyRoute]) -> Iterator[tuple[PyRoute, str]]:
    """Routes lacking an auth guard that every other route (two or more) of the file has."""
    for route in routes:
        others = [r for r in routes if r is not route]
        if len(others) < 2 or is_public(f"{route.path} {route.node.name}"):
            continue
        if _checks_caller(route.node):
            continue
        shared = frozenset.intersection(*(r.guards for r in others))
        missing = sorted(g for g in shared - route.guards if AUTH_NAME.search(g))
        if missing:
            yield route, missing[0]


def _allow_any(value: ast.AST) -> bool:
    if not isinstance(value, ast.List | ast.Tuple):
        return False
    return any(dotted(e).rsplit(".", 1)[-1] == "AllowAny" for e in value.elts)


def find_auth_guard(tree: ast.Module) -> Iterator[Found]:
    routes = [r for f in functions(tree) if (r := _route_of(f)) is not None]
    for route, guard in _missing_guard(routes):
        yield Found(
            route.node.lineno,
            route.node.lineno,
            f"`{route.node.name}` ({route.path}) lacks `{guard}`, which every other route in "
            "this file has.",
        )
    for node in all_nodes(tree):
        if isinstance(node, ast.ClassDef) and not is_public(node.name):
            for stmt in node.body:
                if (
                    isinstance(stmt, ast.Assign)
                    and any(dotted(t) == "permission_classes" for t in stmt.targets)
                    and _allow_any(stmt.value)
                ):
                    yield found(
                        stmt,
                        f"`{node.name}` opts out of authentication with `AllowAny`. If this "
                        "endpoint is meant to be public, say so with a suppression comment.",
                    )
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if is_public(node.name):
                continue
            for decorator in node.decorator_list:
                if (
                    isinstance(decorator, ast.Call)
                    and dotted(decorator.func).endswith("permission_classes")
                    and decorator.args
                    and _allow_any(decorator.args[0])
                ):
                    yield found(
                        decorator,
                        f"`{node.name}` opts out of authentication with `AllowAny`. If this "
                        "endpoint is meant to be public, say so with a suppression comment.",
                    )
