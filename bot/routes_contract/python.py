"""FastAPI + pydantic, Flask (+ marshmallow / flask-smorest), Django URLconfs and DRF
serializers and views, read with Python's own parser: a file that does not parse has
no contract (None), so nothing is compared."""

from __future__ import annotations

import ast

from bot.routes_contract.model import Contract, Endpoint, Field, join, path_params

_ROUTE_METHODS = {"get", "post", "put", "patch", "delete", "head", "options"}
_ANY_ROUTE = {"route", "api_route", "add_api_route"}
_NOT_QUERY = {
    "Request",
    "Response",
    "WebSocket",
    "BackgroundTasks",
    "Session",
    "AsyncSession",
    "HTTPConnection",
    "SecurityScopes",
}
_SCALARS = {
    "int",
    "str",
    "float",
    "bool",
    "bytes",
    "UUID",
    "date",
    "datetime",
    "time",
    "Decimal",
    "EmailStr",
    "Optional",
    "list",
    "List",
    "Literal",
    "set",
    "Set",
    "Union",
}
_NON_QUERY_DEFAULTS = {"Depends", "Security", "Header", "Cookie", "File", "Form", "Path"}
_DRF_ACTIONS = {
    "list": ("GET", False),
    "create": ("POST", False),
    "retrieve": ("GET", True),
    "update": ("PUT", True),
    "partial_update": ("PATCH", True),
    "destroy": ("DELETE", True),
}
_DRF_BASES = {
    "ModelViewSet": ("list", "create", "retrieve", "update", "partial_update", "destroy"),
    "ReadOnlyModelViewSet": ("list", "retrieve"),
    "ListModelMixin": ("list",),
    "CreateModelMixin": ("create",),
    "RetrieveModelMixin": ("retrieve",),
    "UpdateModelMixin": ("update", "partial_update"),
    "DestroyModelMixin": ("destroy",),
    "ListAPIView": ("list",),
    "CreateAPIView": ("create",),
    "RetrieveAPIView": ("retrieve",),
    "DestroyAPIView": ("destroy",),
    "UpdateAPIView": ("update", "partial_update"),
    "ListCreateAPIView": ("list", "create"),
    "RetrieveUpdateAPIView": ("retrieve", "update", "partial_update"),
    "RetrieveDestroyAPIView": ("retrieve", "destroy"),
    "RetrieveUpdateDestroyAPIView": ("retrieve", "update", "partial_update", "destroy"),
}
_APIVIEW_METHODS = {"get", "post", "put", "patch", "delete"}


