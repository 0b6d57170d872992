"""Python security rules that ruff's bandit set does not cover, read with Python's `ast`.

Python-only rules live here (`django-debug-true`, `jinja-autoescape-disabled`,
`py-jwt-verification-disabled`, `py-cors-any-origin-with-credentials`,
`py-mass-assignment`). The Python halves of the cross-language rules in
`security_web` (password hashing, weak ciphers, XSS, XXE, SSRF, missing auth guard) are
the `find_*` functions at the end: they take a parsed tree and yield `Found`s, which the
cross-language checks turn into hits.

A file known only from its diff is cut into hunks exactly as the ruff check does
(`units_of`), so every rule sees the same scaffolded trees and real line numbers.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.python_ruff import Unit, parse_python, salvaged, units_of
from bot.select import is_test_path

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_PY = frozenset({"python"})


@dataclass(frozen=True)
class Found:
    """A problem in a unit, in the unit's own rows."""

    row: int
    end_row: int
    detail: str
    # (text to find on the first row, replacement) for a mechanical one-line fix.
    swap: tuple[str, str] | None = None


Finder = Callable[[ast.Module], Iterable[Found]]

# --- parsing, cached so the checks of one review parse each file once ---------------------


@dataclass
class _Piece:
    """A unit of the file, its text, and the unit that parses (itself, salvaged lines, or
    None), worked out only when a check's hint matches the text."""

    unit: Unit
    text: str
    parsed: Unit | None = None
    tried: bool = False

    def tree_unit(self) -> Unit | None:
        if not self.tried:
            self.tried = True
            if self.unit.tree is not None:
                self.parsed = self.unit
            else:
                fallback = salvaged(self.unit)
                if fallback is not None and fallback.tree is not None:
                    self.parsed = fallback
        return self.parsed


# By path, with the file object it was built from: the checks of one review get the same
# `ChangedFile` objects, and building the partial view's text again for each costs more
# than the checks themselves.
_UNIT_CACHE: dict[str, tuple[ChangedFile, list[_Piece]]] = {}
_UNIT_CACHE_SIZE = 512


def _pieces(file: ChangedFile) -> list[_Piece]:
    cached = _UNIT_CACHE.get(file.path)
    if cached is not None and cached[0] is file:
        return cached[1]
    # The hint looks at the file's own lines, not the imports scaffolding adds.
    pieces = [
        _Piece(unit, "\n".join(t for t, row in zip(unit.lines, unit.rows, strict=False) if row))
        for unit in units_of(file, 0)
    ]
    if len(_UNIT_CACHE) >= _UNIT_CACHE_SIZE:
        _UNIT_CACHE.clear()
    _UNIT_CACHE[file.path] = (file, pieces)
    return pieces


def parsed_units(file: ChangedFile, hint: re.Pattern[str] | None = None) -> list[Unit]:
    """The file's units that parse (a partial view falls back to salvaged lines), parsed
    once per review however many checks ask; with `hint`, only units whose text matches."""
    out: list[Unit] = []
    for piece in _pieces(file):
        if hint is not None and not hint.search(piece.text):
            continue
        unit = piece.tree_unit()
        if unit is not None:
            out.append(unit)
    return out


def _suggestion(unit: Unit, row: int, swap: tuple[str, str] | None) -> str | None:
    """The flagged line with one mechanical edit, offered only when the file still parses."""
    if swap is None or not 0 < row <= len(unit.lines):
        return None
    line = unit.lines[row - 1]
    if swap[0] not in line:
        return None
    fixed = line.replace(swap[0], swap[1], 1)
    lines = list(unit.lines)
    lines[row - 1] = fixed
    return fixed if parse_python("\n".join(lines) + "\n") is not None else None


def python_hits(
    file: ChangedFile, rule: str, finder: Finder, hint: re.Pattern[str] | None = None
) -> list[Hit]:
    hits: list[Hit] = []
    for unit in parsed_units(file, hint):
        assert unit.tree is not None
        for found in finder(unit.tree):
            line = unit.real(found.row)
            if not line:
                continue
            end = unit.real(found.end_row) or line
            suggestion = _suggestion(unit, found.row, found.swap) if end == line else None
            hits.append(Hit(rule, file.path, line, max(end, line), found.detail, suggestion))
    return hits


# --- small ast helpers ----------------------------------------------------------------------


def dotted(node: ast.AST) -> str:
    """`a.b.c` for a Name/Attribute chain, '' otherwise."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    return None


def is_const(node: ast.AST | None, value: object) -> bool:
    return isinstance(node, ast.Constant) and node.value is value


def _span(node: ast.AST) -> tuple[int, int]:
    first = getattr(node, "lineno", 0)
    return first, getattr(node, "end_lineno", None) or first


def found(node: ast.AST, detail: str, swap: tuple[str, str] | None = None) -> Found:
    first, last = _span(node)
    return Found(first, last, detail, swap)


_NODES: dict[int, tuple[ast.AST, list[ast.AST]]] = {}


def all_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node under a module, walked once however many finders ask."""
    if not isinstance(tree, ast.Module):
        return list(ast.walk(tree))
    cached = _NODES.get(id(tree))
    if cached is not None and cached[0] is tree:
        return cached[1]
    if len(_NODES) >= _UNIT_CACHE_SIZE:
        _NODES.clear()
    nodes = list(ast.walk(tree))
    _NODES[id(tree)] = (tree, nodes)
    return nodes


