"""Python security rules that ruff's bandit set does not cover, read with Python's `ast`.

Python-only rules live here (`debug-errors-shown`, `jinja-autoescape-disabled`,
`jwt-verification-disabled`, `cors-any-origin-with-credentials`,
`mass-assignment`), and the Python switches of `tls-verification-disabled` that ruff's
S501/S323 do not see. The Python halves of the cross-language rules in
`security_web` (password hashing, weak ciphers, XSS, XXE, SSRF, missing auth guard) are
in `lib.python_finders`.

A file known only from its diff is cut into hunks exactly as the ruff check does
(`lib.python_units.units_of`), so every rule sees the same scaffolded trees and real
line numbers.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import PurePosixPath

from bot import lazyre as re
from bot.models import ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.lib.python_ast import (
    Found,
    all_nodes,
    calls,
    dotted,
    found,
    functions,
    is_const,
    keyword,
    python_hits,
    request_source,
    short,
)
from bot.select import is_test_path

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_PY = frozenset({"python"})


# --- debug-errors-shown ------------------------------------------------------------------------

DJANGO_DEBUG_ID = "debug-errors-shown"
_DEV_SETTINGS = re.compile(
    r"(^|[_.-])(dev|develop|development|local|test|tests|testing|ci|debug|example|sample)"
    r"([_.-]|$)"
)


def is_production_settings(path: str) -> bool:
    parts = PurePosixPath(path.replace("\\", "/")).parts
    if not parts or "tests" in parts or "test" in parts:
        return False
    name = parts[-1]
    if name == "settings.py":
        return True
    if len(parts) >= 2 and parts[-2] == "settings" and name.endswith(".py"):
        return not _DEV_SETTINGS.search(name[:-3])
    return False


def _truthy_default(node: ast.AST) -> bool:
    """`os.environ.get("DEBUG", True)`, `env.bool("DEBUG", default=True)`: on unless set."""
    if not isinstance(node, ast.Call):
        return False
    name = dotted(node.func)
    if not name.endswith(("environ.get", "getenv", "env.bool", "env", "config")):
        return False
    default = keyword(node, "default")
    if default is None and len(node.args) >= 2:
        default = node.args[1]
    return is_const(default, True) or (
        isinstance(default, ast.Constant) and default.value in {"True", "true", "1", "on"}
    )


def find_django_debug(tree: ast.Module) -> Iterator[Found]:
    for stmt in tree.body:
        if not isinstance(stmt, ast.Assign):
            continue
        if not any(isinstance(t, ast.Name) and t.id == "DEBUG" for t in stmt.targets):
            continue
        if is_const(stmt.value, True):
            yield found(stmt, "`DEBUG = True` in a production settings module.", ("True", "False"))
        elif _truthy_default(stmt.value):
            yield found(
                stmt, f"`{short(stmt.value)}` turns debug on whenever the variable is unset."
            )


DJANGO_DEBUG_RULE = catalog_rule(DJANGO_DEBUG_ID)


class DjangoDebugTrue(Check):
    name = "security:django-debug-true"
    rules = (DJANGO_DEBUG_RULE,)
    languages = _PY
    kinds = _CODE_KINDS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if not is_production_settings(file.path):
            return []
        return python_hits(file, DJANGO_DEBUG_ID, find_django_debug, re.compile(r"\bDEBUG\b"))


# --- jinja-autoescape-disabled ----------------------------------------------------------------

JINJA_ID = "jinja-autoescape-disabled"


def find_jinja_autoescape(tree: ast.Module) -> Iterator[Found]:
    for call in calls(tree):
        name = dotted(call.func).rsplit(".", 1)[-1]
        if name not in {"Environment", "Template", "SandboxedEnvironment"}:
            continue
        value = keyword(call, "autoescape")
        if is_const(value, False) and not _not_html(call):
            assert value is not None
            yield Found(
                value.lineno,
                value.end_lineno or value.lineno,
                f"`{name}(autoescape=False)` renders every variable as raw HTML.",
                ("autoescape=False", "autoescape=True"),
            )
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and is_const(node.value, False)
            and any(dotted(t).endswith("jinja_env.autoescape") for t in node.targets)
        ):
            yield found(
                node, "The Flask app's Jinja environment stops escaping.", ("False", "True")
            )


# Delimiters moved off `{{ }}` / `{% %}` (`variable_start_string="<<"`): the templates are
# source code or config whose own braces would clash (a code generator), not HTML pages,
# and escaping them would corrupt the output.
_DELIMITERS = frozenset({"variable_start_string", "block_start_string", "line_statement_prefix"})


def _not_html(call: ast.Call) -> bool:
    return any(k.arg in _DELIMITERS for k in call.keywords)


JINJA_RULE = catalog_rule(JINJA_ID)


class JinjaAutoescapeDisabled(Check):
    name = "security:jinja-autoescape-disabled"
    rules = (JINJA_RULE,)
    languages = _PY
    kinds = _CODE_KINDS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []
        return python_hits(file, JINJA_ID, find_jinja_autoescape, re.compile("autoescape"))


# --- jwt-verification-disabled -------------------------------------------------------------

PY_JWT_ID = "jwt-verification-disabled"


def _options_off(node: ast.AST | None) -> bool:
    if not isinstance(node, ast.Dict):
        return False
    for key, value in zip(node.keys, node.values, strict=False):
        if (
            isinstance(key, ast.Constant)
            and key.value in {"verify_signature", "verify"}
            and is_const(value, False)
        ):
            return True
    return False


def _accepts_none(node: ast.AST | None) -> bool:
    if not isinstance(node, ast.List | ast.Tuple | ast.Set):
        return False
    return any(
        isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value.lower() == "none"
        for e in node.elts
    )


def find_jwt_disabled(tree: ast.Module) -> Iterator[Found]:
    for call in calls(tree):
        name = dotted(call.func)
        if not name.endswith(("jwt.decode", "jws.verify")) and name != "decode":
            continue
        if name == "decode" and not isinstance(call.func, ast.Name):
            continue
        if _options_off(keyword(call, "options")):
            yield found(call, "`verify_signature` is off: any forged token is accepted.")
        elif is_const(keyword(call, "verify"), False):
            yield found(call, "`verify=False` skips the signature check (PyJWT 1.x).")
        elif _accepts_none(keyword(call, "algorithms")):
            yield found(call, "`none` is an accepted algorithm: unsigned tokens verify.")


PY_JWT_RULE = catalog_rule(PY_JWT_ID)


class PyJwtVerificationDisabled(Check):
    name = "security:py-jwt-verification-disabled"
    rules = (PY_JWT_RULE,)
    languages = _PY
    kinds = _CODE_KINDS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []
        return python_hits(file, PY_JWT_ID, find_jwt_disabled, re.compile(r"decode|verify"))


# --- cors-any-origin-with-credentials ------------------------------------------------------

PY_CORS_ID = "cors-any-origin-with-credentials"


def _any_origin(node: ast.AST | None) -> bool:
    if isinstance(node, ast.Constant):
        return node.value == "*"
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return any(isinstance(e, ast.Constant) and e.value == "*" for e in node.elts)
    return False


def _cors_call(call: ast.Call) -> str | None:
    name = dotted(call.func).rsplit(".", 1)[-1]
    args = call.args
    if name == "add_middleware" and args and dotted(args[0]).endswith("CORSMiddleware"):
        name = "CORSMiddleware"
    if name in {"CORSMiddleware", "Middleware"}:
        if name == "Middleware" and not (args and dotted(args[0]).endswith("CORSMiddleware")):
            return None
        if not is_const(keyword(call, "allow_credentials"), True):
            return None
        regex = keyword(call, "allow_origin_regex")
        if _any_origin(keyword(call, "allow_origins")) or (
            isinstance(regex, ast.Constant) and regex.value in {".*", "^.*$", ".+", "https?://.*"}
        ):
            return "Starlette answers a credentialed request from any site with that site's origin."
        return None
    if name in {"CORS", "cross_origin"}:
        if not is_const(keyword(call, "supports_credentials"), True):
            return None
        if keyword(call, "resources") is not None:
            return None  # origins set per resource: too varied to judge here
        origins = keyword(call, "origins")
        if origins is None:
            return _FLASK_CORS_DEFAULT
        if _any_origin(origins):
            return "With `origins='*'` and credentials, Flask-CORS echoes back the caller's origin."
    return None


# No `origins=`: Flask-CORS takes the app's `CORS_ORIGINS` setting, and only without one
# its default `*`. The setting is in the app's configuration, not in this file, so the
# finding goes to the summary.
_FLASK_CORS_DEFAULT = (
    "No `origins` here: Flask-CORS then takes the app's `CORS_ORIGINS` setting, and without "
    "one its default `*`, which with credentials echoes back the caller's origin. Whether "
    "the setting names your own sites is in the app's configuration, so this is noted in "
    "the summary."
)


def find_cors(tree: ast.Module) -> Iterator[Found]:
    for call in calls(tree):
        detail = _cors_call(call)
        if detail:
            yield found(call, detail)
    settings: dict[str, ast.Assign] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and is_const(stmt.value, True):
            for target in stmt.targets:
                if isinstance(target, ast.Name):
                    settings[target.id] = stmt
    allow_all = settings.get("CORS_ALLOW_ALL_ORIGINS") or settings.get("CORS_ORIGIN_ALLOW_ALL")
    if allow_all is not None and "CORS_ALLOW_CREDENTIALS" in settings:
        yield found(
            allow_all,
            "django-cors-headers reflects any origin, and `CORS_ALLOW_CREDENTIALS = True` in "
            "the same file lets cookies through.",
        )


PY_CORS_RULE = catalog_rule(PY_CORS_ID)


class PyCorsAnyOriginWithCredentials(Check):
    name = "security:py-cors-any-origin-with-credentials"
    rules = (PY_CORS_RULE,)
    languages = _PY
    kinds = _CODE_KINDS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []
        hits = python_hits(file, PY_CORS_ID, find_cors, re.compile(r"CORS|cross_origin"))
        return [
            replace(h, severity=Severity.INFO) if h.detail == _FLASK_CORS_DEFAULT else h
            for h in hits
        ]


# --- mass-assignment -----------------------------------------------------------------------

PY_MASS_ID = "mass-assignment"
_SERIALIZER_BASES = frozenset({"ModelSerializer", "HyperlinkedModelSerializer", "ModelForm"})
_WRITE_METHODS = frozenset(
    {"create", "update", "get_or_create", "update_or_create", "bulk_create", "filter_update"}
)


def _meta_all(cls: ast.ClassDef) -> ast.Assign | None:
    """The `fields = "__all__"` of a writable model serializer/form's Meta."""
    for item in cls.body:
        if not (isinstance(item, ast.ClassDef) and item.name == "Meta"):
            continue
        assigns = {
            t.id: stmt
            for stmt in item.body
            if isinstance(stmt, ast.Assign)
            for t in stmt.targets
            if isinstance(t, ast.Name)
        }
        fields = assigns.get("fields")
        if fields is None or not (
            isinstance(fields.value, ast.Constant) and fields.value.value == "__all__"
        ):
            return None
        read_only = assigns.get("read_only_fields")
        if read_only is not None and (
            (isinstance(read_only.value, ast.Name) and read_only.value.id == "fields")
            or (isinstance(read_only.value, ast.Constant) and read_only.value.value == "__all__")
        ):
            return None
        return fields
    return None


