"""Go, Ruby, PHP, Kotlin, C# and Scala front end: ast-grep (tree-sitter) trees into the IR.

Six grammars name the same ideas in six ways, so this walk goes by shape, with small
per-kind tables: a call is a callee plus an argument list whatever the node is called,
a member access is an object plus a name, an interpolated string is its literal parts
and its holes. Anything not recognised becomes `ir.Other` over its children, so an
unknown construct passes taint through rather than hiding a flow.

Request handlers: parameters with a binding annotation (`[FromQuery]`, `@RequestParam`),
text parameters of an action method (`[HttpGet]`, `@GetMapping`, a Play `Action`), and
the parameters of a lambda given to a binder call (Akka HTTP `parameter("q") { q => }`,
ASP.NET Core minimal API `app.MapGet("/x", (string q) => ...)`).
"""

from __future__ import annotations

from dataclasses import replace

from ast_grep_py import SgNode

from bot import lazyre as re
from bot.rules.lib.scopes import scalatra_route
from bot.rules.taint import ir
from bot.rules.taint.spec import Spec

_IDENTS = frozenset(
    {
        "identifier",
        "simple_identifier",
        "field_identifier",
        "package_identifier",
        "constant",
        "variable_name",
        "this",
        "self",
        "this_expression",
        "instance_variable",
        "class_variable",
        "global_variable",
        "name",
        "type_identifier",
        "relative_scope",
        "interpolated_identifier",
    }
)
_MEMBERS = frozenset(
    {
        "selector_expression",
        "navigation_expression",
        "member_access_expression",
        "nullsafe_member_access_expression",
        "field_expression",
        "class_constant_access_expression",
        "scoped_property_access_expression",
        "scope_resolution",
        "conditional_access_expression",
    }
)
_CALLS = frozenset(
    {
        "call_expression",
        "invocation_expression",
        "member_call_expression",
        "nullsafe_member_call_expression",
        "scoped_call_expression",
        "function_call_expression",
        "call",
        "object_creation_expression",
        "implicit_object_creation_expression",
        "instance_expression",
        "generic_function",
    }
)
_ARGS = frozenset(
    {"argument_list", "arguments", "value_arguments", "bracketed_argument_list", "call_suffix"}
)
_STRINGS = frozenset(
    {
        "interpreted_string_literal",
        "raw_string_literal",
        "string",
        "encapsed_string",
        "string_literal",
        "verbatim_string_literal",
        "interpolated_string_expression",
        "interpolated_string",
        "heredoc",
        "nowdoc",
        "heredoc_body",
        "simple_symbol",
        "bare_string",
        "bare_symbol",
        "line_string_literal",
        "multi_line_string_literal",
    }
)
_STRING_TEXT = frozenset(
    {
        "string_content",
        "string_literal_content",
        "interpreted_string_literal_content",
        "raw_string_literal_content",
        "string_fragment",
        "escape_sequence",
        "string_value",
        "heredoc_content",
        "nowdoc_string",
    }
)
_NUMBERS = frozenset(
    {
        "int_literal",
        "float_literal",
        "integer",
        "float",
        "integer_literal",
        "real_literal",
        "floating_point_literal",
        "long_literal",
    }
)
# Akka HTTP `"n".as[Int]`: the type a directive converts the value to.
_AS_TYPE = re.compile(r"\.as\[\s*(\w+)\s*\]")
# A choice used as a value (`when`, `match`, C# `switch` expression) -> its arms.
_CHOICE_ARMS = {
    "when_expression": "when_entry",
    "match_expression": "case_clause",
    "switch_expression": "switch_expression_arm",
}
# Languages whose `/` of two whole numbers is a whole number (truncated toward zero).
_WHOLE_DIVISION = frozenset({"kotlin", "csharp", "scala"})
_BINARY = frozenset(
    {
        "binary_expression",
        "binary",
        "infix_expression",
        "additive_expression",
        "multiplicative_expression",
        "comparison_expression",
        "equality_expression",
        "conjunction_expression",
        "disjunction_expression",
        "check_expression",
        "elvis_expression",
    }
)
_UNARY = frozenset(
    {
        "unary_expression",
        "unary",
        "prefix_expression",
        "postfix_expression",
        "parenthesized_expression",
        "parenthesized_statements",
        "interpolation",
        "interpolated_expression",
        "argument",
        "value_argument",
        "expression_list",
        "reference_modifier",
        "checked_expression",
        "await_expression",
        "as_expression",
        "type_assertion_expression",
        "splat_argument",
        "parenthesized_statement",
        "ascription_expression",
    }
)
_INDEX = frozenset(
    {
        "index_expression",
        "element_reference",
        "subscript_expression",
        "element_access_expression",
        "indexing_expression",
    }
)
_SEQS = frozenset(
    {
        "composite_literal",
        "literal_value",
        "array",
        "hash",
        "array_creation_expression",
        "collection_literal",
        "initializer_expression",
        "implicit_array_creation_expression",
        "tuple_expression",
        "string_array",
        "symbol_array",
    }
)
_PAIRS = frozenset({"pair", "keyed_element", "array_element_initializer", "literal_element"})
_BLOCKS = frozenset(
    {
        "block",
        "statement_list",
        "compound_statement",
        "body_statement",
        "statements",
        "control_structure_body",
        "indented_block",
        "then",
        "else",
        "else_clause",
        "function_body",
        "begin",
        "program",
        "source_file",
        "declaration_list",
        "class_body",
        "template_body",
        "global_statement",
        "colon_block",
    }
)
_ASSIGNS = frozenset(
    {
        "assignment_statement",
        "short_var_declaration",
        "var_spec",
        "const_spec",
        "assignment",
        "operator_assignment",
        "assignment_expression",
        "augmented_assignment_expression",
        "variable_declarator",
        "property_declaration",
        "val_definition",
        "var_definition",
        "const_element",
    }
)
_DECL_WRAPPERS = frozenset(
    {
        "var_declaration",
        "const_declaration",
        "local_declaration_statement",
        "variable_declaration",
        "field_declaration",
        "property_declaration_list",
    }
)
_RETURNS = frozenset({"return_statement", "return", "return_expression"})
# The last result of a Go return when it is the error: `nil`, `err`, `parseErr`,
# `errors.New(...)`, `fmt.Errorf(...)`.
_GO_ERROR_RESULT = re.compile(
    r"^(?:nil|err|e|\w+Err|(?:errors\.(?:New|Wrapf?|WithStack)|fmt\.Errorf)\(.*)$", re.S
)
_THROWS = frozenset({"throw_statement", "throw_expression"})
_IFS = frozenset(
    {"if_statement", "if", "unless", "if_modifier", "unless_modifier", "if_expression"}
)
_LOOPS = frozenset(
    {
        "for_statement",
        "for",
        "while_statement",
        "while",
        "until",
        "foreach_statement",
        "for_expression",
        "while_expression",
        "do_statement",
        "do_while_statement",
        "for_each_statement",
    }
)
_PARAMS = frozenset(
    {
        "parameter_list",
        "parameters",
        "formal_parameters",
        "function_value_parameters",
        "method_parameters",
        "block_parameters",
        "lambda_parameters",
        "lambda_parameter",
        "bindings",
    }
)
_TYPES = frozenset(
    {
        "predefined_type",
        "type_identifier",
        "user_type",
        "named_type",
        "pointer_type",
        "qualified_type",
        "generic_type",
        "nullable_type",
        "primitive_type",
        "slice_type",
        "implicit_type",
    }
)
# Function-like kinds per language (a Scala `block` is a plain block; a Ruby one a closure).
_FUNCTIONS: dict[str, frozenset[str]] = {
    "go": frozenset({"function_declaration", "method_declaration", "func_literal"}),
    "ruby": frozenset({"method", "singleton_method", "do_block", "block", "lambda"}),
    "php": frozenset(
        {
            "function_definition",
            "method_declaration",
            "anonymous_function",
            "anonymous_function_creation_expression",
            "arrow_function",
        }
    ),
    "kotlin": frozenset(
        {"function_declaration", "lambda_literal", "anonymous_function", "secondary_constructor"}
    ),
    "csharp": frozenset(
        {
            "method_declaration",
            "lambda_expression",
            "local_function_statement",
            "constructor_declaration",
            "anonymous_method_expression",
        }
    ),
    "scala": frozenset({"function_definition", "lambda_expression"}),
}
_IMPLICIT_RETURN = frozenset({"ruby", "scala", "kotlin"})


def _last_value_returned(stmts: tuple[ir.Stmt, ...], depth: int = 0) -> tuple[ir.Stmt, ...]:
    """A body whose last expression is its value: `if (c) a else b` as the last statement
    returns the last expression of the branch taken."""
    if not stmts or depth > 32:
        return stmts
    last = stmts[-1]
    if isinstance(last, ir.Eval):
        return (*stmts[:-1], ir.Return(last.line, last.expr))
    if isinstance(last, ir.If):
        body = _last_value_returned(last.body, depth + 1)
        orelse = _last_value_returned(last.orelse, depth + 1)
        return (*stmts[:-1], replace(last, body=body, orelse=orelse))
    return stmts


_CONSTANT_BUILDERS = frozenset(
    {
        "Set",
        "Seq",
        "List",
        "Map",
        "Vector",
        "setOf",
        "listOf",
        "mapOf",
        "hashSetOf",
        "arrayOf",
        "freeze",
        "HashSet",
        "of",
        "ImmutableHashSet.Create",
        "Create",
        "ToHashSet",
        "to",
        "frozenset",
    }
)
# Membership tests spelt per language, written as `<table>.contains(<value>)` for the
# flow engine's allow-list guard.
_MEMBERSHIP = frozenset(
    {"include?", "member?", "key?", "has_key?", "Contains", "ContainsKey", "containsKey"}
)
_MEMBERSHIP_FUNCS = frozenset({"in_array", "array_key_exists", "slices.Contains"})
# Ruby methods that call their block once per element (the element is the block's
# parameter) and the ones that map elements through a method named by a symbol.
_RUBY_ITERATORS = frozenset(
    {
        "each",
        "each_with_index",
        "each_with_object",
        "map",
        "collect",
        "flat_map",
        "find_each",
        "each_slice",
        "select",
        "filter",
        "reject",
        "each_value",
        "filter_map",
        "each_pair",
    }
)
_RUBY_MAPS = frozenset({"map", "collect", "flat_map", "filter_map", "each"})
# Kotlin and Scala methods that call their lambda with the receiver's elements, or with
# the receiver itself (`x?.let { }`, `stream.use { }`): the lambda's parameter (Kotlin's
# `it` when none is named) holds what the receiver holds.
# Kotlin/Scala statements whose lambda arguments are inlined (`inline_lambdas`); blocks,
# branches and loops are not, their statements are.
_LAMBDA_HOLDERS = frozenset(
    {
        "call_expression",
        "property_declaration",
        "val_definition",
        "var_definition",
        "assignment",
        "jump_expression",
        "return_expression",
        "infix_expression",
        "postfix_expression",
    }
)
# Kotlin's string builders that take a lambda, and what the lambda appends with.
_STRING_BUILDERS = frozenset({"buildString"})
_APPENDS = frozenset({"append", "appendLine", "appendln", "insert"})
_TYPE_DECLS = frozenset(
    {"class_declaration", "object_declaration", "class_definition", "object_definition"}
)
# How many lambdas deep a statement's lambda bodies are inlined (real code nests a few;
# a generated file may nest hundreds, and the flow walks a loop's body twice, so each
# level of nested iteration doubles the work).
_MAX_INLINED = 4
_LAMBDA_ITERATORS = frozenset(
    {
        "forEach",
        "foreach",
        "onEach",
        "map",
        "mapNotNull",
        "flatMap",
        "filter",
        "filterNot",
        "let",
        "also",
        "use",
        "forEachPart",
    }
)
# Ruby objects whose `[]` with text is a query (Sequel's database handle).
_RUBY_QUERY_INDEX = frozenset({"DB", "db", "database", "DATABASE"})
# Ruby methods whose receiver is what reaches the sink (`params[:t].constantize`).
_RECEIVER_SINKS = frozenset({"constantize", "safe_constantize", "html_safe"})
# Go calls that decode request data into their pointer argument.
_GO_DECODERS = frozenset(
    {
        "ShouldBind",
        "ShouldBindJSON",
        "ShouldBindQuery",
        "ShouldBindUri",
        "ShouldBindWith",
        "ShouldBindHeader",
        "ShouldBindXML",
        "Bind",
        "BindJSON",
        "BindQuery",
        "BindUri",
        "BindHeader",
        "BodyParser",
        "QueryParser",
        "Decode",
        "Unmarshal",
    }
)
_GO_BINDING_STMTS = frozenset({"call_expression", "short_var_declaration", "assignment_statement"})
# ScalikeJDBC's `${SQLSyntax.createUnsafely(col)}` puts the text into the query as it is.
_UNSAFE_SQL_HOLE = re.compile(r"\bcreateUnsafely\(")
_SPLICE = re.compile(r"#\s*$")