def _name(node: ast.AST | None) -> str:
    """The last dotted name of an expression: `serializers.CharField` -> `CharField`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _name(node.func)
    if isinstance(node, ast.Subscript):
        return _name(node.value)
    return ""


def _names_in(node: ast.AST | None) -> list[str]:
    return [n.id for n in ast.walk(node) if isinstance(n, ast.Name)] if node else []


def _string(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _keyword(call: ast.Call, *names: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg in names), None)


def _true(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


# --- types: pydantic models, marshmallow schemas, DRF serializers --------------------------


def _pydantic_fields(cls: ast.ClassDef, known: dict[str, dict[str, Field]]) -> dict[str, Field]:
    fields: dict[str, Field] = {}
    for base in cls.bases:
        fields.update(known.get(_name(base), {}))
    for stmt in cls.body:
        if not isinstance(stmt, ast.AnnAssign) or not isinstance(stmt.target, ast.Name):
            continue
        name = stmt.target.id
        if name.startswith("_") or _name(stmt.annotation) == "ClassVar" or name == "model_config":
            continue
        required = stmt.value is None
        if isinstance(stmt.value, ast.Call) and _name(stmt.value) == "Field":
            first = stmt.value.args[0] if stmt.value.args else _keyword(stmt.value, "default")
            factory = _keyword(stmt.value, "default_factory")
            required = factory is None and (
                first is None or (isinstance(first, ast.Constant) and first.value is Ellipsis)
            )
            alias = _string(_keyword(stmt.value, "alias", "serialization_alias"))
            name = alias or name
        fields[name] = Field(name, required, stmt.lineno)
    return fields


def _all_fields(cls: ast.ClassDef) -> bool:
    """`fields = "__all__"` or `exclude = [...]`: the model decides, which we cannot see."""
    for stmt in cls.body:
        if isinstance(stmt, ast.ClassDef) and stmt.name == "Meta":
            for inner in stmt.body:
                if isinstance(inner, ast.Assign) and (
                    _name(inner.targets[0]) == "exclude"
                    or _name(inner.targets[0]) == "fields"
                    and _string(inner.value) is not None
                ):
                    return True
    return False


def _marshmallow_fields(
    cls: ast.ClassDef, known: dict[str, dict[str, Field]]
) -> dict[str, Field] | None:
    fields: dict[str, Field] = {}
    for base in cls.bases:
        fields.update(known.get(_name(base), {}))
    for stmt in cls.body:
        if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
            continue
        target, value = stmt.targets[0], stmt.value
        if not isinstance(target, ast.Name) or not isinstance(value, ast.Call):
            continue
        if not isinstance(value.func, ast.Attribute) or _name(value.func.value) not in {
            "fields",
            "ma",
            "serializers",
        }:
            continue
        name = _string(_keyword(value, "data_key", "source")) or target.id
        if _name(value.func.value) == "serializers":
            name = target.id
            read_only = _true(_keyword(value, "read_only"))
            optional = (
                _keyword(value, "required") is not None
                and not _true(_keyword(value, "required"))
                or _keyword(value, "default") is not None
            )
            required = not read_only and not optional
            mode = "out" if read_only else "in" if _true(_keyword(value, "write_only")) else ""
        else:
            required = _true(_keyword(value, "required"))
            mode = (
                "out"
                if _true(_keyword(value, "dump_only"))
                else "in"
                if _true(_keyword(value, "load_only"))
                else ""
            )
        fields[name] = Field(name, required, stmt.lineno, mode=mode)
    if _all_fields(cls):
        return None
    for stmt in cls.body:  # DRF ModelSerializer: `class Meta: fields = [...]`
        if isinstance(stmt, ast.ClassDef) and stmt.name == "Meta":
            for inner in stmt.body:
                listed = (
                    inner.value
                    if isinstance(inner, ast.Assign) and _name(inner.targets[0]) == "fields"
                    else None
                )
                for element in listed.elts if isinstance(listed, (ast.List, ast.Tuple)) else ():
                    entry = _string(element)
                    if entry and entry not in fields:
                        fields[entry] = Field(entry, False, element.lineno)
    return fields


_PYDANTIC_BASES = {"BaseModel", "SQLModel", "BaseSettings", "Schema"}
_MARSHMALLOW_BASES = {"Schema", "SQLAlchemySchema", "SQLAlchemyAutoSchema", "ModelSchema"}
_DRF_SERIALIZERS = {"Serializer", "ModelSerializer", "HyperlinkedModelSerializer"}


def _types(tree: ast.Module) -> tuple[dict[str, dict[str, Field]], set[str], set[str]]:
    """Every model/schema/serializer class: fields by class name; which are marshmallow
    schemas, which are DRF serializers."""
    types: dict[str, dict[str, Field]] = {}
    marshmallow: set[str] = set()
    drf: set[str] = set()
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        bases = {_name(b) for b in cls.bases}
        module_of = {_name(b.value) for b in cls.bases if isinstance(b, ast.Attribute)}
        if (
            bases & _DRF_SERIALIZERS
            and (not module_of or "serializers" in module_of)
            or bases & drf
        ):
            found = _marshmallow_fields(cls, types)
            if found is not None:
                drf.add(cls.name)
                types[cls.name] = found
        elif (
            (bases & _MARSHMALLOW_BASES and (not module_of or module_of & {"ma", "marshmallow"}))
            and any(isinstance(s, ast.Assign) and isinstance(s.value, ast.Call) for s in cls.body)
            or bases & marshmallow
        ):
            found = _marshmallow_fields(cls, types)
            if found is not None:
                marshmallow.add(cls.name)
                types[cls.name] = found
        elif bases & _PYDANTIC_BASES or bases & set(types):
            types[cls.name] = _pydantic_fields(cls, types)
    return types, marshmallow, drf


# --- routes ---------------------------------------------------------------------------------


def _prefixes(tree: ast.Module) -> dict[str, str]:
    """`router = APIRouter(prefix="/users")`, `bp = Blueprint(..., url_prefix="/x")`."""
    out: dict[str, str] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
            target = stmt.targets[0]
            prefix = _string(_keyword(stmt.value, "prefix", "url_prefix"))
            if isinstance(target, ast.Name) and _name(stmt.value) in {"APIRouter", "Blueprint"}:
                out[target.id] = prefix or ""
    return out


def _route_of(
    decorator: ast.expr, prefixes: dict[str, str]
) -> tuple[list[str], str, str, ast.Call] | None:
    if not isinstance(decorator, ast.Call) or not isinstance(decorator.func, ast.Attribute):
        return None
    verb = decorator.func.attr
    if verb not in _ROUTE_METHODS and verb not in _ANY_ROUTE:
        return None
    path = _string(decorator.args[0]) if decorator.args else None
    path = path if path is not None else _string(_keyword(decorator, "path", "rule"))
    if path is None or not (path.startswith("/") or path == ""):
        return None
    if verb in _ROUTE_METHODS:
        methods = [verb.upper()]
    else:
        listed = _keyword(decorator, "methods")
        elements = listed.elts if isinstance(listed, (ast.List, ast.Tuple, ast.Set)) else []
        methods = [s.upper() for e in elements if (s := _string(e))] or ["GET"]
    receiver = _name(decorator.func.value)
    return methods, path, prefixes.get(receiver, ""), decorator


def _unwrap(annotation: ast.expr | None) -> ast.expr | None:
    """`Annotated[X, ...]` -> X."""
    if isinstance(annotation, ast.Subscript) and _name(annotation.value) == "Annotated":
        inner = annotation.slice
        return inner.elts[0] if isinstance(inner, ast.Tuple) and inner.elts else inner
    return annotation


def _model_in(annotation: ast.AST | None, types: dict[str, dict[str, Field]]) -> str:
    found = [n for n in _names_in(annotation) if n in types]
    return found[0] if len(found) == 1 else ""


def _fastapi(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    endpoint: Endpoint,
    call: ast.Call,
    types: dict[str, dict[str, Field]],
) -> None:
    args = function.args
    positional = args.posonlyargs + args.args
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults += list(args.defaults)
    pairs = list(zip(positional, defaults, strict=True))
    pairs += list(zip(args.kwonlyargs, args.kw_defaults, strict=True))
    params = set(endpoint.params)
    body: dict[str, Field] = {}
    for arg, default in pairs:
        annotation = _unwrap(arg.annotation)
        metadata = arg.annotation.slice if isinstance(arg.annotation, ast.Subscript) else None
        marker = _name(default) if isinstance(default, ast.Call) else ""
        marker = marker or next(
            (
                _name(m)
                for m in _names_or_calls(metadata)
                if _name(m)
                in _NON_QUERY_DEFAULTS
                | {
                    "Query",
                    "Body",
                }
            ),
            "",
        )
        if arg.arg in params or arg.arg in {"self", "cls"} or marker in _NON_QUERY_DEFAULTS:
            continue
        model = _model_in(annotation, types)
        if model and marker != "Query":
            endpoint.body_type = model
            continue
        required = default is None or (
            isinstance(default, ast.Call)
            and (not default.args or _is_ellipsis(default.args[0]))
            and _keyword(default, "default", "default_factory") is None
        )
        if marker == "Body":
            body[arg.arg] = Field(arg.arg, required, arg.lineno)
            continue
        if _name(annotation) in _NOT_QUERY or (
            annotation is not None and not _scalar(annotation) and marker != "Query"
        ):
            continue
        endpoint.query[arg.arg] = Field(arg.arg, required, arg.lineno)
    if body and not endpoint.body_type:
        endpoint.body = body
    response = _keyword(call, "response_model")
    endpoint.response_type = _model_in(
        response if response is not None else function.returns, types
    )


def _scalar(annotation: ast.expr) -> bool:
    names = set(_names_in(annotation))
    return bool(names) and names <= _SCALARS | {"None"}


def _names_or_calls(node: ast.AST | None) -> list[ast.AST]:
    if isinstance(node, ast.Tuple):
        return list(node.elts[1:])
    return []


def _is_ellipsis(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is Ellipsis


def _flask(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    endpoint: Endpoint,
    decorators: list[ast.expr],
    marshmallow: set[str],
    instances: dict[str, str],
) -> None:
    for decorator in decorators:  # flask-smorest: @blp.arguments(S), @blp.response(200, S)
        if isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute):
            names = [n for a in decorator.args for n in _names_in(a) if n in marshmallow]
            if decorator.func.attr == "arguments" and names:
                endpoint.body_type = names[0]
            elif decorator.func.attr == "response" and names:
                endpoint.response_type = names[0]
    for node in ast.walk(function):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        schema = _name(owner) if isinstance(owner, ast.Call) else instances.get(_name(owner), "")
        if schema not in marshmallow:
            continue
        if node.func.attr in {"load", "validate"} and not endpoint.body_type:
            endpoint.body_type = schema
        elif node.func.attr == "dump" and not endpoint.response_type:
            endpoint.response_type = schema
    if not endpoint.body_type:
        endpoint.body = _flask_body(function)


_BODY_SOURCES = {"json", "get_json", "form"}


def _is_request_body(node: ast.AST) -> bool:
    """`request.json`, `request.get_json()`, `request.form`."""
    if isinstance(node, ast.Call):
        node = node.func
    return (
        isinstance(node, ast.Attribute)
        and node.attr in _BODY_SOURCES
        and _name(node.value) == "request"
    )


def _flask_body(function: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, Field] | None:
    """Body keys a Flask view reads: `data["k"]` is required (a KeyError otherwise),
    `data.get("k")` optional; None when it reads none."""
    holders = {
        t.id
        for node in ast.walk(function)
        if isinstance(node, ast.Assign) and _is_request_body(node.value)
        for t in node.targets
        if isinstance(t, ast.Name)
    }

    def is_body(node: ast.AST) -> bool:
        return _is_request_body(node) or (isinstance(node, ast.Name) and node.id in holders)

    fields: dict[str, Field] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Subscript) and is_body(node.value):
            key = _string(node.slice)
            if key is not None:
                fields[key] = Field(key, True, node.lineno)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and is_body(node.func.value)
            and node.args
        ):
            key = _string(node.args[0])
            if key is not None and key not in fields:
                fields[key] = Field(key, False, node.lineno)
    return fields or None


def _returned_keys(function: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, Field] | None:
    """Keys of the dict literals a view returns on success (`return {...}`,
    `return jsonify({...})`, `return jsonify(a=...)`, `return {...}, 201`); None when
    any success return is something else."""
    keys: dict[str, Field] = {}
    returns = 0
    for node in ast.walk(function):
        if not isinstance(node, ast.Return) or node.value is None:
            continue
        value = node.value
        if isinstance(value, ast.Tuple) and len(value.elts) >= 2:
            status = value.elts[1]
            is_int = isinstance(status, ast.Constant) and isinstance(status.value, int)
            if is_int and not 200 <= status.value < 300:  # type: ignore[attr-defined]
                continue  # an error reply
            value = value.elts[0]
        if isinstance(value, ast.Call) and _name(value.func) == "jsonify":
            if value.keywords and not value.args:
                found = [k.arg for k in value.keywords]
            elif len(value.args) == 1 and isinstance(value.args[0], ast.Dict):
                found = [_string(k) for k in value.args[0].keys]
            else:
                return None
        elif isinstance(value, ast.Dict):
            found = [_string(k) for k in value.keys]
        else:
            return None
        if any(k is None for k in found):
            return None  # `**spread` or a computed key
        if any(k in {"error", "errors"} for k in found):
            continue
        returns += 1
        keys.update({k: Field(k, False, node.lineno) for k in found if k and k not in keys})
    return keys if returns else None


def _lookup(cls: ast.ClassDef) -> str:
    """The detail routes' parameter: `lookup_url_kwarg`, else `lookup_field`, else pk."""
    found = {
        _name(s.targets[0]): _string(s.value)
        for s in cls.body
        if isinstance(s, ast.Assign) and len(s.targets) == 1
    }
    return found.get("lookup_url_kwarg") or found.get("lookup_field") or "pk"


