"""Python front end: the standard `ast` module into the flow IR.

Lines stay those of the tree handed in; the caller maps them back to the file (a
diff-only file is parsed hunk by hunk). A function is a request handler when a route
decorator (`@app.get`, `@router.post`, `@app.route`) marks it, or when its first
parameter (after `self`) is named `request` (Django views, DRF view methods): its
other parameters are then URL or query values.
"""

from __future__ import annotations

import ast
from pathlib import PurePosixPath

from bot import lazyre as re
from bot.rules.taint import ir
from bot.rules.taint.spec import Spec, matches

_CMP = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.In: "in",
    ast.NotIn: "notin",
    ast.Is: "is",
    ast.IsNot: "isnot",
}
_BIN = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    # True division (`7 / 2` is 3.5), unlike the whole-number `/` of other languages.
    ast.Div: "truediv",
}
# Calls that end the request the way `raise` does.
_STOPS = frozenset({"abort", "sys.exit", "exit", "flask.abort"})
# `configparser` objects: `set(section, option, value)` stores under that pair and
# `get(section, option)` reads it back, like a dict under a constant key.
_CONFIG_PARSERS = frozenset({"ConfigParser", "RawConfigParser", "SafeConfigParser"})


def dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def _callee(func: ast.expr) -> str:
    name = dotted(func)
    if name is not None:
        return name
    if isinstance(func, ast.Attribute):
        return f"?.{func.attr}"
    return "?"


