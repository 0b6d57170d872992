"""JavaScript/TypeScript and Java front end: ast-grep (tree-sitter) trees into the IR.

The two grammars name the same ideas differently (`call_expression` with a `function`
field in JavaScript, `method_invocation` with `object` and `name` in Java); the walk is
shared and the kinds are looked up in small tables. A handler is a function whose
parameters carry a binding annotation (`@RequestParam`, `@PathVariable`, `@QueryParam`,
NestJS `@Query()`), or a Java method carrying a mapping annotation.
"""

from __future__ import annotations

from dataclasses import replace

from ast_grep_py import SgNode

from bot import lazyre as re
from bot.rules.taint import ir
from bot.rules.taint.spec import Spec

_FUNCTIONS = frozenset(
    {
        "function_declaration",
        "generator_function_declaration",
        "function_expression",
        "function",
        "arrow_function",
        "method_definition",
        "method_declaration",
        "constructor_declaration",
        "lambda_expression",
    }
)
_BLOCKS = frozenset({"statement_block", "block", "program", "class_body", "else_clause"})
_STRINGS = frozenset({"string", "string_literal"})
_NUMBERS = frozenset({"number", "decimal_integer_literal", "decimal_floating_point_literal"})
_WRAPPERS = frozenset(
    {
        "parenthesized_expression",
        "await_expression",
        "as_expression",
        "non_null_expression",
        "cast_expression",
        "spread_element",
        "satisfies_expression",
        "type_assertion",
    }
)
_SEQS = frozenset({"array", "array_initializer", "array_creation_expression", "object"})
_KEY_KINDS = frozenset({"property_identifier", "string", "identifier"})
_OPS = {"&&": "and", "||": "or", "??": "or", "===": "==", "!==": "!="}


def _line(node: SgNode) -> int:
    return node.range().start.line + 1


def _end(node: SgNode) -> int:
    return node.range().end.line + 1


def _named(node: SgNode) -> list[SgNode]:
    return [c for c in node.children() if c.is_named() and c.kind() != "comment"]


# `@Produces(MediaType.TEXT_HTML)`, `@GetMapping(produces = "text/html")`.
_HTML_OUT = re.compile(r"TEXT_HTML|text/html")


def _produces_html(node: SgNode) -> bool:
    for holder in node.children():
        if holder.kind() == "modifiers":
            text = holder.text()
            return len(text) < 2000 and bool(_HTML_OUT.search(text))
    return False


def _annotations(node: SgNode) -> list[str]:
    """Names of the annotations/decorators on a Java declaration or a TS parameter."""
    out: list[str] = []
    holders = [c for c in node.children() if c.kind() == "modifiers"] + [node]
    for holder in holders:
        for child in holder.children():
            kind = child.kind()
            if kind in ("marker_annotation", "annotation"):
                name = child.field("name")
                if name is not None:
                    out.append(name.text().rsplit(".", 1)[-1])
            elif kind == "decorator":
                inner = _named(child)
                if inner:
                    target = (
                        inner[0].field("function")
                        if inner[0].kind() == "call_expression"
                        else inner[0]
                    )
                    if target is not None:
                        out.append(target.text().rsplit(".", 1)[-1])
    return out