def calls(tree: ast.AST) -> Iterator[ast.Call]:
    for node in all_nodes(tree):
        if isinstance(node, ast.Call):
            yield node


def short(node: ast.AST, limit: int = 50) -> str:
    try:
        text = " ".join(ast.unparse(node).split())
    except (ValueError, TypeError, AttributeError, RecursionError):
        return "…"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in all_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


# --- names that mean "password" -------------------------------------------------------------

_WORD = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_PASSWORD_WORDS = frozenset({"password", "passwd", "pwd", "passphrase", "pw", "pass", "passwort"})
# Hashing a reset token, a salt or an already-hashed value with SHA-256 is fine.
_NOT_PASSWORD = frozenset({"token", "reset", "hash", "hashed", "digest", "salt", "otp", "policy"})


def names_password(identifier: str) -> bool:
    words = {w.lower() for w in _WORD.findall(identifier.replace("_", " "))}
    return bool(words & _PASSWORD_WORDS) and not words & _NOT_PASSWORD


def mentions_password(node: ast.AST) -> str | None:
    for child in ast.walk(node):
        name = None
        if isinstance(child, ast.Name):
            name = child.id
        elif isinstance(child, ast.Attribute):
            name = child.attr
        elif (
            isinstance(child, ast.Constant)
            and isinstance(child.value, str)
            and re.fullmatch(r"\w+", child.value)
        ):
            name = child.value  # request.POST["password"]
        if name and names_password(name):
            return name
    return None


# --- request data -----------------------------------------------------------------------------

_REQUEST_ATTRS = frozenset(
    {
        "GET",
        "POST",
        "args",
        "form",
        "values",
        "data",
        "query_params",
        "json",
        "get_json",
        "cookies",
        "COOKIES",
        "headers",
        "META",
        "query",
        "path_params",
        "match_info",
        "body",
    }
)