def _line(node: SgNode) -> int:
    return node.range().start.line + 1


def _end(node: SgNode) -> int:
    return node.range().end.line + 1


def _named(node: SgNode) -> list[SgNode]:
    return [c for c in node.children() if c.is_named() and c.kind() != "comment"]


def _clean_name(text: str) -> str:
    text = text.lstrip("$@").replace("::", ".").replace("->", ".").replace("?.", ".")
    # A PHP name with its namespace (`\Foo\DB::select`) ends like the short one.
    return text.replace("\\", ".").lstrip(".") if "\\" in text else text


def _middle(node: SgNode) -> str:
    kids = node.children()
    for child in kids[1:-1] if len(kids) > 2 else kids:
        if not child.is_named() or child.kind() == "operator_identifier":
            return child.text()
    return ""


def _kotlin_produces_html(node: SgNode) -> bool:
    """`@GetMapping("/x", produces = ["text/html"])` on a Kotlin function."""
    for holder in node.children():
        if holder.kind() == "modifiers":
            text = holder.text()
            return len(text) < 2000 and ("text/html" in text or "TEXT_HTML" in text)
    return False


_PHP_ROUTE = re.compile(r"""\bRoute\s*\((?:[^()"']|"[^"]*"|'[^']*')*\)""")


def _php_route_slot(node: SgNode, name: str) -> bool:
    """Whether `name` may come from the route: a `{name}` slot in the `#[Route(...)]` of
    the method or its class, or no route path to judge by."""
    parent = node.parent()
    holders = [node, parent, parent.parent() if parent is not None else None]
    texts = [
        child.text()
        for holder in holders
        if holder is not None
        for child in holder.children()
        if child.kind() == "attribute_list"
    ]
    routes = [m.group(0) for text in texts for m in _PHP_ROUTE.finditer(text)]
    if not routes:
        return True
    slot = re.compile(r"\{" + re.escape(name.lstrip("$")) + r"\b")
    return any(slot.search(route) for route in routes)


def _marks(node: SgNode) -> list[str]:
    """Annotation / attribute names on a declaration or parameter (C#, Kotlin, Scala, PHP)."""
    out: list[str] = []
    holders = [node]
    holders += [c for c in node.children() if c.kind() in ("modifiers", "parameter_modifiers")]
    prev = node.prev()
    if prev is not None and prev.kind() == "parameter_modifiers":
        holders.append(prev)
    for holder in holders:
        for child in holder.children():
            kind = child.kind()
            if kind == "attribute_list":
                for attr in _named(child):
                    name = attr.field("name") or next(iter(_named(attr)), None)
                    if name is not None:
                        out.append(name.text().rsplit(".", 1)[-1].removesuffix("Attribute"))
            elif kind == "attribute_group":
                for attr in child.find_all(kind="attribute"):
                    kids = _named(attr)
                    if kids:
                        out.append(kids[0].text().rsplit("\\", 1)[-1])
            elif kind == "annotation":
                text = child.text().lstrip("@").split("(", 1)[0].strip()
                out.append(text.rsplit(".", 1)[-1])
    return out