class _Front:
    def __init__(self, spec: Spec, language: str) -> None:
        self.spec = spec
        self.java = language == "java"
        self._file_text: str | None = None
        self.inlined = 0  # callbacks inlined as loops, counted down the nesting

    def file_text(self, node: SgNode) -> str:
        if self._file_text is None:
            self._file_text = node.get_root().root().text()
        return self._file_text

    # --- expressions -----------------------------------------------------------------

    def callee(self, node: SgNode) -> str:
        kind = node.kind()
        if kind in ("identifier", "this", "super", "type_identifier", "scoped_type_identifier"):
            return node.text()
        if kind == "member_expression":
            obj, prop = node.field("object"), node.field("property")
            base = self.callee(obj) if obj is not None else "?"
            return f"{base}.{prop.text() if prop is not None else '?'}"
        if kind == "field_access":
            obj, field = node.field("object"), node.field("field")
            base = self.callee(obj) if obj is not None else "?"
            return f"{base}.{field.text() if field is not None else '?'}"
        if kind == "call_expression":
            func = node.field("function")
            return self.callee(func) if func is not None else "?"
        if kind == "method_invocation":
            obj, name = node.field("object"), node.field("name")
            head = self.callee(obj) + "." if obj is not None else ""
            return head + (name.text() if name is not None else "?")
        if kind in _WRAPPERS:
            inner = _named(node)
            return self.callee(inner[-1]) if inner else "?"
        if kind == "object_creation_expression" and self.java:
            # `new InitialContext().lookup(x)` reads as `InitialContext.lookup`.
            type_node = node.field("type")
            return type_node.text().split("<", 1)[0] if type_node is not None else "?"
        return "?"

    def expr(self, node: SgNode | None) -> ir.Expr:
        if node is None:
            return ir.Const(0, None)
        kind = node.kind()
        line = _line(node)
        if kind in ("identifier", "shorthand_property_identifier", "this"):
            return ir.Name(line, node.text())
        if kind in _STRINGS:
            return ir.Const(line, _string_text(node))
        if kind == "regex":
            # Not a string, but its text shows what a `replace` removes (`/[\r\n]+/g`).
            return ir.Other(line, (ir.Const(line, node.text()),))
        if kind in _NUMBERS:
            text = node.text().rstrip("lLfFdD").replace("_", "")
            try:
                return ir.Const(line, int(text))
            except ValueError:
                try:
                    return ir.Const(line, float(text))
                except ValueError:
                    return ir.Const(line, None)
        if kind in ("true", "false"):
            return ir.Const(line, kind == "true")
        if kind == "character_literal" and len(node.text()) == 3:
            return ir.Const(line, node.text()[1])
        if kind in ("null", "null_literal", "undefined"):
            return ir.Const(line, None)
        if kind in ("member_expression", "field_access"):
            obj = node.field("object")
            prop = node.field("property") if kind == "member_expression" else node.field("field")
            return ir.Attr(line, self.expr(obj), prop.text() if prop is not None else "?")
        if kind in ("subscript_expression", "array_access"):
            obj = node.field("object") or node.field("array")
            return ir.Index(line, self.expr(obj), self.expr(node.field("index")))
        if kind in (
            "call_expression",
            "method_invocation",
            "new_expression",
            "object_creation_expression",
        ):
            keyed = _constant_key_call(node, "get") if self.java else None
            if keyed is not None:
                # `map.get("k")`: the value put under that key, when the map has one.
                return ir.Index(line, ir.Name(line, keyed[0]), ir.Const(line, keyed[1]))
            return self.call(node)
        if kind == "template_string":
            parts: list[ir.Expr] = []
            for child in _named(node):
                if child.kind() == "template_substitution":
                    inner = _named(child)
                    parts.append(self.expr(inner[0]) if inner else ir.Const(line, ""))
                elif child.kind() == "string_fragment":
                    parts.append(ir.Const(line, child.text()))
            return ir.Concat(line, tuple(parts))
        if kind == "binary_expression":
            op_node = node.field("operator")
            op = op_node.text() if op_node is not None else _middle(node)
            op = _OPS.get(op, op)
            if op == "/" and self.java:
                op = "cdiv"
            if op == "instanceof":
                return ir.Op(line, "==", ir.Other(line), ir.Other(line))
            return ir.Op(line, op, self.expr(node.field("left")), self.expr(node.field("right")))
        if kind == "unary_expression":
            op_node = node.field("operator")
            op = op_node.text() if op_node is not None else node.text()[:1]
            kids = _named(node)
            operand = (
                node.field("argument") or node.field("operand") or (kids[-1] if kids else None)
            )
            if op == "!":
                return ir.Op(line, "not", self.expr(operand))
            if op == "-":
                return ir.Op(line, "-", self.expr(operand))
            if op == "+":
                # `+req.query.id`: a number (or NaN), never the text or an object.
                return ir.Op(line, "num", self.expr(operand))
            if op == "typeof":
                # Kept as a call so a guard can read `typeof x === "string"`; its value
                # is a type's name, never the operand's text (a sanitizer of every class).
                return ir.Call(line, "typeof", None, (self.expr(operand),))
            return self.expr(operand)
        if kind == "ternary_expression":
            return ir.Cond(
                line,
                self.expr(node.field("condition")),
                self.expr(node.field("consequence")),
                self.expr(node.field("alternative")),
            )
        if kind in _WRAPPERS:
            inner_nodes = [c for c in _named(node) if "type" not in c.kind()]
            return self.expr(inner_nodes[-1]) if inner_nodes else ir.Other(line)
        if kind in _SEQS:
            items: list[ir.Expr] = []
            # An object literal's constant keys (`{ root: './files' }`, shorthand `{ root }`).
            keys: list[str | int | None] = []
            for child in _named(node):
                if child.kind() == "pair":
                    value = self.expr(child.field("value"))
                    key = child.field("key")
                    if key is not None and key.text().strip("'\"") == "$eq":
                        # MongoDB's `{ $eq: x }` compares with x as it is, object or not.
                        value = ir.Op(line, "eq-operand", value)
                    elif key is not None:
                        value = ir.script_operand(line, key.text().strip("'\""), value)
                    items.append(value)
                    named = key is not None and key.kind() in _KEY_KINDS
                    keys.append(key.text().strip("'\"") if named and key else None)
                elif "type" not in child.kind() and child.kind() != "dimensions":
                    items.append(self.expr(child))
                    shorthand = child.kind() == "shorthand_property_identifier"
                    keys.append(child.text() if shorthand else None)
            const = all(isinstance(i, ir.Const) for i in items)
            # Only a literal whose every entry has its key (no spread) keeps them.
            named_keys = tuple(keys) if keys and all(k is not None for k in keys) else ()
            return ir.Seq(line, tuple(items), const, named_keys)
        if kind in _FUNCTIONS:
            return ir.Other(line)
        if kind == "assignment_expression":
            return self.expr(node.field("right"))
        return ir.Other(line, tuple(self.expr(c) for c in _named(node)))

    def call(self, node: SgNode) -> ir.Expr:
        kind = node.kind()
        line = _line(node)
        args_node = node.field("arguments")
        tagged = args_node is not None and args_node.kind() == "template_string"
        if tagged and args_node is not None:
            args = tuple(
                self.expr(_named(c)[0])
                for c in _named(args_node)
                if c.kind() == "template_substitution" and _named(c)
            )
        else:
            args = tuple(self.expr(a) for a in _named(args_node)) if args_node is not None else ()
        if kind in ("new_expression", "object_creation_expression"):
            type_node = node.field("constructor") or node.field("type")
            name = type_node.text() if type_node is not None else "?"
            name = name.split("<", 1)[0]
            return ir.Call(line, name, None, args, end=_end(node), new=True)
        if kind == "call_expression":
            func = node.field("function")
            recv = (
                func.field("object")
                if func is not None and func.kind() == "member_expression"
                else None
            )
        else:
            recv = node.field("object")
        callee = self.callee(node)
        if callee.endswith(".map") and args_node is not None and _ignores_element(args_node):
            # `ids.map(() => '?')`, `ids.map((_, i) => `$${i + 1}`)`: placeholders built
            # from constants and positions; only the input's length gets through.
            return ir.Other(line, ())
        return ir.Call(
            line,
            callee,
            self.expr(recv) if recv is not None else None,
            args,
            tagged=tagged,
            end=_end(node),
        )

    # --- statements ------------------------------------------------------------------

    def block(self, node: SgNode | None) -> tuple[ir.Stmt, ...]:
        if node is None:
            return ()
        if node.kind() in _BLOCKS:
            out: list[ir.Stmt] = []
            for child in _named(node):
                out.extend(self.stmt(child))
            return tuple(out)
        return tuple(self.stmt(node))

    def stmt(self, node: SgNode) -> list[ir.Stmt]:
        out = self._stmt(node)
        if node.kind() in _PROMISE_HOLDERS and "Promise" in node.text():
            executors = self.promise_executors(node)
            if executors:
                out = [*executors, *out]
        return out

    def promise_executors(self, node: SgNode) -> list[ir.Stmt]:
        """`new Promise((resolve, reject) => { exec(cmd, ...) })`: the executor runs at
        once, here, so a helper wrapping a callback API reaches the sink inside it. (It
        is also walked as a closure of its own.)"""
        out: list[ir.Stmt] = []
        if self.inlined >= _MAX_INLINED:
            return out
        for made in _outer_news(node):
            ctor = made.field("constructor")
            args_node = made.field("arguments")
            args = _named(args_node) if args_node is not None else []
            if (
                ctor is None
                or ctor.text() != "Promise"
                or not args
                or args[0].kind() not in _FUNCTIONS
            ):
                continue
            stmts = self.inline_body(args[0].field("body"))
            if stmts:
                out.append(ir.If(_line(made), ir.Other(_line(made)), stmts))
        return out

    def inline_body(self, body: SgNode | None) -> tuple[ir.Stmt, ...]:
        """A callback's body as statements of the code that runs it (an arrow function's
        expression body as one), one inlining level deeper."""
        self.inlined += 1
        try:
            if body is not None and body.kind() not in _BLOCKS:
                return (ir.Eval(_line(body), self.expr(body)),)
            return self.block(body)
        finally:
            self.inlined -= 1

    def _stmt(self, node: SgNode) -> list[ir.Stmt]:
        kind = node.kind()
        line = _line(node)
        if kind in _FUNCTIONS or kind in ("class_declaration", "class", "interface_declaration"):
            return []
        if kind in _BLOCKS:
            return list(self.block(node))
        if kind == "expression_statement":
            inner = _named(node)
            return self.expression_stmt(inner[0]) if inner else []
        if kind in ("lexical_declaration", "variable_declaration", "local_variable_declaration"):
            out: list[ir.Stmt] = []
            for decl in _named(node):
                if decl.kind() != "variable_declarator":
                    continue
                value = decl.field("value")
                if value is None:
                    continue
                out.extend(self.bind(decl.field("name"), self.expr(value), line))
            return out
        if kind == "return_statement":
            inner = _named(node)
            return [ir.Return(line, self.expr(inner[0]) if inner else None)]
        if kind == "throw_statement":
            return [ir.Stop(line)]
        if kind == "if_statement":
            other = node.field("alternative")
            return [
                ir.If(
                    line,
                    self.expr(node.field("condition")),
                    self.block(node.field("consequence")),
                    self.block(other) if other is not None else (),
                )
            ]
        if kind in ("for_in_statement", "enhanced_for_statement"):
            left = node.field("left") or node.field("name")
            right = node.field("right") or node.field("value")
            targets = tuple(_pattern_names(left)) if left is not None else ()
            return [ir.Loop(line, targets, self.expr(right), self.block(node.field("body")))]
        if kind in ("for_statement", "while_statement", "do_statement"):
            return [ir.Loop(line, (), ir.Other(line), self.block(node.field("body")))]
        if kind in ("try_statement", "try_with_resources_statement"):
            out = []
            resources = node.field("resources") or next(
                (c for c in _named(node) if c.kind() == "resource_specification"), None
            )
            if resources is not None:
                for res in _named(resources):
                    value = res.field("value")
                    if value is not None:
                        out.extend(self.bind(res.field("name"), self.expr(value), line))
            out.extend(self.block(node.field("body")))
            for child in _named(node):
                if child.kind() == "catch_clause":
                    out.append(ir.If(_line(child), ir.Other(line), self.block(child.field("body"))))
                elif child.kind() in ("finally_clause",):
                    body = child.field("body") or next(
                        (c for c in _named(child) if c.kind() in _BLOCKS), None
                    )
                    out.extend(self.block(body))
            return out
        if kind == "switch_expression" and self.java:
            return self.switch(node)
        # switch, labelled and synchronized blocks: their statements may or may not run.
        nested: list[ir.Stmt] = []
        for child in _named(node):
            if (
                child.kind() in _BLOCKS
                or child.kind().endswith("statement")
                or "switch" in child.kind()
            ):
                nested.extend(self.stmt(child))
            elif child.kind().endswith("expression") or child.kind() == "method_invocation":
                nested.append(ir.Eval(line, self.expr(child)))
        return [ir.If(line, ir.Other(line), tuple(nested))] if nested else []

    def expression_stmt(self, node: SgNode) -> list[ir.Stmt]:
        line = _line(node)
        kind = node.kind()
        if kind in ("assignment_expression", "augmented_assignment_expression"):
            left, right = node.field("left"), node.field("right")
            op_node = node.field("operator")
            op = op_node.text() if op_node is not None else _middle(node)
            value = self.expr(right)
            if op == "+=" and left is not None:
                value = ir.Concat(line, (self.expr(left), value))
            elif op not in ("=", "") and left is not None:
                value = ir.Op(line, op.rstrip("="), self.expr(left), value)
            return self.bind(left, value, line)
        if kind in ("call_expression", "method_invocation") and (
            self.callee(node).rsplit(".", 1)[-1] in ("exit",)
            # Koa's `ctx.throw(400, ...)` raises: the handler ends there.
            or self.callee(node) in ("ctx.throw", "this.throw", "context.throw")
        ):
            return [ir.Eval(line, self.expr(node)), ir.Stop(line)]
        if kind == "switch_expression" and self.java:
            return self.switch(node)
        loop = self.callback_iteration(node)
        if loop is not None:
            return [loop]
        keyed = _constant_key_call(node, "put") if self.java else None
        if keyed is not None:
            # `map.put("k", v)`: the map holds v, and the key "k" holds exactly v.
            value = self.expr(_named(node.field("arguments") or node)[1])
            name, key = keyed
            return [
                ir.Assign(line, (name,), value, merge=True),
                ir.Assign(line, (f"{name}[{key!r}]",), value),
            ]
        return [ir.Eval(line, self.expr(node))]

    def callback_iteration(self, node: SgNode) -> ir.Loop | None:
        """`names.forEach((name) => ...)`, Java `names.forEach(name -> ...)`: a loop over
        the receiver whose target is the callback's one parameter (the callback is also
        walked as a closure of its own)."""
        if node.kind() not in ("call_expression", "method_invocation"):
            return None
        if self.callee(node).rsplit(".", 1)[-1] not in _CALLBACK_ITERATORS:
            return None
        if node.kind() == "call_expression":
            func = node.field("function")
            recv = (
                func.field("object")
                if func is not None and func.kind() == "member_expression"
                else None
            )
        else:
            recv = node.field("object")
        args_node = node.field("arguments")
        args = _named(args_node) if args_node is not None else []
        if recv is None or len(args) != 1 or args[0].kind() not in _FUNCTIONS:
            return None
        callback = args[0]
        params_node = callback.field("parameters") or callback.field("parameter")
        if params_node is None:
            return None
        plist = [params_node] if params_node.kind() == "identifier" else _named(params_node)
        names = [
            n for p in plist for n in _pattern_names(p.field("pattern") or p.field("name") or p)
        ]
        if len(names) != 1 or self.inlined >= _MAX_INLINED:
            return None  # `(value, index)`, destructuring: not the element alone
        body = callback.field("body")
        return ir.Loop(_line(node), (names[0],), self.expr(recv), self.inline_body(body))

    def switch(self, node: SgNode) -> list[ir.Stmt]:
        """A Java `switch` over cases as an `if` chain on equality with the labels, so a
        subject known at this point takes only its own case (with fall-through)."""
        line = _line(node)
        subject = self.expr(node.field("condition"))
        body = node.field("body")
        groups: list[tuple[list[ir.Expr] | None, list[ir.Stmt], bool]] = []
        for group in _named(body) if body is not None else []:
            if group.kind() not in ("switch_block_statement_group", "switch_rule"):
                return [ir.If(line, ir.Other(line), tuple(self.block(body)))]
            labels: list[ir.Expr] | None = []
            stmts: list[ir.Stmt] = []
            ends = False
            for child in _named(group):
                if child.kind() == "switch_label":
                    values = _named(child)
                    if not values:
                        labels = None  # default
                    elif labels is not None:
                        labels.extend(self.expr(v) for v in values)
                elif child.kind() == "break_statement":
                    ends = True
                    break
                else:
                    stmts.extend(self.stmt(child))
            if group.kind() == "switch_rule" or (
                stmts and isinstance(stmts[-1], ir.Return | ir.Stop)
            ):
                ends = True
            groups.append((labels, stmts, ends))
        # Fall-through: a case without `break` runs on into the next one.
        bodies: list[tuple[ir.Stmt, ...]] = []
        for index in range(len(groups)):
            run: list[ir.Stmt] = []
            for _, stmts, ends in groups[index:]:
                run.extend(stmts)
                if ends:
                    break
            bodies.append(tuple(run))
        pairs = list(zip((labels for labels, _, _ in groups), bodies, strict=True))
        chain: tuple[ir.Stmt, ...] = next((b for labels, b in pairs if labels is None), ())
        for labels, case_body in reversed(pairs):
            if not labels:
                continue
            test: ir.Expr = ir.Op(line, "==", subject, labels[0])
            for label in labels[1:]:
                test = ir.Op(line, "or", test, ir.Op(line, "==", subject, label))
            chain = (ir.If(line, test, case_body, chain),)
        return list(chain)

    def bind(self, target: SgNode | None, value: ir.Expr, line: int) -> list[ir.Stmt]:
        if target is None:
            return [ir.Eval(line, value)]
        kind = target.kind()
        if kind in ("subscript_expression", "array_access"):
            base = target.field("object") or target.field("array")
            name = _dotted(base) if base is not None else None
            return [ir.Assign(line, (name,), value, merge=True)] if name else [ir.Eval(line, value)]
        if kind == "object_pattern":
            out: list[ir.Stmt] = []
            for child in _named(target):
                if child.kind() == "shorthand_property_identifier_pattern":
                    out.append(ir.Assign(line, (child.text(),), ir.Attr(line, value, child.text())))
                elif child.kind() == "pair_pattern":
                    key, val = child.field("key"), child.field("value")
                    attr = key.text() if key is not None else "?"
                    out.extend(self.bind(val, ir.Attr(line, value, attr), line))
                else:
                    names = _pattern_names(child)
                    if names:
                        out.append(ir.Assign(line, tuple(names), value))
            return out
        single = _dotted(target)
        clean = (single,) if single else tuple(_pattern_names(target))
        if not clean:
            return [ir.Eval(line, value)]
        out_stmts: list[ir.Stmt] = [ir.Assign(line, clean, value)]
        obj = target.field("object") if kind == "member_expression" else None
        prop = target.field("property") if obj is not None else None
        if obj is not None and prop is not None and obj.kind() == "identifier":
            # `criteria.username = x` fills the object `criteria` a query then takes whole.
            out_stmts.append(ir.Assign(line, (obj.text(),), value, merge=True, key=prop.text()))
        return out_stmts

    # --- functions -------------------------------------------------------------------

    def function(self, node: SgNode, name: str) -> ir.Function:
        params_node = node.field("parameters")
        if params_node is None and node.kind() == "arrow_function":
            params_node = node.field("parameter")
        marks = _annotations(node)
        handler = any(m in self.spec.handler_marks for m in marks)
        params: list[ir.Param] = []
        plist = (
            []
            if params_node is None
            else ([params_node] if params_node.kind() == "identifier" else _named(params_node))
        )
        for param in plist:
            names = _pattern_names(param.field("pattern") or param.field("name") or param)
            if not names:
                continue
            type_node = param.field("type")
            type_text = type_node.text().lstrip(":").strip() if type_node is not None else ""
            bound = [a for a in _annotations(param) if a in self.spec.param_marks]
            source = f"@{bound[0]}" if bound else None
            if source is None and handler and self.java and type_text in _INPUT_TYPES:
                source = "request parameter"
            if (
                source is None
                and handler
                and self.java
                and self.spec.request_model(type_text, _annotations(param))
            ):
                source = "request model"
            typed_safe = type_text.split("<", 1)[0] in self.spec.safe_types
            segment = bool(bound) and ir.one_path_segment(
                bound[0], param.text(), names[0], self.file_text(node)
            )
            upload = type_text.split("<", 1)[0] in self.spec.upload_types
            params.extend(ir.Param(n, source, typed_safe, segment, upload) for n in names)
        body = node.field("body")
        if body is not None and body.kind() not in _BLOCKS:
            # An arrow function with an expression body returns that expression.
            stmts: tuple[ir.Stmt, ...] = (ir.Return(_line(body), self.expr(body)),)
        else:
            stmts = self.block(body)
        html = handler and self.java and _produces_html(node)
        return ir.Function(
            name, _line(node), tuple(params), stmts, False, handler, returns_html=html
        )