def _drf(tree: ast.Module, types: dict[str, dict[str, Field]], drf: set[str]) -> list[Endpoint]:
    out: list[Endpoint] = []
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        bases = {_name(b) for b in cls.bases}
        actions: set[str] = set()
        for base in bases:
            actions.update(_DRF_BASES.get(base, ()))
        methods = {
            f.name: f for f in cls.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
        }
        is_viewset = any(b.endswith("ViewSet") for b in bases)
        if is_viewset:
            actions.update(a for a in _DRF_ACTIONS if a in methods)
        serializer = ""
        allowed: set[str] | None = None
        for stmt in cls.body:
            if isinstance(stmt, ast.Assign) and _name(stmt.targets[0]) == "serializer_class":
                serializer = _name(stmt.value) if _name(stmt.value) in drf else ""
            if (
                isinstance(stmt, ast.Assign)
                and _name(stmt.targets[0]) == "http_method_names"
                and isinstance(stmt.value, (ast.List, ast.Tuple))
            ):
                allowed = {s.upper() for e in stmt.value.elts if (s := _string(e))}
        base_path = f"/@{cls.name}"
        lookup = _lookup(cls)
        for action in sorted(actions):
            method, detail = _DRF_ACTIONS[action]
            if allowed is not None and method not in allowed:
                continue
            line = methods[action].lineno if action in methods else cls.lineno
            endpoint = Endpoint(method, base_path + (f"/{{{lookup}}}" if detail else ""), line)
            if serializer:
                endpoint.response_type = serializer
                if method in {"POST", "PUT"}:
                    endpoint.body_type = serializer
            out.append(endpoint)
        if not is_viewset and "APIView" in " ".join(bases) and not actions:
            for name, function in methods.items():
                if name in _APIVIEW_METHODS:
                    endpoint = Endpoint(name.upper(), base_path, function.lineno)
                    endpoint.response_type = serializer
                    out.append(endpoint)
        for name, function in methods.items():  # @action(detail=True, methods=["post"])
            for decorator in function.decorator_list:
                if isinstance(decorator, ast.Call) and _name(decorator) == "action":
                    detail = _true(_keyword(decorator, "detail"))
                    url = _string(_keyword(decorator, "url_path")) or name
                    listed = _keyword(decorator, "methods")
                    verbs = [
                        s.upper()
                        for e in (listed.elts if isinstance(listed, (ast.List, ast.Tuple)) else [])
                        if (s := _string(e))
                    ] or ["GET"]
                    path = base_path + (f"/{{{lookup}}}" if detail else "") + "/" + url
                    out.extend(Endpoint(v, path, function.lineno) for v in verbs)
    return out