class _Front:
    def __init__(self, spec: Spec, language: str, text: str) -> None:
        self.spec = spec
        self.language = language
        self.text = text
        # Lambda bodies inlined into the statement that holds them, counted down the nesting
        # (`_MAX_INLINED`): each level nests the statements once more.
        self.inlined = 0
        self.functions = _FUNCTIONS[language]
        # Lambda nodes (by start offset) whose parameters are request input.
        self.bound: dict[int, str] = {}
        self.binders = _BINDERS | (_scala_binders(text) if language == "scala" else frozenset())
        self.property_sanitizers = frozenset(
            item.callee[2:] for item in spec.sanitizers if item.callee.startswith("*.")
        )

    # --- names -----------------------------------------------------------------------

    def member_parts(self, node: SgNode) -> tuple[SgNode | None, str]:
        kind = node.kind()
        kids = _named(node)
        if kind == "navigation_expression":
            suffix = kids[-1] if kids else None
            name = _named(suffix)[-1].text() if suffix is not None and _named(suffix) else "?"
            return (kids[0] if kids else None), name
        obj = (
            node.field("operand")
            or node.field("object")
            or node.field("expression")
            or node.field("value")
            or node.field("scope")
            or (kids[0] if kids else None)
        )
        name_node = node.field("field") or node.field("name") or (kids[-1] if kids else None)
        name = name_node.text() if name_node is not None else "?"
        if name_node is not None and name_node.kind() == "generic_name":
            name = name.split("<", 1)[0]  # C# `db.Query<User>(...)` is `Query`
        return obj, _clean_name(name)

    def dotted_text(self, node: SgNode | None) -> str:
        if node is None:
            return "?"
        kind = node.kind()
        if kind in _IDENTS or kind in ("relative_scope", "qualified_name", "predefined_type"):
            return _clean_name(node.text())
        if kind in _MEMBERS:
            obj, name = self.member_parts(node)
            return f"{self.dotted_text(obj)}.{name}"
        if kind in _CALLS:
            return self.call_parts(node)[0]
        if kind in _UNARY and _named(node):
            return self.dotted_text(_named(node)[0])
        return "?"

    def call_parts(self, node: SgNode) -> tuple[str, SgNode | None, list[SgNode], list[SgNode]]:
        """(callee, receiver node, argument nodes, trailing lambdas/blocks)."""
        kind = node.kind()
        kids = _named(node)
        args: list[SgNode] = []
        lambdas: list[SgNode] = []

        def take(container: SgNode | None) -> None:
            if container is None:
                return
            for child in _named(container):
                ck = child.kind()
                if ck in ("value_arguments", "argument_list", "arguments"):
                    take(child)
                elif ck in ("annotated_lambda", "lambda_literal", "do_block", "block"):
                    lambdas.append(child)
                elif ck in ("block_argument",):
                    continue
                else:
                    args.append(child)

        if kind == "call":  # Ruby
            recv = node.field("receiver")
            method = node.field("method")
            take(node.field("arguments"))
            block = node.field("block")
            if block is not None:
                lambdas.append(block)
            name = method.text() if method is not None else "?"
            callee = f"{self.dotted_text(recv)}.{name}" if recv is not None else name
            return callee, recv, args, lambdas
        if kind in ("member_call_expression", "nullsafe_member_call_expression"):
            recv = node.field("object")
            name_node = node.field("name")
            take(node.field("arguments"))
            name = name_node.text() if name_node is not None else "?"
            return f"{self.dotted_text(recv)}.{name}", recv, args, lambdas
        if kind == "scoped_call_expression":
            scope = node.field("scope")
            name_node = node.field("name")
            take(node.field("arguments"))
            name = name_node.text() if name_node is not None else "?"
            return f"{self.dotted_text(scope)}.{name}", scope, args, lambdas
        if kind in ("object_creation_expression", "instance_expression"):
            type_node = node.field("type") or next(
                (k for k in kids if k.kind() not in _ARGS and k.kind() != "initializer_expression"),
                None,
            )
            for k in kids:
                if k.kind() in _ARGS:
                    take(k)
            for k in kids:
                if k.kind() == "initializer_expression":
                    # C# `new ProcessStartInfo { FileName = x }`: the values count after
                    # the constructor's arguments.
                    for item in _named(k):
                        value = _named(item)[-1] if item.kind() == "assignment_expression" else item
                        args.append(value)
            name = type_node.text() if type_node is not None else "?"
            return _clean_name(name.split("<", 1)[0].split("(", 1)[0]), None, args, lambdas
        if kind == "generic_function":
            return (
                self.call_parts(kids[0])
                if kids and kids[0].kind() in _CALLS
                else (
                    self.dotted_text(kids[0]) if kids else "?",
                    # `sql"...".as[User]`: the receiver is evaluated (and may be a sink).
                    self.member_parts(kids[0])[0] if kids and kids[0].kind() in _MEMBERS else None,
                    [],
                    [],
                )
            )
        func = node.field("function")
        if func is None:
            func = kids[0] if kids else None
        for k in kids:
            if k is func:
                continue
            if k.kind() in _ARGS:
                take(k)
            elif k.kind() in ("block", "lambda_expression", "annotated_lambda", "case_block"):
                lambdas.append(k)
        arguments = node.field("arguments")
        if arguments is not None and not any(arguments == k for k in kids):
            take(arguments)
        recv = None
        if func is not None and func.kind() in _MEMBERS:
            recv = self.member_parts(func)[0]
        if func is not None and func.kind() == "call_expression" and self.language == "scala":
            # Curried: `respondWithHeader(RawHeader("X", v)) { ... }` passes both lists.
            callee, recv, first, more = self.call_parts(func)
            return callee, recv, first + args, more + lambdas
        return self.dotted_text(func), recv, args, lambdas

    # --- expressions -----------------------------------------------------------------

    def expr(self, node: SgNode | None) -> ir.Expr:
        if node is None:
            return ir.Const(0, None)
        kind = node.kind()
        line = _line(node)
        if kind in _IDENTS:
            text = node.text()
            if kind == "instance_variable":
                return ir.Name(line, "self." + text.lstrip("@"))
            return ir.Name(line, _clean_name(text))
        if kind in _STRINGS:
            return self.string(node)
        if kind == "heredoc_beginning":
            # Ruby: the text of `x = <<~SQL` follows the statement it starts.
            holder = node
            parent = holder.parent()
            while parent is not None and parent.kind() not in _BLOCKS:
                holder, parent = parent, parent.parent()
            after = holder.next()
            while after is not None and not after.is_named():
                after = after.next()
            if after is not None and after.kind() == "heredoc_body":
                return self.string(after)
            return ir.Other(line)
        if kind in ("subshell", "shell_command_expression"):  # Ruby and PHP backticks
            return ir.Call(line, "`", None, (self.string(node),), end=_end(node))
        if kind in _NUMBERS:
            text = node.text().rstrip("lLfFdDmMuU").replace("_", "")
            try:
                return ir.Const(line, int(text))
            except ValueError:
                try:
                    return ir.Const(line, float(text))
                except ValueError:
                    return ir.Const(line, None)
        if kind in ("true", "false", "boolean", "boolean_literal"):
            return ir.Const(line, node.text().lower() == "true")
        if kind in ("nil", "null", "null_literal"):
            return ir.Const(line, None)
        if kind in _MEMBERS:
            obj, name = self.member_parts(node)
            if name in ("!!", "!") and obj is not None:  # Scala `Seq(...).!!` runs it
                program = self.expr(obj)
                if obj.kind() == "call_expression" and self.dotted_text(obj).split("(")[0] in (
                    "Seq",
                    "List",
                    "Vector",
                    "Array",
                ):
                    # An argument list runs its first element with the others as argv, no
                    # shell: only the program's name is a command.
                    listed = [self.expr(a) for a in self.call_parts(obj)[2]]
                    program = listed[0] if listed else ir.Const(line, None)
                    heads = [a.value if isinstance(a, ir.Const) else None for a in listed[:2]]
                    if len(listed) >= 3 and heads[0] in _SHELL_NAMES and heads[1] == "-c":
                        program = listed[2]  # `Seq("sh", "-c", script)`: the shell runs it
                return ir.Call(line, "sys.process.!!", self.expr(obj), (program,))
            if name in self.property_sanitizers and obj is not None:
                # Scala `n.toInt`, Kotlin `s.length`: a conversion written without `()`.
                return ir.Call(line, f"{self.dotted_text(obj)}.{name}", self.expr(obj))
            return ir.Attr(line, self.expr(obj), name)
        if kind in _INDEX:
            kids = _named(node)
            obj = node.field("operand") or node.field("object") or (kids[0] if kids else None)
            key = node.field("index") or (kids[1] if len(kids) > 1 else None)
            while key is not None and key.kind() in (
                "bracketed_argument_list",
                "indexing_suffix",
                "argument",
            ):
                inner = _named(key)
                key = inner[0] if inner else None
            base = self.expr(obj)
            if (
                kind == "element_reference"
                and isinstance(base, ir.Name)
                and base.name.rsplit(".", 1)[-1] in _RUBY_QUERY_INDEX
                and key is not None
                and key.kind() in _STRINGS
            ):
                # Sequel's `DB["SELECT ...", x]` runs the text; later entries are bound.
                args = tuple(self.expr(k) for k in kids[1:]) or (self.expr(key),)
                return ir.Call(line, f"{base.name}.[]", base, args, end=_end(node))
            return ir.Index(line, base, self.expr(key))
        if kind in _CALLS:
            return self.call(node)
        if kind in _BINARY:
            return self.binary(node)
        if kind in _CHOICE_ARMS:
            return self.choice(node)
        if kind == "case" and self.language == "ruby":
            return self.ruby_case(node)
        if kind in ("cast_expression",):
            type_node = node.field("type") or next(
                (k for k in _named(node) if k.kind() in ("cast_type", "predefined_type")), None
            )
            value = node.field("value") or _named(node)[-1]
            type_text = type_node.text().strip("() ") if type_node is not None else "?"
            return ir.Call(line, f"({type_text})", None, (self.expr(value),))
        if (
            kind
            in (
                "unary",
                "unary_expression",
                "prefix_expression",
                "unary_op_expression",
                "prefix_unary_expression",
            )
            and node.text()[:1] == "!"
        ):
            kids = _named(node)
            return ir.Op(line, "not", self.expr(kids[-1] if kids else None))
        if kind in _UNARY:
            kids = [
                k
                for k in _named(node)
                if k.kind() not in _TYPES and k.kind() != "interpolation_brace"
            ]
            if kind == "value_argument" and len(kids) == 2:
                kids = kids[1:]
            return self.expr(kids[-1]) if kids else ir.Other(line)
        if kind in ("ternary_expression", "conditional_expression", "conditional"):
            kids = _named(node)
            test = node.field("condition") or (kids[0] if kids else None)
            then = (
                node.field("consequence")
                or node.field("body")
                or (kids[1] if len(kids) > 1 else None)
            )
            other = node.field("alternative") or (kids[2] if len(kids) > 2 else None)
            return ir.Cond(line, self.expr(test), self.expr(then), self.expr(other))
        if kind == "if_expression" or kind == "if":
            test, then, other = self.if_parts(node)
            return ir.Cond(line, self.expr(test), self.value_of(then), self.value_of(other))
        if kind == "literal_element" and len(_named(node)) == 1:  # Go `{"a": true}` parts
            return self.expr(_named(node)[0])
        if kind in _SEQS:
            items: list[ir.Expr] = []
            keys: list[str | int | None] = []
            for child in _named(node):
                ck = child.kind()
                if ck in _TYPES or ck in ("implicit_type", "array_type", "map_type", "slice_type"):
                    continue
                if ck in _PAIRS or ck == "literal_value":
                    inner = _named(child)
                    if ck == "literal_value":
                        items.append(self.expr(child))
                        keys.append(None)
                    elif inner:
                        head = self.expr(inner[0]) if len(inner) == 2 else None
                        key_text = head.value if isinstance(head, ir.Const) else None
                        items.append(ir.script_operand(line, key_text, self.expr(inner[-1])))
                        keys.append(key_text if isinstance(key_text, str) else None)
                else:
                    items.append(self.expr(child))
                    keys.append(None)
            # A PHP or Ruby map with constant keys and plain values keeps its keys, so a
            # read of one entry (`$opts['limit']`) and an option by name are known.
            keyed = (
                self.language in ("php", "ruby")
                and bool(items)
                and all(isinstance(k, str) for k in keys)
                and not any(isinstance(i, ir.Seq) for i in items)
            )
            flat: list[ir.Expr] = []
            for item in items:
                flat.extend(item.items if isinstance(item, ir.Seq) else (item,))
            const = all(isinstance(i, ir.Const) for i in flat)
            return ir.Seq(line, tuple(flat), const, tuple(keys) if keyed else ())
        if kind in self.functions or kind in ("annotated_lambda", "lambda_literal"):
            return ir.Other(line)
        if kind == "print_intrinsic":  # PHP `print`, a language construct
            return ir.Call(line, "print", None, tuple(self.expr(k) for k in _named(node)))
        if (
            kind == "include_expression"
            or kind == "require_expression"
            or kind
            in (
                "include_once_expression",
                "require_once_expression",
            )
        ):
            kids = _named(node)
            return ir.Call(line, "include", None, tuple(self.expr(k) for k in kids))
        if kind in ("assignment", "assignment_expression"):
            return self.expr(node.field("right") or _named(node)[-1])
        return ir.Other(line, tuple(self.expr(c) for c in _named(node)))

    def value_of(self, node: SgNode | None) -> ir.Expr:
        """The value of a block used as an expression: its last expression."""
        if node is None:
            return ir.Const(0, None)
        if node.kind() in _BLOCKS or node.kind() in ("else", "then", "else_clause"):
            kids = _named(node)
            return self.value_of(kids[-1]) if kids else ir.Const(_line(node), None)
        return self.expr(node)

    def _scala_parts(self, body: SgNode) -> list[ir.Expr]:
        """The text and the holes of `s"https://x/$id?q=${q}"` in order: the tree holds
        only the holes, the text is what lies between them."""
        line = _line(body)
        children = body.children()
        quote = children[0].text() if children and not children[0].is_named() else '"'
        span = body.range()
        pos, end = span.start.index + len(quote), span.end.index - len(quote)
        parts: list[ir.Expr] = []
        for child in children:
            if child.kind() != "interpolation":
                continue
            start = child.range().start.index
            if start > pos:
                parts.append(ir.Const(line, self.text[pos:start]))
            inner = _named(child)
            parts.append(self.expr(inner[0] if inner else child))
            pos = child.range().end.index
        if end > pos:
            parts.append(ir.Const(line, self.text[pos:end]))
        return parts

    def string(self, node: SgNode) -> ir.Expr:
        line = _line(node)
        kind = node.kind()
        kids = _named(node)
        if kind == "interpolated_string_expression" and self.language == "scala":
            prefix = kids[0].text() if kids else ""
            body = kids[1] if len(kids) > 1 else None
            holes = [k for k in _named(body)] if body is not None else []
            if prefix in ("sql", "sqlu", "tsql", "SQL", "fr", "fr0"):
                # Slick, Anorm (`SQL"..."`) and doobie (`sql"..."`, `fr"..."`) bind `$x` as a
                # parameter; only `#$x` splices text into the query.
                spliced = tuple(
                    self.expr(_named(h)[0] if _named(h) else h)
                    for h in holes
                    if _SPLICE.search(self.text[: h.range().start.index][-3:])
                    or _UNSAFE_SQL_HOLE.search(h.text()[:200])
                )
                return ir.Call(line, prefix, None, (ir.Concat(line, spliced),))
            return ir.Concat(line, tuple(self._scala_parts(body))) if body else ir.Const(line, "")
        if not kids:
            text = node.text()
            if kind == "simple_symbol":
                return ir.Const(line, text.lstrip(":"))
            return ir.Const(line, text.strip("\"'`@$"))
        parts: list[ir.Expr] = []
        for child in kids:
            ck = child.kind()
            if ck in _STRING_TEXT:
                parts.append(ir.Const(line, child.text()))
            elif ck in (
                "interpolation_start",
                "interpolation_brace",
                "interpolation_identifier_start",
                "interpolation_expression_start",
                "interpolation_expression_end",
            ):
                continue
            elif ck in _STRINGS:
                parts.append(self.string(child))
            else:
                parts.append(self.expr(child))
        if all(isinstance(p, ir.Const) for p in parts):
            return ir.Const(line, "".join(str(p.value) for p in parts if isinstance(p, ir.Const)))
        return ir.Concat(line, tuple(parts))

    def choice(self, node: SgNode) -> ir.Expr:
        """Kotlin `when`, Scala `match`, C# `switch` used as a value: one of the arms'
        results; the subject and the patterns are only compared, never the value."""
        results: list[ir.Expr] = []
        if self.language == "php":
            # PHP 8 `match`: each arm's value is its last child (after `=>`).
            block = next((k for k in _named(node) if k.kind() == "match_block"), None)
            for arm in _named(block) if block is not None else []:
                kids = _named(arm)
                arm_kinds = ("match_conditional_expression", "match_default_expression")
                if arm.kind() in arm_kinds and kids:
                    results.append(self.expr(kids[-1]))
            return ir.Other(_line(node), tuple(results))
        arm_kind = _CHOICE_ARMS[node.kind()]
        for arm in node.find_all(kind=arm_kind):
            kids = [k for k in _named(arm) if k.kind() != "guard"]
            body = arm.field("body") or (kids[-1] if kids else None)
            if body is not None and body.kind() in ("control_structure_body", "block"):
                inner = _named(body)
                body = inner[-1] if inner else None
            if body is not None:
                results.append(self.expr(body))
        return ir.Other(_line(node), tuple(results))

    def ruby_case(self, node: SgNode) -> ir.Expr:
        """Ruby `case x when "a" then "col_a" ... else ... end` used as a value: one of the
        arms' last values; the subject is only compared (an allow-list map of literals
        leaves no input in the result)."""
        results: list[ir.Expr] = []
        for arm in _named(node):
            body = next((k for k in _named(arm) if k.kind() == "then"), None)
            if arm.kind() == "else":
                body = arm
            inner = _named(body) if body is not None else []
            if inner:
                results.append(self.expr(inner[-1]))
        return ir.Other(_line(node), tuple(results))

    def binary(self, node: SgNode) -> ir.Expr:
        line = _line(node)
        kids = _named(node)
        left = node.field("left") or (kids[0] if kids else None)
        right = node.field("right") or (kids[-1] if len(kids) > 1 else None)
        op_node = node.field("operator")
        op = op_node.text() if op_node is not None else _middle(node)
        if node.kind() == "check_expression":
            op = "in" if "!in" not in node.text() else "notin"
            if " is " in node.text():
                return ir.Other(line)
        op = {
            "&&": "and",
            "||": "or",
            "and": "and",
            "or": "or",
            "===": "==",
            "!==": "!=",
            "??": "or",
            "?:": "or",
            ".": "+",
            "++": "+",
        }.get(op, op)
        if op == "/" and self.language in _WHOLE_DIVISION:
            op = "cdiv"
        return ir.Op(line, op, self.expr(left), self.expr(right))

    def _filter_predicate(self, holder: SgNode) -> tuple[str, ir.Expr] | None:
        """The parameter and the test of a one-parameter lambda given to `filter`/`takeIf`
        (Kotlin's implicit `it` when it names none)."""
        lam = holder
        if lam.kind() == "annotated_lambda":
            lam = next((k for k in _named(lam) if k.kind() == "lambda_literal"), lam)
        if lam.kind() == "block":
            inner = _named(lam)
            lam = inner[0] if len(inner) == 1 else lam
        if lam.kind() not in ("lambda_expression", "lambda_literal"):
            return None
        names = [n for p in self.param_nodes(lam) for n in [self.param_info(p)[0]] if n]
        if len(names) > 1:
            return None
        name = names[0] if names else "it"
        kids = _named(lam)
        if not kids:
            return None
        value = kids[-1]  # the body comes after the parameters
        if value.kind() == "statements":
            inner = _named(value)
            if len(inner) != 1:
                return None
            value = inner[0]
        return name, self.expr(value)

    def _appended(self, lam: SgNode) -> tuple[ir.Expr, ...]:
        """The arguments of every `append`/`appendLine` call in a builder lambda."""
        out: list[ir.Expr] = []
        for inner in lam.find_all(kind="call_expression"):
            callee, _, args, _ = self.call_parts(inner)
            if callee.rsplit(".", 1)[-1] in _APPENDS:
                out.extend(self.expr(arg) for arg in args)
        return tuple(out)

    def call(self, node: SgNode) -> ir.Expr:
        line = _line(node)
        callee, recv, args, lambdas = self.call_parts(node)
        kwargs: list[tuple[str, ir.Expr]] = []
        positional: list[ir.Expr] = []
        for arg in args:
            key, value = self.keyword(arg)
            if key is not None:
                kwargs.append((key, self.expr(value)))
            else:
                positional.append(self.expr(arg))
        last = callee.rsplit(".", 1)[-1]
        symbol = _ruby_symbol_block(node) if last in _RUBY_MAPS else None
        if symbol is not None and recv is not None:
            # `ids.map(&:to_i)`: each element answers that method, as `ids.to_i` would.
            return ir.Call(line, f"{callee[: -len(last)]}{symbol}", self.expr(recv), ())
        if last in self.binders:
            self._mark(callee, lambdas, args)
        if (
            last in ("filter", "takeIf")
            and recv is not None
            and self.language
            in (
                "scala",
                "kotlin",
            )
        ):
            holders = [*lambdas, *args]
            allowed = _membership_table(holders[0].text()) if len(holders) == 1 else None
            if allowed is not None:
                # `origin.filter(allowed.contains)`: only a value in the table comes out.
                item = ir.Name(line, "$filtered")
                test = ir.Call(line, "table.contains", ir.Name(line, allowed), (item,))
                return ir.Comp(line, ("$filtered",), self.expr(recv), item, (test,))
            predicate = self._filter_predicate(holders[0]) if len(holders) == 1 else None
            if predicate is not None:
                # `next.filter(n => n.startsWith("/") && !n.startsWith("//"))`: only a value
                # the predicate holds for comes out.
                name, test_expr = predicate
                return ir.Comp(line, (name,), self.expr(recv), ir.Name(line, name), (test_expr,))
        for lam in lambdas:
            # Kotlin's `buildString { append(x) }`: what the lambda appends is the result.
            parts = self._appended(lam) if last in _STRING_BUILDERS else ()
            positional.append(ir.Other(_line(lam), parts))
        recv_expr = self.expr(recv) if recv is not None else None
        if last in _RECEIVER_SINKS and recv_expr is not None:
            positional.insert(0, recv_expr)
        if last in _MEMBERSHIP and recv_expr is not None and positional:
            return ir.Call(line, f"{callee[: -len(last)]}contains", recv_expr, tuple(positional))
        if callee in _MEMBERSHIP_FUNCS and len(positional) >= 2:
            needle, table = positional[0], positional[1]
            if callee == "slices.Contains":
                needle, table = table, needle
            return ir.Call(line, "table.contains", table, (needle,))
        made = node.kind() in _CONSTRUCTORS
        return ir.Call(
            line, callee, recv_expr, tuple(positional), tuple(kwargs), end=_end(node), new=made
        )

    def mark_binder(self, node: SgNode) -> None:
        callee, _, args, lambdas = self.call_parts(node)
        inner = node.child(0)
        if not args and inner is not None and inner.kind() in _BINDER_CALLS:
            args = self.call_parts(inner)[2]  # curried: `parameter("n".as[Int]) { n => }`
        if callee.rsplit(".", 1)[-1].split("[", 1)[0] in self.binders:
            self._mark(callee, lambdas, args)
        elif (
            self.language == "scala"
            and callee.rsplit(".", 1)[-1] in ("path", "pathPrefix", "pathSuffix")
            and any(_AKKA_TEXT_MATCHER.search(a.text()) for a in args if len(a.text()) < 300)
        ):
            # Akka HTTP `path("teams" / Segment) { team => ... }`: the matched segment.
            self._mark(callee, lambdas, [])

    def _mark(self, callee: str, lambdas: list[SgNode], args: list[SgNode]) -> None:
        names = [a for a in args if a.kind() not in self.functions and a.kind() != "lambda_literal"]
        if names and all(self._typed_safe_binding(a) for a in names):
            return  # Akka `parameter("n".as[Int])`: the directive hands over a number
        for holder in [*lambdas, *args]:
            for lam in [holder, *_named(holder)]:
                if lam.kind() in self.functions or lam.kind() == "lambda_literal":
                    self.bound[lam.range().start.index] = callee

    def _typed_safe_binding(self, arg: SgNode) -> bool:
        if self.language != "scala":
            return False
        text = arg.text()
        if len(text) > 120:
            return False
        match = _AS_TYPE.search(text)
        return match is not None and match.group(1) in self.spec.safe_types

    def keyword(self, arg: SgNode) -> tuple[str | None, SgNode]:
        kind = arg.kind()
        kids = _named(arg)
        if kind == "pair" and kids:  # Ruby `inline: x`
            return kids[0].text().strip(":\"'"), kids[-1]
        named_arg = kind == "argument" and len(kids) == 2
        if named_arg and kids[0].kind() in ("name", "identifier"):
            head = arg.text().split(":", 1)[0].strip()
            if head == kids[0].text():
                return kids[0].text(), kids[1]
        if kind == "value_argument" and len(kids) == 2 and "=" in arg.text():
            return kids[0].text(), kids[1]
        if kind == "assignment_expression" and self.language == "scala" and len(kids) == 2:
            return kids[0].text(), kids[1]
        return None, arg

    def if_parts(self, node: SgNode) -> tuple[SgNode | None, SgNode | None, SgNode | None]:
        kids = _named(node)
        test = node.field("condition")
        then = node.field("consequence") or node.field("body")
        other = node.field("alternative")
        if test is None:
            test = next((k for k in kids if k.kind() not in _BLOCKS), None)
        if then is None:
            rest = [k for k in kids if k is not test and k != test]
            then = rest[0] if rest else None
            if other is None and len(rest) > 1:
                other = rest[1]
        return test, then, other

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
        if self.language == "go" and node.kind() in _GO_BINDING_STMTS:
            out.extend(self.go_out_args(node))
        if (
            self.language in ("kotlin", "scala")
            and node.kind() in _LAMBDA_HOLDERS
            and not any(isinstance(s, ir.Loop) for s in out)
        ):
            out = [*self.inline_lambdas(node), *out]
        if self.language == "scala" and node.kind() in _LAMBDA_HOLDERS:
            # `val r = x match { case Some(c) => use(c) }`: the cases run here, with their
            # bindings, before the value is taken.
            for match in _outer_matches(node):
                out = [*self.scala_match(match), *out]
        return out

    def inline_lambdas(self, node: SgNode) -> list[ir.Stmt]:
        """The bodies of the lambdas and by-name blocks a Kotlin or Scala statement hands
        to calls (`db.withConnection { implicit c => SQL(...) }`, `Future { ... }`,
        `transaction { exec(sql) }`), as code that may run here: a helper followed with
        tainted arguments reaches the sink inside them. (Each lambda is also walked as a
        closure of its own.)"""
        out: list[ir.Stmt] = []
        if self.inlined >= _MAX_INLINED:
            return out  # deeper lambdas are still walked as closures of their own
        self.inlined += 1
        try:
            self._inline_into(node, out)
        finally:
            self.inlined -= 1
        return out

    def _inline_into(self, node: SgNode, out: list[ir.Stmt]) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            for child in _named(current):
                kind = child.kind()
                body: tuple[ir.Stmt, ...] | None = None
                if kind == "annotated_lambda":
                    lam = next((k for k in _named(child) if k.kind() == "lambda_literal"), None)
                    body = self._body(lam, lam) if lam is not None else ()
                elif kind == "lambda_literal":
                    body = self._body(child, child)
                elif kind == "lambda_expression":
                    body = self._lambda_expression_body(child)
                elif kind == "case_block" and current.kind() == "call_expression":
                    # `.map { case Some(order) => ... }`: a partial function's cases.
                    body = tuple(self.case_arms(child, ir.Other(_line(child))))
                elif kind == "block" and current.kind() == "call_expression":
                    inner = _named(child)
                    if len(inner) == 1 and inner[0].kind() == "lambda_expression":
                        body = self._lambda_expression_body(inner[0])
                    else:
                        body = self.block(child)  # a by-name block: `Future { ... }`
                elif kind in self.functions or kind in _TYPE_DECLS:
                    continue
                if body is None:
                    stack.append(child)
                elif body:
                    out.append(ir.If(_line(child), ir.Other(_line(child)), body))

    def _lambda_expression_body(self, lam: SgNode) -> tuple[ir.Stmt, ...]:
        kids = [k for k in _named(lam) if k.kind() not in _PARAMS]
        if len(kids) < 2:
            return ()
        last = kids[-1]
        if last.kind() in _BLOCKS:
            return self.block(last)
        return (ir.Eval(_line(last), self.expr(last)),)

    def go_out_args(self, node: SgNode) -> list[ir.Stmt]:
        """Go decodes into a pointer argument: after `c.ShouldBindJSON(&req)` or
        `json.NewDecoder(r.Body).Decode(&in)`, `req`/`in` hold what the call read."""
        if "&" not in node.text():
            return []
        calls = [node] if node.kind() == "call_expression" else []
        calls += [c for c in node.find_all(kind="call_expression") if "&" in c.text()]
        out: list[ir.Stmt] = []
        for call in calls:
            callee, _, args, _ = self.call_parts(call)
            if callee.rsplit(".", 1)[-1] not in _GO_DECODERS:
                continue
            for arg in args:
                inner = _named(arg)
                pointer = arg.kind() == "unary_expression" and arg.text().startswith("&")
                if pointer and inner and inner[-1].kind() == "identifier":
                    out.append(ir.Assign(_line(call), (inner[-1].text(),), self.expr(call)))
        return out

    def _stmt(self, node: SgNode) -> list[ir.Stmt]:
        kind = node.kind()
        line = _line(node)
        if kind in self.functions or kind in (
            "class_declaration",
            "class",
            "class_definition",
            "object_definition",
            "module",
            "interface_declaration",
            "type_declaration",
            "import_declaration",
            "using_directive",
            "namespace_use_declaration",
            "package_clause",
            "import_list",
            "import_header",
        ):
            return []
        if kind in _BLOCKS:
            return list(self.block(node))
        if kind == "match_expression" and self.language == "scala":
            return self.scala_match(node)
        if kind == "for_expression" and self.language == "scala":
            return self.scala_for(node)
        if kind == "echo_statement":  # PHP: writes its operands into the page
            args = tuple(self.expr(k) for k in _named(node) if k.kind() != "comment")
            return [ir.Eval(line, ir.Call(line, "echo", None, args, end=_end(node)))]
        if kind == "expression_statement":
            inner = _named(node)
            return [s for k in inner for s in self.stmt(k)]
        if kind in _DECL_WRAPPERS:
            return [s for k in _named(node) for s in self.stmt(k)]
        if kind in _ASSIGNS:
            return self.assign(node)
        if kind == "binary" and self.language == "ruby":
            # Rails' `head :not_found and return`: the statement ends the action.
            right = node.field("right")
            if right is not None and right.kind() in _RETURNS:
                left = node.field("left")
                return [*(self.stmt(left) if left is not None else []), *self.stmt(right)]
        if kind in _RETURNS or (kind == "jump_expression" and node.text().startswith("return")):
            inner = [k for k in _named(node) if k.kind() != "label"]
            if inner and inner[0].kind() == "argument_list":
                inner = _named(inner[0])
            if inner and inner[0].kind() == "expression_list" and self.language == "go":
                return [ir.Return(line, self.go_results(inner[0]))]
            return [ir.Return(line, self.expr(inner[0]) if inner else None)]
        if kind in _THROWS or (kind == "jump_expression" and node.text().startswith("throw")):
            return [ir.Stop(line)]
        if kind == "call" and _ruby_raise(node.text()):
            return [ir.Stop(line)]
        if kind == "exit_statement" or (
            kind == "function_call_expression" and self.dotted_text(node) in ("die", "exit")
        ):
            # PHP's `exit;`, `exit(1)`, `die('no')`: the script ends here (what it prints
            # is still written to the page).
            if kind == "function_call_expression":
                return [ir.Eval(line, self.expr(node)), ir.Stop(line)]
            args = tuple(self.expr(k) for k in _named(node) if k.kind() != "comment")
            return [ir.Eval(line, ir.Call(line, "exit", None, args, end=_end(node))), ir.Stop(line)]
        if kind == "call" and node.field("receiver") is None and _ruby_method(node) == "halt":
            return [ir.Eval(line, self.expr(node)), ir.Stop(line)]  # Sinatra ends the request
        if kind == "call_expression" and self.dotted_text(node) in ("panic", "log.Fatal"):
            return [ir.Stop(line)]
        if (
            kind == "call_expression"
            and self.language in ("kotlin", "scala")
            and self.dotted_text(node) in ("require", "check")
        ):
            # Kotlin/Scala `require(ok)`: throws when `ok` is false, so after it `ok` holds.
            checked = self.call_parts(node)[2]
            if checked:
                failed = ir.Op(line, "not", self.expr(checked[0]))
                return [ir.If(line, failed, (ir.Stop(line),))]
        if kind == "expression_switch_statement" and node.field("value") is not None:
            return self.go_switch(node)
        if kind in _IFS:
            test, then, other = self.if_parts(node)
            out: list[ir.Stmt] = []
            init = node.field("initializer")
            if init is not None:
                out.extend(self.stmt(init))
            test_expr = self.go_comma_ok(init, test) or self.expr(test)
            if kind in ("unless", "unless_modifier"):
                test_expr = ir.Op(line, "not", test_expr)
            body = self.block(then)
            orelse = self.block(other) if other is not None else ()
            if other is not None and other.kind() in ("elsif", "else_if_clause"):
                orelse = tuple(self.stmt(other))
            out.append(ir.If(line, test_expr, body, orelse))
            return out
        if kind in ("elsif", "else_if_clause"):
            test, then, other = self.if_parts(node)
            return [
                ir.If(
                    line,
                    self.expr(test),
                    self.block(then),
                    self.block(other) if other is not None else (),
                )
            ]
        if kind in _LOOPS:
            loop_body = node.field("body") or next(
                (k for k in reversed(_named(node)) if k.kind() in _BLOCKS or k.kind() == "do"),
                None,
            )
            targets: list[str] = []
            iter_expr: ir.Expr = ir.Other(line)
            clause = next((k for k in _named(node) if k.kind() == "range_clause"), None)
            if clause is not None:
                left, right = clause.field("left"), clause.field("right")
                if left is not None:
                    targets = [k.text() for k in left.find_all(kind="identifier")]
                iter_expr = self.expr(right)
            if kind == "foreach_statement" and self.language == "php":
                # `foreach ($rows as $k => $v)`: key and value both come from the array.
                parts = [k for k in _named(node) if k is not loop_body]
                if len(parts) >= 2:
                    iter_expr = self.expr(parts[0])
                    bound = parts[1]
                    names = _named(bound) if bound.kind() == "pair" else [bound]
                    targets = [_clean_name(n.text()) for n in names if n.kind() == "variable_name"]
            return [ir.Loop(line, tuple(targets), iter_expr, self.block(loop_body))]
        if kind == "call" and self.language == "ruby":
            loop = self.ruby_iteration(node)
            if loop is not None:
                return [loop]
        if kind == "call_expression" and self.language in ("kotlin", "scala"):
            loop = self.lambda_iteration(node)
            if loop is not None:
                return [loop]
        if kind in ("call", "call_expression", "invocation_expression") or kind in _CALLS:
            return [ir.Eval(line, self.expr(node))]
        if kind in _MEMBERS:  # a statement that is a member access: Scala `Seq(...).!!`
            return [ir.Eval(line, self.expr(node))]
        # switch, case/when, match, try, using: their statements may or may not run.
        nested: list[ir.Stmt] = []
        for child in _named(node):
            ck = child.kind()
            if (
                ck in _BLOCKS
                or ck.endswith(("statement", "clause", "case", "when", "_block"))
                or ck in _ASSIGNS
                or ck in _CALLS
                or ck in _DECL_WRAPPERS
                or ck in _IFS
                or ck in ("case_clause", "when", "switch_section", "expression_case")
            ):
                nested.extend(self.stmt(child))
        if not nested:
            return [ir.Eval(line, self.expr(node))]
        return [ir.If(line, ir.Other(line), tuple(nested))] if nested else []

    def scala_match(self, node: SgNode) -> list[ir.Stmt]:
        """`x match { case Some(c) => ... }`: each case may run, with the names its pattern
        binds holding (parts of) what `x` holds."""
        line = _line(node)
        value = node.field("value")
        scrutinee = self.expr(value) if value is not None else ir.Other(line)
        return [ir.Eval(line, scrutinee), *self.case_arms(node.field("body"), scrutinee)]

    def case_arms(self, cases: SgNode | None, scrutinee: ir.Expr) -> list[ir.Stmt]:
        """Each case of a `match` or of a partial function (`.map { case Some(o) => }`)
        as a branch that may run, its pattern's names bound to (parts of) `scrutinee`."""
        arms: list[ir.Stmt] = []
        for clause in _named(cases) if cases is not None else []:
            if clause.kind() != "case_clause":
                continue
            pattern = clause.field("pattern")
            names = [] if pattern is None else _pattern_bindings(pattern)
            body: list[ir.Stmt] = []
            if names:
                body.append(ir.Assign(_line(clause), tuple(names), scrutinee))
            skip = pattern.range().start.index if pattern is not None else -1
            for child in _named(clause):
                if child.range().start.index == skip or child.kind() == "guard":
                    continue
                body.extend(self.stmt(child))
            arms.append(ir.If(_line(clause), ir.Other(_line(clause)), tuple(body)))
        return arms

    def scala_for(self, node: SgNode) -> list[ir.Stmt]:
        """`for { html <- client.expect(req); dest = next.getOrElse("/") } yield ...`: each
        generator binds its pattern's names to (the elements of) its value, each `=` to
        its value, in order; then the body runs with them."""
        out: list[ir.Stmt] = []
        enumerators = next((k for k in _named(node) if k.kind() == "enumerators"), None)
        for item in _named(enumerators) if enumerators is not None else []:
            if item.kind() != "enumerator":
                continue
            parts = [k for k in _named(item) if k.kind() not in ("guard", "comment")]
            if len(parts) < 2:
                if parts:
                    out.extend(self.stmt(parts[0]))
                continue
            pattern, value = parts[0], parts[-1]
            names = _pattern_bindings(pattern)
            expr = self.expr(value)
            out.extend(self.inline_lambdas(item))
            if names:
                out.append(ir.Assign(_line(item), tuple(names), expr))
            else:
                out.append(ir.Eval(_line(item), expr))
        body = node.field("body")
        if body is not None:
            out.extend(self.stmt(body))
        return out

    def ruby_iteration(self, node: SgNode) -> ir.Loop | None:
        """`rows.each do |row| ... end` as a loop over `rows`: the block's parameters
        hold its elements (the block is also walked as a closure of its own)."""
        block = node.field("block")
        method = node.field("method")
        recv = node.field("receiver")
        if block is None or method is None or recv is None:
            return None
        if method.text() not in _RUBY_ITERATORS:
            return None
        params = next((k for k in _named(block) if k.kind() == "block_parameters"), None)
        if params is None:
            return None
        targets = [k.text() for k in params.find_all(kind="identifier")]
        body = self._body(block, block)
        return ir.Loop(_line(node), tuple(targets), self.expr(recv), body)

    def lambda_iteration(self, node: SgNode) -> ir.Loop | None:
        """`names.forEach { name -> ... }`, `x?.let { ... }`, Scala `names.foreach(n => ...)`:
        a loop over the receiver whose target is the lambda's parameter (the lambda is also
        walked as a closure of its own)."""
        callee, recv, args, lambdas = self.call_parts(node)
        if recv is None or callee.rsplit(".", 1)[-1] not in _LAMBDA_ITERATORS:
            return None
        holders = [*lambdas, *args]
        if len(holders) != 1:
            return None
        lam = holders[0]
        if lam.kind() == "annotated_lambda":
            lam = next((k for k in _named(lam) if k.kind() == "lambda_literal"), lam)
        if lam.kind() == "block":  # Scala `xs.foreach { n => ... }`
            lam = next((k for k in _named(lam) if k.kind() == "lambda_expression"), lam)
        if lam.kind() == "lambda_literal":
            held = next((k for k in _named(lam) if k.kind() == "lambda_parameters"), None)
            names = [k.text() for k in held.find_all(kind="simple_identifier")] if held else ["it"]
        elif lam.kind() == "lambda_expression":
            names = [_clean_name(k.text()) for k in self.param_nodes(lam)]
        else:
            return None
        if len(names) != 1 or self.inlined >= _MAX_INLINED:
            return None  # `forEach { (k, v) -> }`, indexed forms: not the element alone
        self.inlined += 1
        try:
            body = self._body(lam.field("body") or lam, lam)
        finally:
            self.inlined -= 1
        return ir.Loop(_line(node), tuple(names), self.expr(recv), body)

    def go_switch(self, node: SgNode) -> list[ir.Stmt]:
        """`switch v { case "a", "b": ... default: ... }` as the chain of tests it is, so
        a case list of constants is an allow-list for `v` in that case's body."""
        line = _line(node)
        out: list[ir.Stmt] = []
        init = node.field("initializer")
        if init is not None:
            out.extend(self.stmt(init))
        subject = self.expr(node.field("value"))
        cases = [k for k in _named(node) if k.kind() == "expression_case"]
        default = next((k for k in _named(node) if k.kind() == "default_case"), None)
        chain: tuple[ir.Stmt, ...] = ()
        if default is not None:
            chain = tuple(s for k in _named(default) for s in self.stmt(k))
        for case in reversed(cases):
            values = case.field("value")
            items = tuple(self.expr(v) for v in _named(values)) if values is not None else ()
            const = all(isinstance(i, ir.Const) for i in items)
            test = ir.Op(_line(case), "in", subject, ir.Seq(_line(case), items, const))
            body = tuple(
                s for k in _named(case) if k.kind() != "expression_list" for s in self.stmt(k)
            )
            chain = (ir.If(_line(case), test, body, chain),)
        return [*out, *chain] if chain else [*out, ir.Eval(line, subject)]

    def go_results(self, node: SgNode) -> ir.Expr:
        """What a Go `return a, b` gives its caller: every result but a trailing error
        (`return u.String(), nil`, `return "", err`), which the caller binds apart."""
        items = _named(node)
        if len(items) >= 2 and _GO_ERROR_RESULT.match(items[-1].text()):
            items = items[:-1]
        if len(items) == 1:
            return self.expr(items[0])
        return ir.Other(_line(node), tuple(self.expr(item) for item in items))

    def go_comma_ok(self, init: SgNode | None, test: SgNode | None) -> ir.Expr | None:
        """`if _, ok := table[x]; !ok {` tests membership of `x` in `table`."""
        if self.language != "go" or init is None or test is None:
            return None
        if init.kind() != "short_var_declaration":
            return None
        left, right = init.field("left"), init.field("right")
        names = _named(left) if left is not None else []
        values = _named(right) if right is not None else []
        if len(names) != 2 or len(values) != 1 or values[0].kind() != "index_expression":
            return None
        ok = names[1].text()
        negated = test.kind() == "unary_expression" and test.text().startswith("!")
        tested = _named(test)[0] if negated and _named(test) else test
        if tested.kind() != "identifier" or tested.text() != ok:
            return None
        pair = _named(values[0])
        if len(pair) != 2:
            return None
        line = _line(test)
        member = ir.Call(line, "table.contains", self.expr(pair[0]), (self.expr(pair[1]),))
        return ir.Op(line, "not", member) if negated else member

    def assign(self, node: SgNode) -> list[ir.Stmt]:
        kind = node.kind()
        line = _line(node)
        kids = _named(node)
        op = _middle(node) if kind not in ("variable_declarator", "property_declaration") else "="
        if kind in ("var_spec", "const_spec"):
            names = [k for k in kids if k.kind() == "identifier"]
            value = node.field("value")
            values = _named(value) if value is not None else []
            return self._bind_lists(names, values, line, "=")
        if kind == "variable_declarator":  # C#
            name = node.field("name") or (kids[0] if kids else None)
            value = kids[-1] if len(kids) > 1 else None
            if value is not None and value.kind() == "equals_value_clause":
                value = _named(value)[0] if _named(value) else None
            if name is None or value is None or value is name:
                return []
            return self._bind(name, self._typed(node.parent(), self.expr(value)), line)
        if kind == "property_declaration":  # Kotlin
            decl = next((k for k in kids if k.kind() == "variable_declaration"), None)
            value = kids[-1] if kids and kids[-1] is not decl else None
            if decl is None or value is None or value.kind() in ("variable_declaration",):
                return []
            names = [k for k in _named(decl) if k.kind() == "simple_identifier"]
            if not names:
                return []
            return self._bind(names[0], self.expr(value), line)
        if kind in ("val_definition", "var_definition"):  # Scala
            pattern = node.field("pattern") or (kids[0] if kids else None)
            value = node.field("value") or (kids[-1] if len(kids) > 1 else None)
            if pattern is None or value is None:
                return []
            return self._bind(pattern, self.expr(value), line)
        if kind in ("assignment_statement", "short_var_declaration"):  # Go
            left, right = node.field("left"), node.field("right")
            lnames = _named(left) if left is not None else []
            rvalues = _named(right) if right is not None else []
            return self._bind_lists(lnames, rvalues, line, op)
        if kind == "const_element":
            return self._bind(kids[0], self.expr(kids[-1]), line) if len(kids) > 1 else []
        left = node.field("left") or (kids[0] if kids else None)
        right = node.field("right") or (kids[-1] if len(kids) > 1 else None)
        if kind == "assignment" and self.language == "kotlin" and left is not None:
            left = _named(left)[0] if left.kind() == "directly_assignable_expression" else left
        if left is None or right is None:
            return []
        if left.kind() in ("left_assignment_list", "expression_list"):
            # `a, b = call(...)` (Ruby): every name gets the one call's value.
            lists = ("right_assignment_list", "expression_list", "array")
            rights = _named(right) if right.kind() in lists else [right]
            return self._bind_lists(_named(left), rights, line, op)
        return self._bind(left, self._compound(left, op, self.expr(right), line), line)

    def _typed(self, decl: SgNode | None, value: ir.Expr) -> ir.Expr:
        """C# `int id = ...`: a local declared as a number holds no text."""
        type_node = decl.field("type") if decl is not None else None
        if type_node is None or isinstance(value, ir.Const):
            return value
        if type_node.text() in self.spec.safe_types:
            return ir.Other(value.line, ())
        return value

    def _compound(self, left: SgNode, op: str, value: ir.Expr, line: int) -> ir.Expr:
        if op in ("+=", ".=", "<<", "++="):
            return ir.Concat(line, (self.expr(left), value))
        if op.endswith("=") and op not in ("=", ":=", "==", "||=", "&&=", "??="):
            return ir.Op(line, op.rstrip("="), self.expr(left), value)
        if op in ("||=", "??="):
            return ir.Op(line, "or", self.expr(left), value)
        return value

    def _bind_lists(
        self, names: list[SgNode], values: list[SgNode], line: int, op: str
    ) -> list[ir.Stmt]:
        if len(names) == len(values):
            out: list[ir.Stmt] = []
            for name, value in zip(names, values, strict=True):
                out.extend(self._bind(name, self._compound(name, op, self.expr(value), line), line))
            return out
        joined = (
            self.expr(values[0])
            if len(values) == 1
            else ir.Other(line, tuple(map(self.expr, values)))
        )
        return [s for name in names for s in self._bind(name, joined, line)]

    def _bind(self, target: SgNode, value: ir.Expr, line: int) -> list[ir.Stmt]:
        kind = target.kind()
        if kind in _INDEX:
            kids = _named(target)
            base = target.field("operand") or target.field("object") or (kids[0] if kids else None)
            name = self._dotted(base)
            return [ir.Assign(line, (name,), value, merge=True)] if name else [ir.Eval(line, value)]
        name = self._dotted(target)
        if name == "_":
            return [ir.Eval(line, value)]
        return [ir.Assign(line, (name,), value)] if name else [ir.Eval(line, value)]

    def _dotted(self, node: SgNode | None) -> str | None:
        if node is None:
            return None
        kind = node.kind()
        if kind in _IDENTS:
            if kind == "instance_variable":
                return "self." + node.text().lstrip("@")
            return _clean_name(node.text())
        if kind in _MEMBERS:
            obj, name = self.member_parts(node)
            base = self._dotted(obj)
            return None if base is None else f"{base}.{name}"
        if kind in ("typed_pattern", "identifier_pattern", "variable_declaration"):
            kids = _named(node)
            return self._dotted(kids[0]) if kids else None
        return None

    # --- functions -------------------------------------------------------------------

    def function(self, node: SgNode) -> ir.Function:
        if node.kind() == "case_clause":
            return self.http4s_route(node)
        if node.kind() == "block" and self.language == "scala":
            # A Scalatra route, `post("/feeds/:id") { ... }`: it reads the request
            # through `params` and `request`; its block's value is the answer.
            route = _last_value_returned(self._body(node, node))
            return ir.Function(f"<route:{_line(node)}>", _line(node), (), route, False, True)
        kind = node.kind()
        kids = _named(node)
        name_node = node.field("name")
        if name_node is None:
            name_node = next(
                (k for k in kids if k.kind() in ("identifier", "simple_identifier", "name")), None
            )
        is_lambda = kind in ("func_literal", "do_block", "block", "lambda", "lambda_literal")
        is_lambda = is_lambda or kind in (
            "lambda_expression",
            "anonymous_function",
            "arrow_function",
        )
        is_lambda = is_lambda or kind == "anonymous_function_creation_expression"
        name = (
            name_node.text()
            if name_node is not None and not is_lambda
            else f"<lambda:{_line(node)}>"
        )
        marks = _marks(node)
        handler = any(m in self.spec.handler_marks for m in marks)
        if self.language == "ruby" and kind in ("do_block", "block"):
            handler = _sinatra_route(node)
        controller = self.language == "php" and not handler and _php_action(node)
        handler = handler or controller
        page_model = None
        if self.language == "csharp" and kind == "method_declaration" and not handler:
            page_model = _razor_page(node, name)
            handler = page_model is not None
        binder = self.bound.get(node.range().start.index)
        body = node.field("body")
        if self.language == "scala" and kind == "function_definition":
            value = kids[-1] if kids else None
            if value is not None and value.kind() == "call_expression":
                head = self.dotted_text(value)
                if head.split(".", 1)[0] == "Action":
                    handler = True  # a Play action: route parameters are request input
                    block = next((k for k in _named(value) if k.kind() == "block"), None)
                    if block is not None and not any(
                        k.kind() == "lambda_expression" for k in _named(block)
                    ):
                        body = block
        params: list[ir.Param] = []
        for param in self.param_nodes(node):
            pname, ptype = self.param_info(param)
            if not pname:
                continue
            bound = [m for m in _marks(param) if m in self.spec.param_marks]
            source: str | None = f"@{bound[0]}" if bound else None
            segment = self.language == "kotlin" and bool(bound)
            segment = segment and ir.one_path_segment(bound[0], param.text(), pname, self.text)
            base_type = ptype.split("<", 1)[0].split("[", 1)[0].rstrip("?").rsplit(".", 1)[-1]
            typed_safe = base_type in self.spec.safe_types
            if source is None and handler and base_type in ("String", "string", "str"):
                source = "request parameter"
                if self.language == "php" and not _php_route_slot(node, pname):
                    # Symfony fills a scalar argument from the route's `{slot}` of that
                    # name; any other is bound from the container (`%kernel.project_dir%`).
                    source = None
            if (
                source is None
                and handler
                and self.language == "kotlin"
                and self.spec.request_model(ptype, _marks(param))
            ):
                source = "request model"  # Spring's implicit `@ModelAttribute`
            if source is None and handler and self.language == "scala" and base_type == "Request":
                source = "request"  # Cask's `request: cask.Request`: the whole request
            if source is None and controller and not ptype:
                # Laravel passes route segments to a controller action's untyped
                # parameters (`public function show($slug)`).
                source = "route parameter"
            textual = base_type in ("", "String", "string") or self.language == "scala"
            if source is None and binder is not None and not typed_safe and textual:
                source = f"`{binder}` binding"
            if (
                source is None
                and binder is not None
                and self.language == "csharp"
                and (
                    _BODY_MODEL.search(base_type)
                    or (binder.endswith(_BODY_VERBS) and _posted_type(base_type))
                )
            ):
                # A minimal API binds a parameter of a model type from the JSON body
                # (`(WebhookTestRequest req) => ...`); services come by interface or name.
                source = f"`{binder}` body"
            if (
                source is None
                and handler
                and self.language == "csharp"
                and not typed_safe
                and base_type
                and base_type not in _CSHARP_NOT_BOUND
                and not _INTERFACE.match(base_type)
                and "FromServices" not in _marks(param)
            ):
                # A controller action's parameters are bound from the request (route,
                # query, form or body) unless they are services or the framework's own.
                source = "request model"
            upload = base_type in self.spec.upload_types
            params.append(ir.Param(pname, source, typed_safe, segment, upload))
        if page_model is not None:
            # Razor Pages fill `[BindProperty]` properties from the request before the
            # handler runs: inside it they are request input.
            taken = {p.name for p in params}
            params.extend(
                ir.Param(prop, ir.BOUND_PROPERTY)
                for prop in _bound_properties(page_model)
                if prop not in taken
            )
        if body is None:
            block_kids = [k for k in kids if k.kind() in _BLOCKS or k.kind() == "statements"]
            body = block_kids[-1] if block_kids else None
        if body is None and kind in ("lambda_expression", "function_definition", "arrow_function"):
            body = kids[-1] if kids and kids[-1].kind() not in _PARAMS else None
        if body is None and kind in ("lambda_literal", "do_block", "block"):
            body = node
        if body is not None and body.kind() not in _BLOCKS and body is not node:
            stmts: tuple[ir.Stmt, ...] = (ir.Return(_line(body), self.expr(body)),)
            if self.language in ("kotlin", "scala"):
                stmts = (*self.inline_lambdas(body), *stmts)
        else:
            stmts = self._body(body, node)
        if self.language in _IMPLICIT_RETURN and stmts and isinstance(stmts[-1], ir.Eval | ir.If):
            stmts = _last_value_returned(stmts)
        elif (
            self.language == "ruby"
            and stmts
            and isinstance(stmts[-1], ir.Assign)
            and len(stmts[-1].targets) == 1
            and stmts[-1].key is None
            and stmts[-1].index is None
        ):
            # `@json_body ||= JSON.parse(request.body.read)`: a Ruby method returns the
            # value its last assignment stored (the memoised helper).
            last = stmts[-1]
            stmts = (*stmts, ir.Return(last.line, ir.Name(last.line, last.targets[0])))
        html = handler and self.language == "kotlin" and _kotlin_produces_html(node)
        owner = _go_receiver_type(node) if self.language == "go" else None
        return ir.Function(
            name, _line(node), tuple(params), stmts, False, handler, returns_html=html, owner=owner
        )

    def http4s_route(self, node: SgNode) -> ir.Function:
        """An http4s route, `case req @ GET -> Root / "users" / id :? NameParam(name) =>`: a
        handler whose pattern binds the path segments and query parameters (request input)
        and, with `req @`, the request itself."""
        kids = _named(node)
        pattern, body = kids[0], kids[1:]
        params: list[ir.Param] = []
        for ident in pattern.find_all(kind="identifier"):
            name = ident.text()
            if name in _HTTP4S_NOT_BOUND or not name[:1].islower():
                continue
            parent = ident.parent()
            source = (
                "http4s request"
                if parent is not None and parent.kind() == "capture_pattern"
                else "http4s route"
            )
            if all(p.name != name for p in params):
                params.append(ir.Param(name, source))
        stmts: list[ir.Stmt] = []
        for child in body:
            # Statements, so a match, a `for` or a lambda handed to a call
            # (`req.as[Job].flatMap { job => ... }`) is walked with its bindings.
            stmts.extend(self.stmt(child))
        if stmts and isinstance(stmts[-1], ir.Eval):
            stmts[-1] = ir.Return(stmts[-1].line, stmts[-1].expr)
        return ir.Function(
            f"<route:{_line(node)}>", _line(node), tuple(params), tuple(stmts), False, True
        )

    def _body(self, body: SgNode | None, func: SgNode) -> tuple[ir.Stmt, ...]:
        if body is None:
            return ()
        if body is func:
            out: list[ir.Stmt] = []
            for child in _named(body):
                if child.kind() in _PARAMS or child.kind() == "lambda_parameters":
                    continue
                out.extend(self.stmt(child))
            return tuple(out)
        return self.block(body)

    def param_nodes(self, node: SgNode) -> list[SgNode]:
        holder = node.field("parameters")
        if holder is None:
            holder = next((k for k in _named(node) if k.kind() in _PARAMS), None)
        if holder is None and node.kind() == "lambda_expression":
            kids = _named(node)
            if kids and kids[0].kind() in ("identifier", "bindings"):
                return [kids[0]] if kids[0].kind() == "identifier" else _named(kids[0])
        if holder is None:
            return []
        if holder.kind() in ("identifier", "lambda_parameter"):
            return [holder]
        out: list[SgNode] = []
        for k in _named(holder):
            if (
                k.kind() in ("lambda_parameter", "variable_declaration")
                and _named(k)
                or k.kind() not in ("parameter_modifiers", "attribute_list")
            ):
                out.append(k)
        return out

    def param_info(self, param: SgNode) -> tuple[str | None, str]:
        kind = param.kind()
        if kind in ("identifier", "simple_identifier"):
            return param.text(), ""
        kids = _named(param)
        name_node = param.field("name")
        if name_node is None:
            name_node = next(
                (
                    k
                    for k in kids
                    if k.kind() in ("identifier", "simple_identifier", "variable_name")
                ),
                None,
            )
        if name_node is None and kind == "lambda_parameter" and kids:
            return self.param_info(kids[0])
        type_node = param.field("type") or next((k for k in kids if k.kind() in _TYPES), None)
        ptype = type_node.text() if type_node is not None else ""
        name = _clean_name(name_node.text()) if name_node is not None else None
        return name, ptype.lstrip("*&")