# How many callbacks deep they are read as loops (deeper ones stay closures of their own):
# the flow walks a loop's body twice, so each level doubles the work.
_MAX_INLINED = 4


# Array, collection and stream methods that call their callback with each element.
def _outer_news(node: SgNode) -> list[SgNode]:
    """The `new` expressions of a statement outside any function written in it (a
    Promise nested in an executor is the inlined executor's own)."""
    found: list[SgNode] = []
    stack = list(_named(node))
    while stack:
        current = stack.pop()
        kind = current.kind()
        if kind == "new_expression":
            found.append(current)
        elif kind in _FUNCTIONS:
            continue
        stack.extend(_named(current))
    return found


# Statements whose `new Promise(executor)` has its executor inlined (`promise_executors`).
_PROMISE_HOLDERS = frozenset(
    {"return_statement", "expression_statement", "lexical_declaration", "variable_declaration"}
)
_CALLBACK_ITERATORS = frozenset({"forEach", "map", "flatMap", "filter", "some", "every", "find"})


# Unannotated parameter types of a Java handler that carry the request's text: a query
# parameter (Spring) or the request body (a JAX-RS entity, a Spring stream).
_INPUT_TYPES = frozenset(
    {"String", "String[]", "List<String>", "byte[]", "InputStream", "Reader", "MultipartFile"}
)