def _is_request(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id in {"request", "req"}
    return isinstance(node, ast.Attribute) and node.attr == "request"


_ESCAPES = frozenset(
    {
        "escape",
        "format_html",
        "conditional_escape",
        "strip_tags",
        "escapejs",
        "render_to_string",
        "render",
        "render_template",
        "quote",
        "urlencode",
        "int",
        "len",
        "dumps",
        "clean",
        "linebreaks",
        "urlize",
    }
)


def _unescaped_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """`ast.walk`, not entering calls that escape or convert what they are given."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Call) and dotted(current.func).rsplit(".", 1)[-1] in _ESCAPES:
            continue
        yield current
        stack.extend(ast.iter_child_nodes(current))


def request_source(node: ast.AST) -> ast.Attribute | None:
    """The `request.<data>` a node reads, if any (not through an escaping call)."""
    for child in _unescaped_nodes(node):
        if (
            isinstance(child, ast.Attribute)
            and child.attr in _REQUEST_ATTRS
            and _is_request(child.value)
        ):
            return child
    return None


_WRAPPERS = frozenset({"str", "unquote", "quote", "strip", "urljoin", "urlparse", "format"})


def leading(node: ast.AST) -> ast.AST:
    """The part of a string-building expression that decides how the result starts."""
    while True:
        if isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            node = first.value if isinstance(first, ast.FormattedValue) else first
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            node = node.left
        elif (
            isinstance(node, ast.Call)
            and node.args
            and dotted(node.func).rsplit(".", 1)[-1] in _WRAPPERS
        ):
            node = node.args[0]
        else:
            return node


def _assigned_values(func: ast.AST, name: str, before: int) -> list[ast.expr]:
    values: list[tuple[int, ast.expr]] = []
    for node in ast.walk(func):
        if isinstance(node, ast.Assign) and getattr(node, "lineno", 0) < before:
            if any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                values.append((node.lineno, node.value))
        elif (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == name
            and node.value is not None
            and node.lineno < before
        ):
            values.append((node.lineno, node.value))
    return [v for _, v in sorted(values, key=lambda item: item[0])]


class Taint:
    """Request data reaching an expression, directly or through one local variable."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self._functions: list[ast.AST] | None = None

    def _scope(self, node: ast.AST) -> ast.AST:
        """The innermost function around `node` (found by line span, only when asked)."""
        if self._functions is None:
            self._functions = list(functions(self.tree))
        line = _span(node)[0]
        best: ast.AST = self.tree
        best_size = -1
        for func in self._functions:
            first, last = _span(func)
            if first <= line <= last and (best_size < 0 or last - first < best_size):
                best, best_size = func, last - first
        return best

    def anywhere(self, node: ast.AST, at: ast.AST) -> str | None:
        """Request data anywhere in `node` (XSS: any part of the markup)."""
        source = request_source(node)
        if source is not None:
            return short(source)
        for child in _unescaped_nodes(node):
            if isinstance(child, ast.Name):
                values = _assigned_values(self._scope(at), child.id, _span(at)[0])
                if values and request_source(values[-1]) is not None:
                    return f"{child.id} = {short(values[-1], 40)}"
        return None

    def leading(self, node: ast.AST, at: ast.AST) -> str | None:
        """Request data deciding how `node` starts (SSRF: the scheme and host)."""
        head = leading(node)
        if request_source(head) is not None and not isinstance(head, ast.Constant):
            return short(head)
        if isinstance(head, ast.Name):
            values = _assigned_values(self._scope(at), head.id, _span(at)[0])
            if values:
                inner = leading(values[-1])
                if request_source(inner) is not None:
                    return f"{head.id} = {short(values[-1], 40)}"
        return None


# --- django-debug-true ------------------------------------------------------------------------

DJANGO_DEBUG_ID = "django-debug-true"
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
        if is_const(value, False):
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


# --- py-jwt-verification-disabled -------------------------------------------------------------

PY_JWT_ID = "py-jwt-verification-disabled"


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


# --- py-cors-any-origin-with-credentials ------------------------------------------------------

PY_CORS_ID = "py-cors-any-origin-with-credentials"


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
        if origins is None or _any_origin(origins):
            return (
                "Flask-CORS's default `origins` is `*`; with credentials it echoes back the "
                "caller's origin."
            )
    return None


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
        return python_hits(file, PY_CORS_ID, find_cors, re.compile(r"CORS|cross_origin"))


# --- py-mass-assignment -----------------------------------------------------------------------

PY_MASS_ID = "py-mass-assignment"
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


def _request_splat(call: ast.Call) -> str | None:
    for kw in call.keywords:
        if kw.arg is None and request_source(kw.value) is not None:
            return short(kw.value)
    return None


def find_mass_assignment(tree: ast.Module) -> Iterator[Found]:
    # A serializer class built inside a function is a factory's product (DRF's nested
    # serializers for `depth`, per-request admin forms), not an endpoint's input.
    in_functions = {
        id(inner)
        for func in functions(tree)
        for inner in ast.walk(func)
        if isinstance(inner, ast.ClassDef)
    }
    for node in all_nodes(tree):
        if isinstance(node, ast.ClassDef) and id(node) not in in_functions:
            bases = {dotted(b).rsplit(".", 1)[-1] for b in node.bases}
            kind = bases & _SERIALIZER_BASES
            if kind:
                fields = _meta_all(node)
                if fields is not None:
                    yield found(
                        fields,
                        f'`{node.name}` ({min(kind)}) accepts every model field, "__all__".',
                    )
        elif isinstance(node, ast.Call):
            name = dotted(node.func).rsplit(".", 1)[-1]
            splat = _request_splat(node)
            if splat and (name in _WRITE_METHODS or name[:1].isupper()):
                yield found(node, f"`**{splat}` passes every request field to `{name}`.")


PY_MASS_RULE = catalog_rule(PY_MASS_ID)


_MASS_HINT = re.compile(r"fields\s*=\s*['\"]__all__|\*\*\s*(?:self\.)?request\.")


class PyMassAssignment(Check):
    name = "security:py-mass-assignment"
    rules = (PY_MASS_RULE,)
    languages = _PY
    kinds = _CODE_KINDS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []
        return python_hits(file, PY_MASS_ID, find_mass_assignment, _MASS_HINT)


# --- Python halves of the cross-language rules (security_web) ---------------------------------

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


def find_xxe(tree: ast.Module) -> Iterator[Found]:
    for call in calls(tree):
        name = dotted(call.func)
        last = name.rsplit(".", 1)[-1]
        if last == "XMLParser" and (
            is_const(keyword(call, "resolve_entities"), True)
            or is_const(keyword(call, "no_network"), False)
        ):
            yield found(call, "The lxml parser expands external entities from the document.")
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


def _missing_guard(routes: list[PyRoute]) -> Iterator[tuple[PyRoute, str]]:
    """Routes lacking an auth guard that every other route (two or more) of the file has."""
    for route in routes:
        others = [r for r in routes if r is not route]
        if len(others) < 2 or is_public(f"{route.path} {route.node.name}"):
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


CHECKS: list[Check] = [
    DjangoDebugTrue(),
    JinjaAutoescapeDisabled(),
    PyJwtVerificationDisabled(),
    PyCorsAnyOriginWithCredentials(),
    PyMassAssignment(),
]