# Programs that run their `-c` argument as a shell script.
_SHELL_NAMES = frozenset(
    {"sh", "bash", "zsh", "dash", "ksh", "/bin/sh", "/bin/bash", "/usr/bin/env"}
)
# Calls whose lambda's parameters are request input: Akka HTTP directives and the
# ASP.NET Core minimal API route builders.
# Akka HTTP path matchers that hand over text from the URL (not `IntNumber`, `JavaUUID`).
_AKKA_TEXT_MATCHER = re.compile(r"\b(?:Segments?|Remaining(?:Path)?)\b")
_BINDERS = frozenset(
    {
        "parameter",
        "parameters",
        "formField",
        "formFields",
        "entity",
        "headerValueByName",
        "optionalHeaderValueByName",
        "cookie",
        "MapGet",
        "MapPost",
        "MapPut",
        "MapDelete",
        "MapPatch",
    }
)


# The type names request bodies go by (`CreateOrderRequest`, `UserDto`, `SignupForm`).
# Action parameters ASP.NET fills from itself, not from the request.
_CSHARP_NOT_BOUND = frozenset(
    {"CancellationToken", "HttpContext", "HttpRequest", "HttpResponse", "ClaimsPrincipal"}
)
_INTERFACE = re.compile(r"^I[A-Z]")
_BODY_MODEL = re.compile(r"[a-z](?:Request|Dto|DTO|Model|Command|Input|Payload|Form|Body)$")
# A POST, PUT or PATCH minimal API binds any other class parameter from the JSON body
# unless it is a service: an interface, the framework's own, or a name that says so.
_BODY_VERBS = ("MapPost", "MapPut", "MapPatch")
_SERVICE_TYPE = re.compile(
    r"(?:Service|Context|Repository|Repo|Factory|Client|Provider|Manager|Handler|Options"
    r"|Settings|Logger|Store|Cache|Queue|Bus|Sender|Publisher|Mediator|Validator|Mapper"
    r"|Accessor|Environment|Configuration|Generator|Writer|Reader|Helper|Engine)$"
)