def _constant_key_call(node: SgNode, method: str) -> tuple[str, str] | None:
    """(map name, key) of `name.<method>("key", ...)`, else None."""
    if node.kind() != "method_invocation":
        return None
    obj, name, args = node.field("object"), node.field("name"), node.field("arguments")
    if obj is None or obj.kind() != "identifier" or name is None or name.text() != method:
        return None
    values = _named(args) if args is not None else []
    wanted = 1 if method == "get" else 2
    if len(values) != wanted or values[0].kind() not in _STRINGS:
        return None
    return obj.text(), _string_text(values[0])


def _ignores_element(args_node: SgNode) -> bool:
    """The only argument is a callback whose body never reads the element it is given."""
    args = _named(args_node)
    if len(args) != 1 or args[0].kind() not in ("arrow_function", "function_expression"):
        return False
    callback = args[0]
    params = callback.field("parameters") or callback.field("parameter")
    body = callback.field("body")
    if body is None:
        return False
    if params is None:
        return True
    plist = [params] if params.kind() == "identifier" else _named(params)
    if not plist:
        return True
    names = _pattern_names(plist[0].field("pattern") or plist[0].field("name") or plist[0])
    if len(names) != 1:
        return False  # a destructured element: its fields may well be read
    used = {n.text() for n in body.find_all(kind="identifier")}
    used |= {n.text() for n in body.find_all(kind="shorthand_property_identifier")}
    return names[0] not in used