def _request_splat(call: ast.Call, copies: dict[str, str] | None = None) -> str | None:
    for kw in call.keywords:
        if kw.arg is None and request_source(kw.value) is not None:
            return short(kw.value)
        if kw.arg is None and isinstance(kw.value, ast.Name) and copies and kw.value.id in copies:
            return kw.value.id  # a copy of every field: `copies[name]`
    return None


def _request_copy(value: ast.expr) -> str | None:
    """`request.POST.dict()`, `request.data.copy()`, `dict(request.POST)`: every field."""
    if isinstance(value, ast.Call):
        func = value.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr in ("dict", "copy", "to_dict")
            and request_source(func.value) is not None
        ):
            return short(func.value)
        if (
            isinstance(func, ast.Name)
            and func.id == "dict"
            and len(value.args) == 1
            and request_source(value.args[0]) is not None
        ):
            return short(value.args[0])
    elif request_source(value) is not None and isinstance(value, ast.Attribute):
        return short(value)
    return None


def _request_copies(tree: ast.Module) -> dict[int, dict[str, str]]:
    """Per call (by id), the names of its function that hold a copy of every request field."""
    out: dict[int, dict[str, str]] = {}
    for func in functions(tree):
        copies: dict[str, str] = {}
        for node in ast.walk(func):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name):
                    source = _request_copy(node.value)
                    if source is not None:
                        copies[target.id] = source
        if copies:
            for node in ast.walk(func):
                if isinstance(node, ast.Call):
                    out[id(node)] = copies
    return out