def _posted_type(name: str) -> bool:
    return (
        bool(name)
        and name[:1].isupper()
        and not _INTERFACE.match(name)
        and name not in _CSHARP_NOT_BOUND
        and not _SERVICE_TYPE.search(name)
    )


# Scala servers whose handler is a lambda given to a call: Tapir's server logic (its
# parameters are the endpoint's inputs) and, in a file using ZIO HTTP, `handler { (req:
# Request) => }` (`handler` names many things elsewhere, so only there).
_TAPIR_BINDERS = frozenset(
    {
        "serverLogic",
        "serverLogicSuccess",
        "serverLogicPure",
        "serverLogicOption",
        "serverLogicRecoverErrors",
        "serverLogicRightErrorOrSuccess",
        "handleSuccess",
    }
)


def _scala_binders(text: str) -> frozenset[str]:
    names = _TAPIR_BINDERS if "tapir" in text else frozenset()
    return names | {"handler"} if "zio.http" in text else names


_RAZOR_HANDLER = re.compile(r"^On(?:Get|Post|Put|Delete|Patch)\w*$")


def _razor_page(node: SgNode, name: str) -> SgNode | None:
    """The Razor `PageModel` class whose handler method (`OnGet`, `OnPostDeleteAsync`)
    this is, else None."""
    if not _RAZOR_HANDLER.match(name):
        return None
    holder = node.parent()
    cls = holder.parent() if holder is not None else None
    if cls is None or cls.kind() != "class_declaration":
        return None
    bases = next((k for k in cls.children() if k.kind() == "base_list"), None)
    return cls if bases is not None and "PageModel" in bases.text() else None