def _middle(node: SgNode) -> str:
    for child in node.children():
        if not child.is_named():
            return child.text()
    return ""


def _string_text(node: SgNode) -> str:
    return "".join(
        c.text() for c in node.children() if c.kind() in ("string_fragment", "escape_sequence")
    )


def _dotted(node: SgNode) -> str | None:
    kind = node.kind()
    if kind in ("identifier", "this", "shorthand_property_identifier_pattern"):
        return node.text()
    if kind in ("member_expression", "field_access"):
        obj = node.field("object")
        prop = node.field("property") or node.field("field")
        base = _dotted(obj) if obj is not None else None
        return None if base is None or prop is None else f"{base}.{prop.text()}"
    return None


def _pattern_names(node: SgNode) -> list[str]:
    kind = node.kind()
    if kind in ("identifier", "shorthand_property_identifier_pattern"):
        return [node.text()]
    if kind in ("type_identifier", "type_annotation", "decorator", "modifiers"):
        return []
    if kind in ("formal_parameter", "required_parameter", "optional_parameter", "spread_parameter"):
        inner = node.field("pattern") or node.field("name")
        return _pattern_names(inner) if inner is not None else []
    if kind == "assignment_pattern":
        left = node.field("left")
        return _pattern_names(left) if left is not None else []
    if kind in (
        "object_pattern",
        "array_pattern",
        "pair_pattern",
        "rest_pattern",
        "variable_declarator",
    ):
        out: list[str] = []
        for child in _named(node):
            if node.kind() == "pair_pattern" and child == node.field("key"):
                continue
            out.extend(_pattern_names(child))
        return out
    return []