def _constant(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return all(_constant(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _constant(k) for k in node.keys) and all(
            _constant(v) for v in node.values
        )
    if isinstance(node, ast.Call) and dotted(node.func) in ("frozenset", "set", "tuple", "dict"):
        return all(_constant(a) for a in node.args) and not node.keywords
    return False


class _Front:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        # Module names bound to `FastAPI()` / `APIRouter()`: their routes answer JSON.
        self.json_apps: set[str] = set()
        # `from M import N as A`, `import M.N as A`: A -> "M.N", so a renamed sink or
        # sanitizer (`escape_filter_chars as esc`, `lxml.etree as ET`) is still known.
        self.aliases: dict[str, str] = {}
        # Names whose module changes what a call means, always spelled out: DRF's
        # `Response(data)` renders JSON, Flask's `Response(text)` is an HTML page.
        self.qualified: dict[str, str] = {}
        self.config_names: set[str] = set()  # names bound to a ConfigParser
        self._known: dict[str, bool] = {}
        # Functions this file calls with `request` first (`redirect_with_query(request,
        # url)`): helpers its views call, whose other arguments come from that code.
        self.called_with_request: set[str] = set()
        # A helpers module (`utils.py`, `view_helpers.py`): Django routes to views, and
        # its functions taking `request` are the views' helpers.
        self.helper_module = False

    # --- expressions -----------------------------------------------------------------

    def expr(self, node: ast.AST | None) -> ir.Expr:
        if node is None:
            return ir.Const(0, None)
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, str | int | float | bool) or value is None:
                return ir.Const(line, value)
            return ir.Const(line, None)
        if isinstance(node, ast.Name):
            return ir.Name(line, node.id)
        if isinstance(node, ast.Attribute):
            return ir.Attr(line, self.expr(node.value), node.attr)
        if isinstance(node, ast.Subscript):
            return ir.Index(line, self.expr(node.value), self.expr(node.slice))
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.JoinedStr):
            return ir.Concat(line, tuple(self.expr(v) for v in node.values))
        if isinstance(node, ast.FormattedValue):
            return self.expr(node.value)
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant):
                return ir.Concat(line, (self.expr(node.left), self.expr(node.right)))
            op = _BIN.get(type(node.op), "?")
            return ir.Op(line, op, self.expr(node.left), self.expr(node.right))
        if isinstance(node, ast.Compare):
            if len(node.ops) == 1:
                op = _CMP.get(type(node.ops[0]), "?")
                return ir.Op(line, op, self.expr(node.left), self.expr(node.comparators[0]))
            return ir.Op(line, "?", ir.Other(line, tuple(self.expr(c) for c in node.comparators)))
        if isinstance(node, ast.BoolOp):
            op = "and" if isinstance(node.op, ast.And) else "or"
            joined = self.expr(node.values[0])
            for item in node.values[1:]:
                joined = ir.Op(line, op, joined, self.expr(item))
            return joined
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Not):
                return ir.Op(line, "not", self.expr(node.operand))
            if isinstance(node.op, ast.USub):
                return ir.Op(line, "-", self.expr(node.operand))
            return self.expr(node.operand)
        if isinstance(node, ast.IfExp):
            return ir.Cond(line, self.expr(node.test), self.expr(node.body), self.expr(node.orelse))
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            return ir.Seq(line, tuple(self.expr(e) for e in node.elts), _constant(node))
        if isinstance(node, ast.Dict):
            keys = tuple(
                k.value if isinstance(k, ast.Constant) and isinstance(k.value, str | int) else None
                for k in node.keys
            )
            values = tuple(
                ir.script_operand(line, k, self.expr(v))
                for k, v in zip(keys, node.values, strict=True)
            )
            return ir.Seq(line, values, _constant(node), keys=keys)
        if isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp):
            elt: ast.expr = node.value if isinstance(node, ast.DictComp) else node.elt
            out_expr = self.expr(elt)
            for gen in reversed(node.generators):
                conds = tuple(self.expr(test) for test in gen.ifs)
                target = _names(gen.target)
                out_expr = ir.Comp(line, target, self.expr(gen.iter), out_expr, conds)
            return out_expr
        if isinstance(node, ast.Await | ast.Starred):
            return self.expr(node.value)
        if isinstance(node, ast.NamedExpr):
            return self.expr(node.value)
        if isinstance(node, ast.Lambda):
            return ir.Other(line)
        parts = tuple(self.expr(c) for c in ast.iter_child_nodes(node) if isinstance(c, ast.expr))
        return ir.Other(line, parts)

    def call(self, node: ast.Call) -> ir.Expr:
        line = node.lineno
        end = node.end_lineno or line
        func = node.func
        args = tuple(self.expr(a) for a in node.args)
        kwargs = tuple((k.arg or "**", self.expr(k.value)) for k in node.keywords)
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "format"
            and isinstance(func.value, ast.Constant)
            and isinstance(func.value.value, str)
        ):
            return ir.Concat(line, (self.expr(func.value), *args, *(v for _, v in kwargs)))
        if isinstance(func, ast.Attribute) and _text_template(func):
            # `"<p>{q}</p>".format_map(d)`, `Template("<p>$q</p>").substitute(q=q)`:
            # text built from the template and the values.
            template = func.value.args[0] if isinstance(func.value, ast.Call) else func.value
            return ir.Concat(line, (self.expr(template), *args, *(v for _, v in kwargs)))
        recv = self.expr(func.value) if isinstance(func, ast.Attribute) else None
        option = self._config_option(node)
        getter = isinstance(func, ast.Attribute) and func.attr == "get"
        if option is not None and getter and recv is not None:
            return ir.Index(line, recv, ir.Const(line, option))
        return ir.Call(line, self._resolved(_callee(func)), recv, args, kwargs, end=end)

    def resolved_callee(self, func: ast.expr) -> str:
        return self._resolved(_callee(func))

    def _resolved(self, callee: str) -> str:
        """The callee with an import alias spelled out, when only that spelling is a
        sink, source or sanitizer of the data (a project's own function keeps the name
        it is called by: the cross-file resolver reads the imports itself)."""
        head, dot, rest = callee.partition(".")
        if head in self.qualified:
            return f"{self.qualified[head]}{dot}{rest}"
        target = self.aliases.get(head)
        if target is None:
            return callee
        full = f"{target}{dot}{rest}"
        if self._spec_knows(callee) or not self._spec_knows(full):
            return callee
        return full

    def _spec_knows(self, callee: str) -> bool:
        known = self._known.get(callee)
        if known is None:
            spec = self.spec
            patterns = [s.callee for s in spec.sinks] + [s.callee for s in spec.sanitizers]
            patterns += list(spec.source_calls)
            known = any(not p.startswith(("~", "%")) and matches(p, callee) for p in patterns)
            self._known[callee] = known
        return known

    def _config_store(self, node: ast.expr, line: int) -> list[ir.Stmt]:
        """`cfg.set("section", "option", value)` as a store under that entry."""
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            return []
        option = self._config_option(node)
        if option is None or node.func.attr != "set":
            return []
        base = dotted(node.func.value) or ""
        stored = self.expr(node.args[2])
        return [
            ir.Assign(line, (base,), stored, merge=True, key=option),
            ir.Assign(line, (ir.entry(base, option),), stored),
        ]

    def _config_option(self, node: ast.Call) -> str | None:
        """`section.option` of `cfg.get("section", "option")` / `cfg.set("section",
        "option", value)` on a ConfigParser."""
        func = node.func
        if not isinstance(func, ast.Attribute) or dotted(func.value) not in self.config_names:
            return None
        wanted = 3 if func.attr == "set" else 2 if func.attr == "get" else 0
        if len(node.args) != wanted:
            return None
        names = [
            a.value
            for a in node.args[:2]
            if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
        if len(names) != 2:
            return None
        return f"{names[0]}.{names[1]}"

    # --- statements ------------------------------------------------------------------

    def block(self, body: list[ast.stmt]) -> tuple[ir.Stmt, ...]:
        out: list[ir.Stmt] = []
        for stmt in body:
            out.extend(self.stmt(stmt))
        return tuple(out)

    def stmt(self, node: ast.stmt) -> list[ir.Stmt]:
        line = node.lineno
        if isinstance(node, ast.Assign):
            value = self.expr(node.value)
            out: list[ir.Stmt] = []
            for target in node.targets:
                out.extend(_assign(target, value, line, self))
            return out
        if isinstance(node, ast.AnnAssign):
            if node.value is None:
                return []
            return _assign(node.target, self.expr(node.value), line)
        if isinstance(node, ast.AugAssign):
            current = self.expr(node.target)
            value = ir.Concat(line, (current, self.expr(node.value)))
            if not isinstance(node.op, ast.Add):
                value = ir.Op(line, _BIN.get(type(node.op), "?"), current, self.expr(node.value))
            return _assign(node.target, value, line)
        if isinstance(node, ast.Expr):
            stored = self._config_store(node.value, line)
            if stored:
                return stored
            if isinstance(node.value, ast.Call) and _callee(node.value.func) in _STOPS:
                return [ir.Eval(line, self.expr(node.value)), ir.Stop(line)]
            return [ir.Eval(line, self.expr(node.value))]
        if isinstance(node, ast.Return):
            return [ir.Return(line, self.expr(node.value) if node.value else None)]
        if isinstance(node, ast.Raise):
            if isinstance(node.exc, ast.Call):
                # aiohttp answers by raising: `raise web.HTTPFound(location)`.
                return [ir.Eval(line, self.expr(node.exc)), ir.Stop(line)]
            return [ir.Stop(line)]
        if isinstance(node, ast.If):
            return [
                ir.If(line, self.expr(node.test), self.block(node.body), self.block(node.orelse))
            ]
        if isinstance(node, ast.For | ast.AsyncFor):
            loop = ir.Loop(line, _names(node.target), self.expr(node.iter), self.block(node.body))
            return [loop, *self.block(node.orelse)]
        if isinstance(node, ast.While):
            return [ir.Loop(line, (), self.expr(node.test), self.block(node.body))]
        if isinstance(node, ast.With | ast.AsyncWith):
            out = []
            for item in node.items:
                value = self.expr(item.context_expr)
                if item.optional_vars is not None:
                    out.extend(_assign(item.optional_vars, value, line))
                else:
                    out.append(ir.Eval(line, value))
            return [*out, *self.block(node.body)]
        if isinstance(node, ast.Match):
            return [self.match(node.subject, node.cases)]
        if isinstance(node, ast.Try):
            out = list(self.block(node.body))
            for handler in node.handlers:
                out.append(ir.If(handler.lineno, ir.Other(line), self.block(handler.body)))
            return [*out, *self.block(node.orelse), *self.block(node.finalbody)]
        return []

    def match(self, subject: ast.expr, cases: list[ast.match_case]) -> ir.Stmt:
        """`match` as the `if`/`elif` chain it behaves like: a value pattern tests
        equality (so a constant subject picks its case), anything else is unknown."""
        if not cases:
            return ir.Eval(subject.lineno, self.expr(subject))
        case, rest = cases[0], cases[1:]
        line = case.pattern.lineno
        body = self.block(case.body)
        pattern = case.pattern
        wildcard = isinstance(pattern, ast.MatchAs) and pattern.pattern is None
        if wildcard and case.guard is None and getattr(pattern, "name", None) is None:
            return ir.If(line, ir.Const(line, True), body, ())
        test = self.case_test(subject, case.pattern)
        if case.guard is not None:
            test = ir.Op(line, "and", test, ir.Other(line, (self.expr(case.guard),)))
        orelse = (self.match(subject, rest),) if rest else ()
        return ir.If(line, test, body, orelse)

    def case_test(self, subject: ast.expr, pattern: ast.pattern) -> ir.Expr:
        line = pattern.lineno
        if isinstance(pattern, ast.MatchValue):
            return ir.Op(line, "==", self.expr(subject), self.expr(pattern.value))
        if isinstance(pattern, ast.MatchSingleton):
            return ir.Op(line, "==", self.expr(subject), ir.Const(line, pattern.value))
        if isinstance(pattern, ast.MatchOr) and pattern.patterns:
            joined = self.case_test(subject, pattern.patterns[0])
            for item in pattern.patterns[1:]:
                joined = ir.Op(line, "or", joined, self.case_test(subject, item))
            return joined
        return ir.Other(line, (self.expr(subject),))

    # --- functions -------------------------------------------------------------------

    def function(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, owner: str | None
    ) -> ir.Function:
        in_class = owner is not None
        args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
        names = [a.arg for a in args]
        defaults: dict[str, ast.expr | None] = {}
        positional = [*node.args.posonlyargs, *node.args.args]
        for arg, default in zip(
            positional[len(positional) - len(node.args.defaults) :],
            node.args.defaults,
            strict=False,
        ):
            defaults[arg.arg] = default
        for arg, kw_default in zip(node.args.kwonlyargs, node.args.kw_defaults, strict=False):
            if kw_default is not None:
                defaults[arg.arg] = kw_default
        marks = {
            (_callee(d.func) if isinstance(d, ast.Call) else _callee(d))
            for d in node.decorator_list
        }
        routed = any(m.rsplit(".", 1)[-1] in self.spec.handler_marks and "." in m for m in marks)
        skip = 1 if in_class and names and names[0] in ("self", "cls") else 0
        django = len(names) > skip and names[skip] == "request"
        # Django hands a view only text and numbers from the URL: a parameter declared as
        # a dict, list or callable makes the function a helper its views call
        # (`replace(request, target_id: str, template: str, context: dict)`).
        django = django and not any(_structured_annotation(a.annotation) for a in args)
        helper = self.helper_module or (not in_class and node.name in self.called_with_request)
        django = django and not helper
        if django and in_class and not marks and not _view_entry(node.name):
            # A class-based view hands URL values only to its HTTP methods (`get`,
            # `post`, DRF's `retrieve`, an admin's `change_view`); another method taking
            # `request` (`perform_action(self, request, post_edit)`) gets what they pass.
            django = False
        handler = routed or django
        params: list[ir.Param] = []
        for arg in args:
            source = None
            if (
                handler
                and arg.arg not in self.spec.not_input_params
                and arg.arg not in ("self", "cls")
            ):
                given = defaults.get(arg.arg)
                injected = isinstance(given, ast.Call) and _callee(given.func).rsplit(".", 1)[
                    -1
                ] in (
                    "Depends",
                    "Security",
                )
                if not injected:
                    source = "route parameter" if routed else "URL parameter"
            typed_safe = upload = False
            if arg.annotation is not None:
                annotation = (
                    _callee(arg.annotation) if not isinstance(arg.annotation, ast.Subscript) else ""
                )
                typed_safe = annotation.rsplit(".", 1)[-1] in self.spec.safe_types
                upload = annotation.rsplit(".", 1)[-1] in self.spec.upload_types
            params.append(ir.Param(arg.arg, source, typed_safe, upload=upload))
        # FastAPI `response_class=HTMLResponse`: the returned text is the page.
        html = any(
            k.arg == "response_class" and (dotted(k.value) or "").endswith("HTMLResponse")
            for d in node.decorator_list
            if isinstance(d, ast.Call)
            for k in d.keywords
        )
        json = any(
            isinstance(d, ast.Call)
            and isinstance(d.func, ast.Attribute)
            and dotted(d.func.value) in self.json_apps
            for d in node.decorator_list
        )
        return ir.Function(
            node.name,
            node.lineno,
            tuple(params),
            self.block(node.body),
            in_class,
            handler,
            returns_html=html,
            returns_json=json,
            owner=owner,
        )


def _text_template(func: ast.Attribute) -> bool:
    """`func` fills a text template written here: `"...".format_map(...)` or
    `string.Template("...").substitute(...)` / `.safe_substitute(...)`."""
    base = func.value
    if func.attr == "format_map":
        return isinstance(base, ast.Constant) and isinstance(base.value, str)
    if func.attr not in ("substitute", "safe_substitute") or not isinstance(base, ast.Call):
        return False
    return (
        (dotted(base.func) or "").rsplit(".", 1)[-1] == "Template"
        and len(base.args) == 1
        and isinstance(base.args[0], ast.Constant)
        and isinstance(base.args[0].value, str)
    )


_STRUCTURED = frozenset(
    {"dict", "Dict", "list", "List", "set", "Set", "Mapping", "Sequence", "Callable", "QuerySet"}
)


def _structured_annotation(annotation: ast.expr | None) -> bool:
    if annotation is None:
        return False
    head = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    name = head.attr if isinstance(head, ast.Attribute) else getattr(head, "id", None)
    return name in _STRUCTURED


def _names(target: ast.AST) -> tuple[str, ...]:
    if isinstance(target, ast.Tuple | ast.List):
        return tuple(n for e in target.elts for n in _names(e))
    if isinstance(target, ast.Starred):
        return _names(target.value)
    name = dotted(target)
    return (name,) if name else ()


def _assign(
    target: ast.AST, value: ir.Expr, line: int, front: _Front | None = None
) -> list[ir.Stmt]:
    if isinstance(target, ast.Subscript):
        base = dotted(target.value)
        if not base:
            return [ir.Eval(line, value)]
        key = target.slice
        known = key.value if isinstance(key, ast.Constant) else None
        written = known if isinstance(known, str | int) and not isinstance(known, bool) else None
        index = front.expr(key) if front is not None and not isinstance(key, ast.Constant) else None
        out: list[ir.Stmt] = [ir.Assign(line, (base,), value, merge=True, key=written, index=index)]
        if isinstance(key, ast.Constant) and isinstance(key.value, str | int):
            # The entry itself, so a read of another key (or of this one after it is
            # overwritten with a constant) does not see the input.
            out.append(ir.Assign(line, (ir.entry(base, key.value),), value))
        return out
    names = _names(target)
    if not names:
        return [ir.Eval(line, value)]
    return [ir.Assign(line, names, value)]


# Packages whose imported names are always spelled out in full (see `qualified`).
_QUALIFIED_MODULES = frozenset({"rest_framework", "sanic"})
_HELPER_MODULE = re.compile(r"(?:^|_)(?:utils?|helpers?|shortcuts)$")


def _nodes(tree: ast.Module) -> list[ast.AST]:
    """`ast.walk(tree)` as a list, walked once per tree however many passes ask (the
    other Python checks read the same list)."""
    # Imported here: lib.python_ast imports the rule engine, which may in turn be
    # importing this package.
    from bot.rules.lib.python_ast import all_nodes

    return all_nodes(tree)


def _called_with_request(tree: ast.Module) -> set[str]:
    out = set()
    for node in _nodes(tree):
        if (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id == "request"
        ):
            out.add(_callee(node.func).rsplit(".", 1)[-1])
    return out


def module(tree: ast.Module, spec: Spec, path: str = "") -> ir.Module:
    front = _Front(spec)
    front.helper_module = bool(_HELPER_MODULE.search(PurePosixPath(path).stem))
    front.called_with_request = _called_with_request(tree)
    out = ir.Module("python")
    top: list[ast.stmt] = []
    fastapi = flask = False
    for node in _nodes(tree):
        if isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            for alias in node.names:
                out.imports[alias.asname or alias.name] = f"{base}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    out.imports[alias.asname] = alias.name
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                if alias.asname and alias.asname != alias.name:
                    front.aliases[alias.asname] = f"{node.module}.{alias.name}"
                if node.module.split(".")[0] in _QUALIFIED_MODULES:
                    front.qualified[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.asname != alias.name:
                    front.aliases[alias.asname] = alias.name
        elif (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and _callee(node.value.func).rsplit(".", 1)[-1] in _CONFIG_PARSERS
        ):
            front.config_names.update(n for t in node.targets if (n := dotted(t)))
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom | ast.Import):
            names = [stmt.module or ""] if isinstance(stmt, ast.ImportFrom) else []
            names += [alias.name for alias in stmt.names]
            fastapi = fastapi or any(name.split(".")[0] == "fastapi" for name in names)
            flask = flask or any(name.split(".")[0] == "flask" for name in names)
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            if (
                isinstance(target, ast.Name)
                and isinstance(stmt.value, ast.Call)
                and _callee(stmt.value.func).rsplit(".", 1)[-1] in ("FastAPI", "APIRouter")
            ):
                front.json_apps.add(target.id)
            if isinstance(target, ast.Name):
                if isinstance(stmt.value, ast.Constant) and isinstance(
                    stmt.value.value, str | int | float | bool
                ):
                    out.constants[target.id] = stmt.value.value
                elif _constant(stmt.value):
                    out.const_tables.add(target.id)
                elif isinstance(stmt.value, ast.Call):
                    # `audit_log = logging.getLogger("audit")`, `http = httpx.Client()`:
                    # what a module-level name holds, for a sink's `made_by`.
                    out.makers[target.id] = front.resolved_callee(stmt.value.func)
        if not isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            top.append(stmt)
    # Both in one file: only the routes of a FastAPI app or router answer JSON.
    out.json_returns = fastapi and not flask
    out.functions.append(ir.Function("<module>", 1, (), front.block(top)))
    stack: list[tuple[ast.AST, str | None]] = [(tree, None)]
    while stack:
        node, owner = stack.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                out.functions.append(front.function(child, owner))
                stack.append((child, None))
            elif isinstance(child, ast.ClassDef):
                for stmt in child.body:
                    if (
                        isinstance(stmt, ast.Assign)
                        and len(stmt.targets) == 1
                        and isinstance(stmt.targets[0], ast.Name)
                        and _constant(stmt.value)
                    ):
                        out.const_tables.add(f"self.{stmt.targets[0].id}")
                        out.const_tables.add(stmt.targets[0].id)
                stack.append((child, child.name))
            elif not isinstance(child, ast.expr):
                stack.append((child, owner))
    out.functions.sort(key=lambda f: f.line)
    return out


# The methods a Django/DRF class-based view dispatches a request to, URL values included.
_VIEW_ENTRIES = frozenset(
    {
        "get",
        "post",
        "put",
        "patch",
        "delete",
        "head",
        "options",
        "trace",
        "dispatch",
        "list",
        "create",
        "retrieve",
        "update",
        "partial_update",
        "destroy",
    }
)


def _view_entry(name: str) -> bool:
    return name in _VIEW_ENTRIES or name.endswith("_view")