def _bound_properties(cls: SgNode) -> list[str]:
    """Properties a Razor page binds from the request: `[BindProperty]` ones, or every
    public settable one under `[BindProperties]` on the class."""
    every = "BindProperties" in _marks(cls)
    body = next((k for k in cls.children() if k.kind() == "declaration_list"), None)
    out: list[str] = []
    for prop in _named(body) if body is not None else []:
        if prop.kind() != "property_declaration":
            continue
        if not every and "BindProperty" not in _marks(prop):
            continue
        ident = next((k for k in prop.children() if k.kind() == "identifier"), None)
        if ident is not None:
            out.append(ident.text())
    return out


# Call node kinds a binder call can be, and the head of its callee without building it.
_BINDER_CALLS = frozenset({"call_expression", "invocation_expression", "call"})
_CONSTRUCTORS = frozenset(
    {"object_creation_expression", "implicit_object_creation_expression", "instance_expression"}
)


_SINATRA_VERBS = frozenset({"get", "post", "put", "patch", "delete", "options"})


def _sinatra_route(block: SgNode) -> bool:
    """`get "/path" do ... end`: a Sinatra route, whose block's value is the body."""
    call = block.parent()
    if call is None or call.kind() != "call" or call.field("receiver") is not None:
        return False
    if _ruby_method(call) not in _SINATRA_VERBS:
        return False
    args = call.field("arguments")
    first = _named(args)[0] if args is not None and _named(args) else None
    return first is not None and first.kind() == "string"