_ADMIN_BASES = frozenset({"ModelAdmin", "InlineModelAdmin", "TabularInline", "StackedInline"})


def _admin_forms(tree: ast.Module) -> set[str]:
    """Form classes a Django admin of this module edits with (`form = TagForm`)."""
    names: set[str] = set()
    for node in all_nodes(tree):
        if (
            isinstance(node, ast.ClassDef)
            and {dotted(b).rsplit(".", 1)[-1] for b in node.bases} & _ADMIN_BASES
        ):
            for stmt in node.body:
                if (
                    isinstance(stmt, ast.Assign)
                    and isinstance(stmt.value, ast.Name)
                    and any(isinstance(t, ast.Name) and t.id == "form" for t in stmt.targets)
                ):
                    names.add(stmt.value.id)
    return names


def is_admin_module(path: str) -> bool:
    """`admin.py`, `admin_tags.py`, `admin/forms.py`: Django admin code, behind staff login."""
    parts = path.lower().split("/")
    return parts[-1].startswith("admin") or "admin" in parts[:-1]


def find_mass_assignment(tree: ast.Module, *, admin_module: bool = False) -> Iterator[Found]:
    # A serializer class built inside a function is a factory's product (DRF's nested
    # serializers for `depth`, per-request admin forms), not an endpoint's input.
    in_functions = {
        id(inner)
        for func in functions(tree)
        for inner in ast.walk(func)
        if isinstance(inner, ast.ClassDef)
    }
    # The admin's own edit forms: staff editing every field is what the admin is for.
    admin_forms = _admin_forms(tree)
    copies = _request_copies(tree)
    for node in all_nodes(tree):
        if isinstance(node, ast.ClassDef) and id(node) not in in_functions:
            bases = {dotted(b).rsplit(".", 1)[-1] for b in node.bases}
            kind = bases & _SERIALIZER_BASES
            if kind == {"ModelForm"} and (admin_module or node.name in admin_forms):
                continue
            if kind:
                fields = _meta_all(node)
                if fields is not None:
                    yield found(
                        fields,
                        f'`{node.name}` ({min(kind)}) accepts every model field, "__all__".',
                    )
        elif isinstance(node, ast.Call):
            # `Profile.objects.filter(...).update(**x)`: a chain through calls has no dotted name.
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else dotted(func).rsplit(".", 1)[-1]
            splat = _request_splat(node, copies.get(id(node)))
            if splat and (name in _WRITE_METHODS or name[:1].isupper()):
                yield found(node, f"`**{splat}` passes every request field to `{name}`.")
        elif isinstance(node, ast.For):
            hit = _setattr_loop(node)
            if hit is not None:
                call, source = hit
                yield found(call, f"Every key of `{source}` is set as an attribute with `setattr`.")