def _function_name(node: SgNode) -> str:
    name = node.field("name")
    if name is not None:
        return name.text()
    parent = node.parent()
    if parent is not None and parent.kind() == "variable_declarator":
        target = parent.field("name")
        if target is not None:
            return target.text()
    return f"<anonymous:{_line(node)}>"


def module(root: SgNode, spec: Spec, language: str) -> ir.Module:
    front = _Front(spec, language)
    out = ir.Module(language)
    top: list[ir.Stmt] = []
    for child in _named(root):
        top.extend(front.stmt(child))
    out.functions.append(ir.Function("<module>", 1, (), tuple(top)))
    # One walk (kind names differ per grammar, and ast-grep rejects a kind its
    # grammar lacks): the functions, and the declarators for the constant tables.
    declarators: list[SgNode] = []
    # Each function with the function it is written in: a callback reads the variables
    # of the function around it (`new Promise((resolve) => exec(cmd))`, `rows.map(...)`).
    stack: list[tuple[SgNode, ir.Function | None]] = [(root, None)]
    while stack:
        node, enclosing = stack.pop()
        kind = node.kind()
        if kind in _FUNCTIONS:
            func = front.function(node, _function_name(node))
            if enclosing is not None:
                func = replace(func, outer=f"{enclosing.name}:{enclosing.line}")
            out.functions.append(func)
            enclosing = func
        elif kind == "variable_declarator":
            declarators.append(node)
        stack.extend((c, enclosing) for c in node.children() if c.is_named())
    # Constant tables: `const ALLOWED = new Set([...])`, `static final Set<String> X = Set.of(...)`.
    for decl in declarators:
        name, value = decl.field("name"), decl.field("value")
        if name is None or value is None or name.kind() != "identifier":
            continue
        expr = front.expr(value)
        if isinstance(expr, ir.Const) and expr.value is not None:
            parent = decl.parent()
            if name.text().isupper() or (
                parent is not None and parent.kind() == "field_declaration"
            ):
                out.constants[name.text()] = expr.value
        elif _constant_expr(expr):
            out.const_tables.add(name.text())
            out.const_tables.add(f"this.{name.text()}")
    out.functions.sort(key=lambda f: f.line)
    return out


def _constant_expr(expr: ir.Expr) -> bool:
    if isinstance(expr, ir.Seq):
        return bool(expr.items) and all(
            _constant_expr(i) or isinstance(i, ir.Const) for i in expr.items
        )
    if isinstance(expr, ir.Call) and expr.callee.rsplit(".", 1)[-1] in (
        "Set",
        "of",
        "asList",
        "freeze",
        "HashSet",
        "List",
        "Map",
        "ofEntries",
        "entry",
    ):
        return all(isinstance(a, ir.Const) or _constant_expr(a) for a in expr.args)
    return False