def _django_paths(tree: ast.Module) -> list[Endpoint]:
    """`path("users/<int:pk>/", view)` entries of a URLconf (not `include`s)."""
    out: list[Endpoint] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in {"path", "re_path"} and node.args:
            route = _string(node.args[0])
            target = node.args[1] if len(node.args) > 1 else None
            if route is None or target is None or _name(target) == "include":
                continue
            out.append(Endpoint("ANY", join("", route), node.lineno))
    return out


def extract(text: str, path: str) -> Contract | None:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    types, marshmallow, drf = _types(tree)
    prefixes = _prefixes(tree)
    instances = {
        stmt.targets[0].id: _name(stmt.value)
        for stmt in tree.body
        if isinstance(stmt, ast.Assign)
        and isinstance(stmt.targets[0], ast.Name)
        and isinstance(stmt.value, ast.Call)
        and _name(stmt.value) in marshmallow
    }
    fastapi = any(
        isinstance(n, (ast.Import, ast.ImportFrom))
        and any(a.name.split(".")[0] == "fastapi" for a in n.names)
        or isinstance(n, ast.ImportFrom)
        and (n.module or "").split(".")[0] == "fastapi"
        for n in tree.body
    )
    contract = Contract(types=types)
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for decorator in node.decorator_list:
            found = _route_of(decorator, prefixes)
            if found is None:
                continue
            methods, local, prefix, call = found
            for method in methods:
                endpoint = Endpoint(method, join(prefix, local), call.lineno)
                endpoint.local = join("", local) if prefix.strip("/") else ""
                if fastapi:
                    _fastapi(node, endpoint, call, types)
                else:
                    _flask(node, endpoint, node.decorator_list, marshmallow, instances)
                if not endpoint.response_type:
                    endpoint.response = _returned_keys(node)
                contract.endpoints.append(endpoint)
    contract.endpoints += _drf(tree, types, drf)
    if path.endswith("urls.py"):
        contract.endpoints += _django_paths(tree)
    for name in drf:
        contract.standalone[f"serializer {name}"] = (name, types[name])
    return contract


__all__ = ["extract", "path_params"]