def _ruby_symbol_block(node: SgNode) -> str | None:
    """`to_i` of `map(&:to_i)`."""
    if node.kind() != "call":
        return None
    holder = node.field("arguments") or node.field("block")
    for child in _named(holder) if holder is not None else []:
        if child.kind() == "block_argument":
            inner = _named(child)
            if inner and inner[0].kind() == "simple_symbol":
                return inner[0].text().lstrip(":")
    return None


def _go_receiver_type(node: SgNode) -> str | None:
    """`Server` of `func (s *Server) name(...)`: the type a Go method is declared on."""
    if node.kind() != "method_declaration":
        return None
    receiver = node.field("receiver")
    if receiver is None:
        return None
    found = re.search(r"(\w+)\s*(?:\[[^\]]*\])?\s*\)\s*$", receiver.text())
    return found.group(1) if found else None


def _php_action(node: SgNode) -> bool:
    """A public method of a PHP controller class (`class PostController extends
    Controller`): an action whose parameters the router fills from the URL."""
    if node.kind() != "method_declaration":
        return False
    name = node.field("name")
    if name is None or name.text().startswith("__"):
        return False
    for child in node.children():
        if child.kind() == "visibility_modifier" and child.text() != "public":
            return False
        if child.kind() == "static_modifier":
            return False
    holder = node.parent()
    owner = holder.parent() if holder is not None else None
    if owner is None or owner.kind() != "class_declaration":
        return False
    names = [owner.field("name")]
    names += [c for b in owner.children() if b.kind() == "base_clause" for c in _named(b)]
    if not any(n is not None and n.text().endswith("Controller") for n in names):
        return False
    # Where the class routes its actions with attributes or annotations (`#[Route(...)]`,
    # `@Route(...)`), a public method without one is a helper (an upload library's
    # validation callback), not an action the router calls.
    return _routed_method(node) or not _ROUTE_MARK.search(owner.text())