def _setattr_loop(loop: ast.For) -> tuple[ast.Call, str] | None:
    """`for key, value in request.data.items(): setattr(obj, key, value)` with no test of
    the key in the loop (an allow-list `if key in EDITABLE` or `continue` on others)."""
    items = loop.iter
    if not (
        isinstance(items, ast.Call)
        and isinstance(items.func, ast.Attribute)
        and items.func.attr == "items"
        and request_source(items.func.value) is not None
        and isinstance(loop.target, ast.Tuple)
        and loop.target.elts
        and isinstance(loop.target.elts[0], ast.Name)
    ):
        return None
    key = loop.target.elts[0].id
    for inner in ast.walk(loop):
        if isinstance(inner, ast.If | ast.IfExp | ast.comprehension) and any(
            isinstance(n, ast.Name) and n.id == key for n in ast.walk(inner)
        ):
            return None  # the key is tested: an allow-list or a skip
    for inner in ast.walk(loop):
        if (
            isinstance(inner, ast.Call)
            and isinstance(inner.func, ast.Name)
            and inner.func.id == "setattr"
            and len(inner.args) == 3
            and isinstance(inner.args[1], ast.Name)
            and inner.args[1].id == key
        ):
            return inner, short(items.func.value)
    return None


PY_MASS_RULE = catalog_rule(PY_MASS_ID)


_MASS_HINT = re.compile(
    r"fields\s*=\s*['\"]__all__|\*\*\s*(?:self\.)?request\.|\bsetattr\s*\("
    r"|\*\*\s*\w+\s*\)"
)


class PyMassAssignment(Check):
    name = "security:py-mass-assignment"
    rules = (PY_MASS_RULE,)
    languages = _PY
    kinds = _CODE_KINDS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []
        admin = is_admin_module(file.path)

        def finder(tree: ast.Module) -> Iterator[Found]:
            return find_mass_assignment(tree, admin_module=admin)

        return python_hits(file, PY_MASS_ID, finder, _MASS_HINT)


# --- tls-verification-disabled (what ruff's S501/S323 leave) ----------------------------------

TLS_ID = "tls-verification-disabled"
_CERT_NONE = ("CERT_NONE",)


