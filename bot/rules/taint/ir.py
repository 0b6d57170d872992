"""The small intermediate form the flow engine reads, whatever the source language.

A front end turns one file into a `Module`: its functions, each a list of statements
over expressions. Only what matters for data flow is kept: names, attribute chains,
calls (with their receiver, positional and keyword arguments), string building,
containers and branches. Anything else becomes `Other`, whose value is tainted when
any part of it is, so an unknown construct never hides a flow.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot import lazyre as _re

Value = str | int | float | bool | None


# The source of a Razor page property the framework binds from the request.
BOUND_PROPERTY = "`BindProperty` binding"


@dataclass(frozen=True)
class Expr:
    line: int


@dataclass(frozen=True)
class Const(Expr):
    value: Value


@dataclass(frozen=True)
class Name(Expr):
    name: str


@dataclass(frozen=True)
class Attr(Expr):
    obj: Expr
    attr: str


@dataclass(frozen=True)
class Index(Expr):
    obj: Expr
    key: Expr


@dataclass(frozen=True)
class Call(Expr):
    # The callee as written, dotted ("cursor.execute", "os.system", "new ProcessBuilder").
    callee: str
    recv: Expr | None
    args: tuple[Expr, ...] = ()
    kwargs: tuple[tuple[str, Expr], ...] = ()
    # A tagged template (sql`... ${x}`): the values are bound, not spliced.
    tagged: bool = False
    end: int = 0  # last line of the call, when it spans several
    new: bool = False  # a constructor (`new Uri(x)`): `callee` is the type's name


@dataclass(frozen=True)
class Comp(Expr):
    """A comprehension: `elt` evaluated with `targets` bound to items of `iter`."""

    targets: tuple[str, ...]
    iter: Expr
    elt: Expr
    # Its filters (`if k in ALLOWED`): true for every item that reaches `elt`.
    conds: tuple[Expr, ...] = ()


@dataclass(frozen=True)
class Concat(Expr):
    """String building: f-strings, template literals, `+` on text, `%`, `.format`."""

    parts: tuple[Expr, ...]


@dataclass(frozen=True)
class Op(Expr):
    """Arithmetic, comparison or boolean operator; folded when both sides are known."""

    op: str
    left: Expr
    right: Expr | None = None


@dataclass(frozen=True)
class Cond(Expr):
    test: Expr
    then: Expr
    other: Expr


@dataclass(frozen=True)
class Seq(Expr):
    """A list, tuple, set, dict (its values) or comprehension."""

    items: tuple[Expr, ...]
    # Keys of a literal dict, so `ALLOWED[x]` on a constant table can be recognised.
    const: bool = False
    # A dict literal's constant keys (None where a key is not constant), item by item.
    keys: tuple[str | int | None, ...] = ()


# MongoDB operators whose value is JavaScript the server runs: a front wraps the value
# in `Op("script-operand")`, since there a plain string is enough to inject.
SCRIPT_OPERATORS = frozenset({"$where", "$function", "$accumulator"})


def script_operand(line: int, key: object, value: Expr) -> Expr:
    return Op(line, "script-operand", value) if key in SCRIPT_OPERATORS else value


def entry(base: str, key: str | int) -> str:
    """The name the engine tracks one entry of a container under (`m['a']`); the same
    text `flow.key_of` gives a read of it."""
    return f"{base}[{key!r}]"


@dataclass(frozen=True)
class Other(Expr):
    parts: tuple[Expr, ...] = ()


@dataclass(frozen=True)
class Stmt:
    line: int


@dataclass(frozen=True)
class Assign(Stmt):
    # Dotted names ("x", "self.sql"); an index store (`d[k] = v`) targets "d" with
    # `merge` set, since the container then holds the old contents and the new value.
    targets: tuple[str, ...]
    value: Expr
    merge: bool = False
    # The constant key of a merge (`session["theme"] = v`), tracked as that entry too:
    # a read of another constant key does not see this value.
    key: str | int | None = None
    # A key that is not constant (`session[name] = v`): the client may pick the entry.
    index: Expr | None = None


@dataclass(frozen=True)
class Eval(Stmt):
    expr: Expr


@dataclass(frozen=True)
class Return(Stmt):
    expr: Expr | None


@dataclass(frozen=True)
class Stop(Stmt):
    """raise / throw / abort(): the path ends here."""


@dataclass(frozen=True)
class If(Stmt):
    test: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...] = ()


@dataclass(frozen=True)
class Loop(Stmt):
    targets: tuple[str, ...]
    iter: Expr
    body: tuple[Stmt, ...]


@dataclass(frozen=True)
class Param:
    name: str
    # Why the parameter carries request input ("@RequestParam", "route parameter"),
    # or None for an ordinary parameter.
    source: str | None = None
    # A declared type that cannot carry text (int, UUID, long): never tainted.
    typed_safe: bool = False
    # One segment of the URL path (`{name}` of a Spring or JAX-RS route): it cannot hold
    # a `/`, so it names no file outside the folder it is joined to.
    one_segment: bool = False
    # Declared as an upload object (Spring `MultipartFile`, ASP.NET `IFormFile`, FastAPI
    # `UploadFile`): its bytes and field name are no path; only its client file name is.
    upload: bool = False


def one_path_segment(mark: str, param_text: str, name: str, file_text: str) -> bool:
    """Whether a JVM handler parameter bound by `@PathVariable`/`@PathParam` is one path
    segment. Servlet containers (Tomcat, Jetty, Undertow) reject an encoded `/` or `\\`
    in the path by default and resolve `..` segments before routing, so a `{name}`
    variable is a single name. A Spring `{*name}` captures the rest of the path, and a
    JAX-RS template with a regular expression (`{name: .+}`) may span segments."""
    if mark not in ("PathVariable", "PathParam"):
        return False
    named = _BOUND_NAME.search(param_text)
    var = named.group(1) if named else name
    if mark == "PathVariable":
        return f"{{*{var}}}" not in file_text
    return not _re.search(r"\{\s*" + _re.escape(var) + r"\s*:", file_text)


# `@PathVariable("file")`, `@PathVariable(value = "file")`, `@PathParam("file")`.
_BOUND_NAME = _re.compile(r"@Path(?:Variable|Param)\s*\(\s*(?:(?:value|name)\s*=\s*)?\"([^\"]+)\"")


@dataclass(frozen=True)
class Function:
    name: str
    line: int
    params: tuple[Param, ...]
    body: tuple[Stmt, ...]
    # A method (its first parameter is the instance in Python), so calls like
    # `self.helper(x)` line up their arguments.
    method: bool = False
    # A request handler (route decorator, controller mapping): its string return
    # value is the response body where the framework makes it so.
    handler: bool = False
    # For a lambda or nested function: `name:line` of the function it is written in,
    # whose variables it can read (a closure).
    outer: str | None = None
    # Declared to answer HTML (JAX-RS `@Produces(TEXT_HTML)`, Spring `produces =
    # "text/html"`): its returned text is the page.
    returns_html: bool = False
    # Its return value is serialised as JSON (a FastAPI route in a file that also has
    # Flask routes), never sent as HTML.
    returns_json: bool = False
    # The class a method is written in (Python), so `Cls(x).method()` finds it.
    owner: str | None = None


@dataclass
class Module:
    language: str
    functions: list[Function] = field(default_factory=list)
    # Module-level names bound once to a constant (TABLE = "users").
    constants: dict[str, Value] = field(default_factory=dict)
    # Module-level names bound to constant containers (ALLOWED = {"asc", "desc"}).
    const_tables: set[str] = field(default_factory=set)
    # Handlers' return values are serialised as JSON (FastAPI), never sent as HTML.
    json_returns: bool = False
    # Imported names -> the dotted name they stand for (`urljoin` -> `urllib.parse.urljoin`;
    # a relative import starts with `.`): whether a call is the standard library's or
    # the project's own code.
    imports: dict[str, str] = field(default_factory=dict)
    # Struct fields declared with a scalar type (Go `Email string`): what a binder puts
    # there is text or a number, never an operator object.
    text_fields: set[str] = field(default_factory=set)
    # Names bound in this file to a value of a known type (Go `client := &http.Client{}`,
    # a struct field `client *http.Client`), name -> the type: a sink's `made_by`.
    makers: dict[str, str] = field(default_factory=dict)