_ROUTE_MARK = re.compile(r"#\[[^\]]*?\bRoute\s*\(|@Route\s*\(")


def _routed_method(node: SgNode) -> bool:
    """The method carries its own route: a `#[Route]` attribute or a doc comment's `@Route`."""
    for child in node.children():
        if child.kind() == "attribute_list" and _ROUTE_MARK.search(child.text()):
            return True
    before = node.prev()
    return before is not None and before.kind() == "comment" and "@Route" in before.text()


def _ruby_method(node: SgNode) -> str:
    method = node.field("method")
    return method.text() if method is not None else ""


def _callee_head(node: SgNode) -> str:
    first = node.child(0)
    # A curried call (`parameter("q") { q => }`) is a call whose callee is a call.
    while first is not None and first.kind() in _BINDER_CALLS:
        first = first.child(0)
    if first is None:
        return ""
    span = first.range()
    if span.end.index - span.start.index > 200:
        return ""
    # `run.serverLogicSuccess[Future] { cmd => }`: the type arguments are not the name.
    return first.text().rsplit(".", 1)[-1].split("[", 1)[0]


def _constant_expr(expr: ir.Expr) -> bool:
    if isinstance(expr, ir.Seq):
        return bool(expr.items) and all(
            isinstance(i, ir.Const) or _constant_expr(i) for i in expr.items
        )
    if isinstance(expr, ir.Call):
        last = expr.callee.rsplit(".", 1)[-1]
        if last in _CONSTANT_BUILDERS:
            inner = [*expr.args]
            if expr.recv is not None and last in ("freeze", "ToHashSet", "to"):
                inner.append(expr.recv)
            return all(isinstance(a, ir.Const) or _constant_expr(a) for a in inner)
    if isinstance(expr, ir.Op) and expr.right is not None:  # Kotlin `"a" to "b"`
        return _constant_expr(expr.left) or isinstance(expr.left, ir.Const)
    return False


def module(root: SgNode, spec: Spec, language: str, text: str) -> ir.Module:
    front = _Front(spec, language, text)
    out = ir.Module(language)
    functions: list[tuple[SgNode, SgNode | None]] = []  # (function, the one it is in)
    top: list[SgNode] = []
    binders: list[SgNode] = []
    scalatra = language == "scala" and "scalatra" in text
    stack: list[tuple[SgNode, SgNode | None]] = [(root, None)]
    while stack:
        node, enclosing = stack.pop()
        kind = node.kind()
        if (
            kind in front.functions
            and not (language == "ruby" and kind == "block" and node.parent() is None)
        ) or (
            language == "scala"
            and (
                (kind == "case_clause" and _http4s_route(node))
                or (kind == "block" and scalatra and scalatra_route(node))
            )
        ):
            functions.append((node, enclosing))
            enclosing = node
        elif enclosing is None and (kind in _ASSIGNS or kind == "const_declaration"):
            top.append(node)
        if kind in _BINDER_CALLS and (
            _callee_head(node) in front.binders
            or (language == "scala" and _callee_head(node) in ("path", "pathPrefix", "pathSuffix"))
        ):
            binders.append(node)
        stack.extend((c, enclosing) for c in node.children() if c.is_named())
    # Mark binder lambdas before any function is built: a binder call may sit in an
    # object or class body the statement walk does not enter (an Akka `val route`).
    for node in binders:
        front.mark_binder(node)
    top_stmts: list[ir.Stmt] = []
    for child in _named(root):
        top_stmts.extend(front.stmt(child))
    built: dict[int, ir.Function] = {}
    for node, enclosing in sorted(functions, key=lambda pair: pair[0].range().start.index):
        func = front.function(node)
        if enclosing is not None:
            parent = built.get(enclosing.range().start.index)
            if parent is not None:
                func = replace(func, outer=f"{parent.name}:{parent.line}")
        built[node.range().start.index] = func
        out.functions.append(func)
    out.functions.insert(0, ir.Function("<module>", 1, (), tuple(top_stmts)))
    for node in top:
        for stmt in front.stmt(node):
            if not isinstance(stmt, ir.Assign) or len(stmt.targets) != 1:
                continue
            name = stmt.targets[0]
            short = name.rsplit(".", 1)[-1]
            if isinstance(stmt.value, ir.Const) and stmt.value.value is not None:
                out.constants[short] = stmt.value.value
            elif _constant_expr(stmt.value):
                for alias in {name, short, f"self.{short}", f"this.{short}", f"static.{short}"}:
                    out.const_tables.add(alias)
    out.functions.sort(key=lambda f: f.line)
    if language == "go":
        out.text_fields = _go_scalar_fields(root)
        out.makers = _go_makers(root)
    return out


def _go_makers(root: SgNode) -> dict[str, str]:
    """Names bound to a struct literal of a named type (`c := &http.Client{...}`, `var
    client = http.Client{}`) and struct fields declared with a named type
    (`client *http.Client`), name -> type. A name bound to two types is left out."""
    found: dict[str, set[str]] = {}
    for node in root.find_all(kind="composite_literal"):
        kind = node.field("type")
        holder = node.parent()
        if kind is None or holder is None:
            continue
        if holder.kind() == "unary_expression":
            holder = holder.parent()
        if holder is None or holder.kind() != "expression_list":
            continue
        decl = holder.parent()
        if decl is None or decl.kind() not in (
            "short_var_declaration",
            "var_spec",
            "assignment_statement",
        ):
            continue
        left = decl.field("left") or decl.field("name")
        if left is not None and left.kind() in ("identifier", "expression_list"):
            names = [left] if left.kind() == "identifier" else _named(left)
            if len(names) == 1:
                found.setdefault(names[0].text(), set()).add(kind.text())
    for node in root.find_all(kind="field_declaration"):
        kind = node.field("type")
        if kind is None or "." not in kind.text():
            continue
        for name in (c for c in node.children() if c.kind() == "field_identifier"):
            found.setdefault(name.text(), set()).add(kind.text().lstrip("*"))
    return {name: next(iter(types)) for name, types in found.items() if len(types) == 1}


# Go types whose values are text, numbers or flags (or pointers and slices of them).
_GO_SCALAR = re.compile(
    r"^(?:\*|\[\])?(?:string|bool|byte|rune|u?int(?:8|16|32|64)?|float(?:32|64)|time\.Time"
    r"|time\.Duration|uuid\.UUID|primitive\.ObjectID|bson\.ObjectID|json\.Number)$"
)


def _go_scalar_fields(root: SgNode) -> set[str]:
    """Struct field names declared with a scalar type in this file, less any name another
    struct of the file declares with another type (a `bson.M`, a map, an interface)."""
    scalar: set[str] = set()
    other: set[str] = set()
    for node in root.find_all(kind="field_declaration"):
        kind = node.field("type")
        if kind is None:
            continue
        names = [c.text() for c in node.children() if c.kind() == "field_identifier"]
        (scalar if _GO_SCALAR.match(kind.text()) else other).update(names)
    return scalar - other


# Names in an http4s route pattern that bind nothing from the request.
_HTTP4S_NOT_BOUND = frozenset({"Root", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})


def _http4s_route(node: SgNode) -> bool:
    """A `case` of an http4s `HttpRoutes.of` block: its pattern is `METHOD -> Root / ...`."""
    kids = _named(node)
    if not kids or kids[0].kind() not in ("infix_pattern", "capture_pattern"):
        return False
    text = kids[0].text()
    return len(text) < 400 and "->" in text and re.search(r"\bRoot\b", text) is not None


# The allow-list a Scala or Kotlin filter tests against: `allowed.contains`,
# `allowed.contains(_)`, `o => allowed.contains(o)`, `{ it in allowed }`.
_FILTER_TABLE = re.compile(
    r"^\{?\s*(?:\w+\s*(?:=>|->)\s*)?(?:(?P<t>[\w.]+)\.contains(?:\(\s*(?:_|\w+)\s*\))?"
    r"|\w+\s+in\s+(?P<u>[\w.]+))\s*\}?$"
)


def _membership_table(text: str) -> str | None:
    if len(text) > 200:
        return None
    found = _FILTER_TABLE.match(text.strip().strip("()").strip())
    if found is None:
        return None
    return found.group("t") or found.group("u")


def _outer_matches(node: SgNode) -> list[SgNode]:
    """The `match` expressions inside a statement that no other `match`, function or lambda
    of it holds (at most a few: generated code may chain hundreds)."""
    found: list[SgNode] = []
    stack = list(_named(node))
    while stack and len(found) < _MAX_INLINED:
        current = stack.pop()
        kind = current.kind()
        if kind == "match_expression":
            found.append(current)
        elif kind not in ("lambda_expression", "function_definition", "block"):
            stack.extend(_named(current))
    return found


def _pattern_bindings(pattern: SgNode) -> list[str]:
    """The names a Scala case pattern binds (`c` in `Some(c)`, `b` in `b @ Bar(_)`):
    lower-case identifiers, not constructors, constants or `_`."""
    found = [pattern] if pattern.kind() == "identifier" else []
    found.extend(pattern.find_all(kind="identifier"))
    names: list[str] = []
    for node in found:
        text = node.text()
        if text[:1].islower() and text not in names:
            names.append(text)
    return names


def _ruby_raise(text: str) -> bool:
    """`raise(E)`, `raise E, "message"`, `fail "message"`: the method ends here."""
    return re.split(r"[\s(]", text.strip(), maxsplit=1)[0] in ("raise", "fail")