def _cert_none(node: ast.AST | None) -> bool:
    """`ssl.CERT_NONE`, or urllib3's spelling of it as a string."""
    if node is None:
        return False
    if isinstance(node, ast.Constant):
        return node.value == "CERT_NONE"
    return dotted(node).endswith(_CERT_NONE)


def find_tls_off(tree: ast.Module) -> Iterator[Found]:
    aiohttp = any(
        isinstance(n, ast.Import | ast.ImportFrom)
        and any(
            (getattr(n, "module", None) or alias.name).split(".")[0] == "aiohttp"
            for alias in n.names
        )
        for n in tree.body
    )
    for node in all_nodes(tree):
        if isinstance(node, ast.Assign):
            targets = [dotted(t) for t in node.targets]
            # The monkey-patch turns checks off for every HTTPS call of the process,
            # libraries included: a call of `_create_unverified_context()` is ruff's S323,
            # this assignment of the function itself is not.
            if any(t.endswith("_create_default_https_context") for t in targets) and dotted(
                node.value
            ).endswith("_create_unverified_context"):
                yield found(
                    node,
                    "Every HTTPS connection the process opens, in every library, stops "
                    "checking certificates.",
                )
            elif any(t.endswith(".verify_mode") for t in targets) and _cert_none(node.value):
                yield found(node, "This SSL context accepts any certificate (`CERT_NONE`).")
            elif any(t.endswith(".verify") for t in targets) and is_const(node.value, False):
                # `session.verify = False`: every request of that requests session.
                yield found(node, "Every request of this session accepts any certificate.")
        elif isinstance(node, ast.Call) and _session_unverified(node):
            name = short(node.func) or "the call"
            yield found(node, f"`{name}` skips the certificate check (`verify=False`).")
        elif isinstance(node, ast.Call):
            value = keyword(node, "cert_reqs")
            if _cert_none(value):
                name = short(node.func) or "the call"
                yield found(node, f"`{name}` is told to accept any certificate (`CERT_NONE`).")
            elif aiohttp and _aiohttp_unverified(node):
                name = short(node.func) or "the call"
                yield found(node, f"`{name}` skips the certificate check (aiohttp `ssl=False`).")
            elif is_const(keyword(node, "validate_cert"), False) and _TORNADO_REQUEST.search(
                dotted(node.func)
            ):
                name = short(node.func) or "the call"
                yield found(node, f"`{name}` skips the certificate check (`validate_cert=False`).")


# Tornado's switch: `HTTPRequest(url, validate_cert=False)`, `client.fetch(url,
# validate_cert=False)`.
_TORNADO_REQUEST = re.compile(r"(?:^|\.)(?:HTTPRequest|fetch)$")


# aiohttp's switch: `ssl=False` on a connector or a request skips the certificate check
# (elsewhere, `redis.Redis(ssl=False)` means "no TLS", which is another matter), and
# `verify_ssl=False` is its older spelling.
_AIOHTTP_CALLS = frozenset(
    {"TCPConnector", "request", "get", "post", "put", "patch", "delete", "head", "ws_connect"}
)


def _aiohttp_unverified(call: ast.Call) -> bool:
    if is_const(keyword(call, "verify_ssl"), False):
        return True
    name = dotted(call.func).rsplit(".", 1)[-1]
    return name in _AIOHTTP_CALLS and is_const(keyword(call, "ssl"), False)


# ruff's S501 knows `requests.get(..., verify=False)` and `httpx.Client(verify=False)`; the
# same switch on a session or client object's request (`session.post(url, verify=False)`)
# is left to this check.
_HTTP_VERBS = frozenset(
    {"get", "post", "put", "patch", "delete", "head", "options", "request", "send", "stream"}
)


def _session_unverified(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in _HTTP_VERBS
        and not dotted(func).startswith(("requests.", "httpx."))
        and is_const(keyword(call, "verify"), False)
    )


TLS_RULE = catalog_rule(TLS_ID)


class PyTlsVerificationOff(Check):
    name = "security:py-tls-verification-off"
    rules = (TLS_RULE,)
    languages = _PY
    kinds = _CODE_KINDS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []
        return python_hits(
            file,
            TLS_ID,
            find_tls_off,
            re.compile(
                r"CERT_NONE|_unverified_context|ssl\s*=\s*False|verify\s*=\s*False"
                r"|validate_cert\s*=\s*False"
            ),
        )


CHECKS: list[Check] = [
    DjangoDebugTrue(),
    JinjaAutoescapeDisabled(),
    PyJwtVerificationDisabled(),
    PyCorsAnyOriginWithCredentials(),
    PyMassAssignment(),
    PyTlsVerificationOff(),
]
