"""The flow engine: request input to sink inside one function, over the IR.

Each function is walked once in statement order with an environment from names to
taint (the set of origins a value may carry) and to known constants. Branches are
walked separately and joined; a branch whose test folds to a constant is the only one
taken, so a dead branch carries nothing. A test that validates a name (membership in a
constant table, equality with a constant, a validating predicate) leaves that name
clean inside the branch it guards, and after it when the other branch ends the path.
Calls to other functions of the same file are summarised (which parameters reach the
return value, which reach a sink) and applied at the call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, is_dataclass, replace

from bot import lazyre as re
from bot.rules.taint import ir, unread_check
from bot.rules.taint.spec import ALL, Guard, Sink, Spec, matches


@dataclass(frozen=True)
class Origin:
    label: str  # "request.args", "parameter `id` of handler `show`"
    line: int
    var: str | None = None  # the first name the value was bound to
    cleared: frozenset[str] = frozenset()  # sink classes it is already safe for
    param: int | None = None  # summarising a helper: which of its parameters
    handler_param: bool = False
    # The first call the value went through whose code the change does not show and
    # that is not known to hand text on (`link_service.resolve`): what came out of it
    # may not be the input at all.
    through: str | None = None
    # An upload object (Flask `request.files[...]`, a `MultipartFile` parameter): safe
    # for paths until a member reads the client's file name (`Spec.upload_names`).
    upload: bool = False

    def describe(self) -> str:
        if self.handler_param:
            return f"{self.label} (line {self.line})"
        if self.var:
            return f"`{self.var}` from `{self.label}` (line {self.line})"
        return f"`{self.label}` (line {self.line})"


Taint = frozenset[Origin]
EMPTY: Taint = frozenset()


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()
Known = ir.Value | _Unknown


@dataclass(frozen=True)
class Flow:
    cls: str
    rule: str
    cwe: int
    label: str  # "SQL injection"
    sink: str  # the callee as written
    line: int
    end_line: int
    origins: tuple[Origin, ...]
    via: tuple[tuple[str, int], ...] = ()  # helpers the value went through (name, call line)
    # A sink in another file of the change (`bot.rules.taint.cross`): that file's path
    # and the line where the value enters it (the called function's `def`). `line` and
    # `end_line` are then lines of that file; origins and `via` lines of the caller's.
    where: tuple[str, int] | None = None

    @property
    def source_lines(self) -> tuple[int, ...]:
        return tuple(sorted({o.line for o in self.origins}))

    @property
    def through(self) -> str | None:
        """The call of code outside the change every origin went through, when each did
        (the first by line): the flow then rests on what that code returns."""
        if not self.origins or any(o.through is None for o in self.origins):
            return None
        first = min(self.origins, key=lambda o: (o.line, o.through or ""))
        return first.through

    @property
    def checked(self) -> tuple[str, int] | None:
        """(callee, line) of a check the engine does not read that every origin was
        given before the sink (`bot.rules.taint.unread_check`), the earliest."""
        return unread_check.first_mark([o.cleared for o in self.origins])

    def message(self) -> str:
        # Origins that differ only in what they were checked for read the same.
        described = {o.describe(): o for o in self.origins}
        first = sorted(described.values(), key=lambda o: (o.line, o.label))
        text = " and ".join(o.describe() for o in first[:2])
        if len(first) > 2:
            text += f" (and {len(first) - 2} more)"
        path = "".join(f" through `{name}` (called on line {line})" for name, line in self.via)
        through = self.through
        if through is not None:
            return (
                f"{text} reaches `{self.sink}` (line {self.line}){path} only through "
                f"`{through}()` (not in this change); if that returns request text "
                "unchanged, check it"
            )
        return f"{text} reaches `{self.sink}` (line {self.line}){path}"


@dataclass
class _State:
    taint: dict[str, Taint] = field(default_factory=dict)
    consts: dict[str, Known] = field(default_factory=dict)
    done: bool = False  # the path ended (return, raise)

    def copy(self) -> _State:
        return _State(dict(self.taint), dict(self.consts), self.done)


def _join(states: list[_State]) -> _State:
    live = [s for s in states if not s.done]
    if not live:
        out = states[0].copy() if states else _State()
        out.done = True
        return out
    out = _State()
    for name in {n for s in live for n in s.taint}:
        out.taint[name] = frozenset().union(*(_entry_taint(s, name) for s in live))
    for name in set.intersection(*(set(s.consts) for s in live)):
        values = [s.consts[name] for s in live]
        if all(v == values[0] and type(v) is type(values[0]) for v in values):
            out.consts[name] = values[0]
    return out


def _entry_taint(state: _State, name: str) -> Taint:
    """What `name` holds on one path; an entry (`m['a']`) not set on that path holds
    whatever its container does."""
    if name in state.taint:
        return state.taint[name]
    base, bracket, _ = name.partition("[")
    return state.taint.get(base, EMPTY) if bracket and base else EMPTY


# Suffix of the name under which a container's constant-key stores are tracked.
_KEYED = "[$keyed]"


def _forget_entries(state: _State, target: str, entries_only: bool = False) -> None:
    for prefix in (target + "[",) if entries_only else (target + ".", target + "["):
        for name in [n for n in state.taint if n.startswith(prefix)]:
            del state.taint[name]
    state.consts.pop(target + "[#]", None)


def _both(
    one: dict[str, frozenset[str]], other: dict[str, frozenset[str]]
) -> dict[str, frozenset[str]]:
    """Names safe on either of two paths: safe on both, for the classes both clear."""
    out: dict[str, frozenset[str]] = {}
    for name in one.keys() & other.keys():
        if ALL in one[name]:
            out[name] = other[name]
        elif ALL in other[name]:
            out[name] = one[name]
        elif one[name] & other[name]:
            out[name] = one[name] & other[name]
    return out


def _through(taint: Taint, callee: str) -> Taint:
    """The taint after a call of code not in the change: each origin remembers the first."""
    return frozenset(o if o.through else replace(o, through=callee) for o in taint)


# A call of the project's own named for the sink's action (`redirectHelper.to(url)`,
# `redirect_back_to(url)`) is the sink's wrapper: it is there to do that with the text it
# is given. One named for a check (`get_safe_return_url`) is not.
_SINK_WRAPPER = {"redirect": re.compile(r"(?i)redirect")}
_CHECK_WORD = re.compile(
    r"(?i)safe|valid|verif|check|allow|saniti|clean|secur|trust|whitelist|permit|sign"
)


# One named for building a URL (`buildOauthRedirectUrl(req)`, `make_redirect_url`) makes
# its own text, from a base of its choosing, and so does a getter (a step redirector's
# `getRedirectLinkAfterSaving()`, which picks one of the app's routes): what it returns
# rests on code the change does not show, so the flow stays one through unseen code (the
# summary). A setter (`stepRedirector->setFromPage($from)`) only hands the value to such
# an object; it redirects nobody either.
_BUILDER_WORD = re.compile(r"(?i)^_*(?:build|make|create|compose|construct|generate|get|set)")


def _wraps_sink(cls: str, callee: str) -> bool:
    wrapper = _SINK_WRAPPER.get(cls)
    last = callee.rsplit(".", 1)[-1]
    return (
        wrapper is not None
        and bool(wrapper.search(callee))
        and not _CHECK_WORD.search(callee)
        and not _BUILDER_WORD.search(last)
    )


# Languages whose constructors are called by the type's name alone (`Path(x)`, `URI(x)`).
_BARE_CONSTRUCTORS = frozenset({"python", "kotlin", "scala"})
_CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]+$")


def _clear(taint: Taint, classes: frozenset[str]) -> Taint:
    if ALL in classes:
        return EMPTY
    return frozenset(replace(o, cleared=o.cleared | classes) for o in taint)


# What an upload object is never: a file name or a URL (its bytes, its form field, the
# temporary file the server wrote it to).
_UPLOAD_SAFE = frozenset({"path", "ssrf", "include"})


def _client_file_name(taint: Taint) -> Taint:
    """The file name an upload's client sent (`f.filename`): a path again, whatever the
    upload object itself was safe for."""
    return frozenset(
        replace(o, cleared=o.cleared - _UPLOAD_SAFE, upload=False) if o.upload else o for o in taint
    )


def _unclear(taint: Taint, classes: frozenset[str]) -> Taint:
    """The value is a sink for `classes` again (text parsed into a structure, text run as
    a script), whatever made it safe for them before."""
    return frozenset(replace(o, cleared=o.cleared - classes) for o in taint)


_SHELLS = frozenset(
    {"sh", "bash", "zsh", "dash", "ksh", "cmd", "cmd.exe", "powershell", "pwsh", "powershell.exe"}
)
# Methods that move or drop a container's entries: what was known by position is not.
_REORDERING = frozenset(
    {"pop", "remove", "insert", "clear", "reverse", "sort", "popitem", "shift", "unshift"}
    | {"splice", "delete", "remove", "removeAt", "poll"}
)
_CONTENT_TYPE_KWARGS = frozenset({"content_type", "mimetype", "media_type"})
# URI templates filled with values: `{slots}` after the template's own host.
_TEMPLATE_FILLS = frozenset({"buildAndExpand", "expand"})
# Classes about where a URL points; input after a fixed host only picks a path there.
_DESTINATION = frozenset({"ssrf", "redirect"})
# An operator injection needs an object; a value that is always a string cannot be one.
_TEXT_SAFE = frozenset({"nosql"})
_NONE: frozenset[str] = frozenset()
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_REDIRECT = frozenset({"redirect"})
# Session entries that say who the user is or what they may do.
_TRUSTED_KEY = re.compile(
    r"(?i)role|admin|user|uid|auth|perm|verif|logged|login|staff|super|tenant|account|owner"
    r"|group|scope|privilege|identity|email|^is_|^can_|otp|mfa|2fa|level|access"
)
# `session["next_url"] = next_path`: a page to send the user to after a step (login, an
# OAuth round trip). Nothing trusts it as checked data; where it is redirected to, the
# open-redirect rule judges that redirect.
_NAVIGATION_KEY = re.compile(
    r"(?i)^(?:next|next_?(?:url|path|page)|return_?(?:to|url|path)|redirect(?:_?(?:to|url|uri|path))?"
    r"|came_?from|back_?(?:url|to)|continue(?:_?url)?|origin_?url|success_?url)$"
)
# The Referer is set by the browser to the page the user came from: sending the user back
# there can only return them to a page they were on, which is no phishing lever.
_REFERER_KEY = re.compile(r"(?i)^(?:http_)?referr?er$")
_HEADER_READS = frozenset({"get", "header", "getheader", "get_header"})
_HEADER_TABLES = frozenset({"headers", "header", "meta", "env", "req", "request"})


# Languages where a query call's result is taken as rows, not the text it was given
# (JDBC `executeQuery` -> `ResultSet`, ADO.NET `ExecuteReader`).
_ROWS_NOT_INPUT = frozenset({"java", "kotlin", "scala", "csharp"})
# Languages where what a SQL sink returns (a statement, rows, records) is not the text
# it was given: the JVM languages above, PHP (`$pdo->query(...)->fetch()`) and Ruby.
_ROWS_NOT_INPUT_SQL = _ROWS_NOT_INPUT | {"php", "ruby"}
# File sinks that give the file's content or a handle to read it (`open(p)`,
# `Path(p).read_text()`, `File.ReadAllText(p)`): the request picked the file, which is
# the finding; what the file holds was written by whoever wrote it, not sent with the
# request. Not the calls that give a path object (`new File(p)`, `Paths.get(p)`).
_FILE_CONTENT = frozenset(
    {
        "open", "Open", "OpenRead", "fopen", "file_get_contents", "parse_ini_file",
        "ReadAllText", "ReadAllBytes", "ReadAllLines", "ReadAllTextAsync", "ReadFile",
        "readAllBytes", "readAllLines", "readString", "readFile", "readFileSync",
        "createReadStream", "newInputStream", "newBufferedReader",
        "read_text", "read_bytes", "read", "readlines", "binread",
    }
)  # fmt: skip
# Sink classes where a value is built first and checked before use (a `Path`).
_CHECKED_LATER = frozenset({"path"})
_ERROR_NAME = re.compile(r"^(?:_|err\w*|e|ex|exc|error)$")
# Calls that give the same path in canonical form: a check on the result holds for
# the path itself.
_CANONICAL = frozenset(
    {"normalize", "toRealPath", "toAbsolutePath", "getCanonicalPath", "getCanonicalFile", "toPath"}
)


# Calls that build an object rather than text: Ruby's constructor (`Foo.new(...)`) and a
# view component's collection (`Component.with_collection(rows)`).
_OBJECT_BUILDERS = frozenset({"new", "with_collection"})


def _structured(arg: ir.Expr) -> bool:
    """A container or a newly built object: for a text-only sink it is not the text
    (`render component("orders/show").new(order: @order)` renders an object, not a path)."""
    if isinstance(arg, ir.Seq):
        return True
    if isinstance(arg, ir.Call):
        return arg.callee.rsplit(".", 1)[-1] in _OBJECT_BUILDERS
    return False


def _constructed(arg: ir.Expr) -> bool:
    """`res.send(new ApiResponse(status, msg))`: Express sends an object as JSON
    (`application/json`), not as a page, whatever text it holds."""
    return isinstance(arg, ir.Call) and arg.new


def _only_arg(call: ir.Call, at: int | None, kwarg: str | None) -> ir.Call:
    """The call as `_has_arg` should read it: all its arguments, or only the one at
    position `at` (given by position or as keyword `kwarg`)."""
    if at is None:
        return call
    chosen = [v for k, v in call.kwargs if k == kwarg] if kwarg else []
    if not chosen and at < len(call.args):
        chosen = [call.args[at]]
    return replace(call, args=tuple(chosen), kwargs=())


def _has_arg(call: ir.Call, wanted: re.Pattern[str], keys: bool = False) -> bool:
    """Some argument, or a part of one (an options object), is a dotted name or a
    constant text `wanted` finds: `ContentType.Text.Html`, `"text/html"`,
    `new Settings { TypeNameHandling = TypeNameHandling.All }`; with `keys`, the key of
    an entry of a literal map counts too (`['allowed_classes' => false]`)."""
    todo: list[tuple[ir.Expr, int]] = [(a, 0) for a in call.args]
    todo += [(value, 0) for _, value in call.kwargs]
    if keys and any(wanted.search(k) for k, _ in call.kwargs):
        return True
    while todo:
        arg, depth = todo.pop()
        text = arg.value if isinstance(arg, ir.Const) else dotted(arg)
        if isinstance(text, str) and wanted.search(text):
            return True
        if depth >= 2:
            continue
        if isinstance(arg, ir.Call):
            todo += [(a, depth + 1) for a in arg.args]
            todo += [(value, depth + 1) for _, value in arg.kwargs]
            if keys and any(wanted.search(k) for k, _ in arg.kwargs):
                return True
        elif isinstance(arg, ir.Other):
            todo += [(a, depth + 1) for a in arg.parts]
        elif isinstance(arg, ir.Seq):
            todo += [(a, depth + 1) for a in arg.items]
            if keys and any(isinstance(k, str) and wanted.search(k) for k in arg.keys):
                return True
    return False


# `name.substring(name.lastIndexOf("."))` keeps the text from the last dot on: it holds
# one dot, so no `..`, and cannot climb out of a folder. Only where a missing dot throws
# (-1 is no index in the JVM's and .NET's strings); JavaScript's `substring(-1)` is the
# whole string.
_SLICES_THROWING = frozenset({"java", "kotlin", "scala", "csharp"})
_PATH_ONLY = frozenset({"path"})


# `new URL("/auth/login", url.origin)`, `new URL("/", request.url)`: a fixed path on the
# origin the request itself came to. The host is the one the browser already sent the
# request to, so a redirect there cannot leave the site (a server fetching it is another
# matter: the Host header is the client's, so SSRF stays).
_REDIRECT_ONLY = frozenset({"redirect"})
_OWN_URL_PARTS = frozenset({"origin", "url", "nextUrl", "href"})
_NOT_OWN_URL = re.compile(r"(?i)query|param|body|search|header|cookie|form|next|redirect|return")


def _own_origin_url(call: ir.Call, language: str) -> bool:
    if language not in ("javascript", "typescript") or not call.new or call.callee != "URL":
        return False
    if len(call.args) != 2:
        return False
    path, base = call.args
    if not (isinstance(path, ir.Const) and isinstance(path.value, str)):
        return False
    if not path.value.startswith("/") or path.value.startswith("//"):
        return False
    name = dotted(base)
    if name is None or "." not in name:
        return False
    head, last = name.rsplit(".", 1)
    return last in _OWN_URL_PARTS and not _NOT_OWN_URL.search(head)


def _extension_slice(call: ir.Call, language: str) -> bool:
    if language not in _SLICES_THROWING or len(call.args) != 1 or call.kwargs:
        return False
    if call.callee.rsplit(".", 1)[-1] not in ("substring", "Substring"):
        return False
    index = call.args[0]
    return (
        isinstance(index, ir.Call)
        and index.callee.rsplit(".", 1)[-1] in ("lastIndexOf", "LastIndexOf")
        and len(index.args) == 1
        and isinstance(index.args[0], ir.Const)
        and index.args[0].value == "."
    )


def _opened_io(arg: ir.Expr, language: str) -> bool:
    """Ruby's `File.new(upload.open, "rb")`, the JVM's `Files.copy(upload.getInputStream(),
    target)`: the argument is a stream or the bytes of something (an uploaded file), not a
    path; a text parameter has no `#open`."""
    if not isinstance(arg, ir.Call) or arg.recv is None:
        return False
    last = arg.callee.rsplit(".", 1)[-1]
    if language == "ruby":
        return last in ("open", "to_io")
    return language in ("java", "kotlin", "scala") and last in ("getInputStream", "getBytes")


def _common_path_args(expr: ir.Expr) -> tuple[ir.Expr, ...]:
    """The paths of `os.path.commonpath([a, b])` (or `commonpath((a, b))`)."""
    if (
        isinstance(expr, ir.Call)
        and expr.callee.rsplit(".", 1)[-1] in _COMMON_PATH
        and len(expr.args) == 1
        and isinstance(expr.args[0], ir.Seq)
    ):
        return expr.args[0].items
    return ()


def _host_of(expr: ir.Expr) -> ir.Expr | None:
    """`u` of `u.host` / `u.host()` / `parse_url(u, PHP_URL_HOST)`: a read of a URL's host;
    `urlparse(u).netloc` names `u` itself, and so does `urlparse(u).hostname or ""`."""
    if isinstance(expr, ir.Op) and expr.op in ("or", "??", "?:") and expr.right is not None:
        return _host_of(expr.left)
    if isinstance(expr, ir.Attr) and expr.attr in ("host", "hostname", "Host", "netloc"):
        parsed = expr.obj
        if (
            isinstance(parsed, ir.Call)
            and parsed.callee.rsplit(".", 1)[-1] in _URL_PARSERS
            and len(parsed.args) == 1
        ):
            return parsed.args[0]
        return expr.obj
    named = isinstance(expr, ir.Call) and expr.callee.rsplit(".", 1)[-1] in _HOST_READS
    if named and isinstance(expr, ir.Call) and expr.recv is not None and not expr.args:
        return expr.recv
    return None


_HOST_READS = frozenset({"host", "hostname", "getHost", "Hostname", "Host", "getHostName"})
# What a value signed with the server's key may safely become.
_SIGNED = frozenset({"deserialization", "redirect", "ssrf"})


def _signed_message(expr: ir.Expr) -> ir.Expr | None:
    """`data` of `hmac.new(key, data, ...)` (through `.digest()` / `.hexdigest()`) or of
    `hmac.digest(key, data, ...)`."""
    while isinstance(expr, ir.Call):
        if matches("hmac.new", expr.callee) or matches("hmac.digest", expr.callee):
            if len(expr.args) >= 2:
                return expr.args[1]
            return dict(expr.kwargs).get("msg")
        if expr.recv is None:
            return None
        expr = expr.recv
    return None


_URL_PARSERS = frozenset({"urlparse", "urlsplit"})
# `os.path.commonpath([full, BASE]) == BASE`: the paths listed share the base.
_COMMON_PATH = frozenset({"commonpath", "commonprefix"})
# Checks that raise unless the path is under the base (`target.relative_to(BASE)`):
# after the call, the receiver is known to be inside it.
_RAISING_PATH_CHECK = frozenset({"relative_to"})


# A project's own file-name cleaner (`FileUtil.verifyFilename(n)`, `sanitizePath`,
# `secure_filename`) returns the name it cleaned; a bool check named for it
# (`isSafePath(p)`, `validateFilename(n)`, `is_valid_path`) guards the branch it opens.
_PATH = frozenset({"path"})
# An XPath string literal is closed only by its quote: a value checked to hold none can
# not leave it (`if "'" in name: abort(400)`).
_XPATH = frozenset({"xpath"})
_PATH_CLEANER = re.compile(
    r"(?i)^(?:verify|sanitize|sanitise|clean|secure|safe|normalize)_?(?:file_?name|path|file)s?$"
)
# A project's own join that keeps the result under the base it is given, returning
# nothing (or raising) otherwise: `File.normalise_in_base(base, name)`, `resolveWithin`,
# `safe_join`, `joinInside(root, p)`.
_CONFINING_JOIN = re.compile(
    r"(?i)^(?:(?:normali[sz]e|resolve|join|confine|contain)_?(?:path_?)?"
    r"(?:in|inside|within|under)_?(?:base|root|dir|directory|folder)?"
    r"|safe_?(?:join|resolve)(?:_?path)?)$"
)
_TYPE_CHECK = re.compile(
    # Only `is`/`valid` names: a `validate_int(x)` may as well return its errors.
    r"(?i)^(?:is_?(?:valid_?)?|valid_?)(?:iso_?)?"
    r"(?:date|date_?time|time_?stamp|int|integer|number|numeric|digits?|uuid|guid|hex|bool|boolean)$"
)
_PATH_CHECK = re.compile(
    r"(?i)^(?:(?:verify|validate|check)_?(?:safe|valid|allowed|within)?_?"
    r"(?:file_?name|path|file)(?:_?(?:safe|valid|allowed))?"
    # A check of a name the code picks a folder or file by (`validate_persona_name`,
    # `verifyProfileName`): a name that passes is one word, not a path.
    r"|(?:verify|validate)_?[a-z0-9]*_?name"
    # `is`/`has` need the word that makes it a safety check: `os.path.isfile(p)` and
    # `file.isFile()` only say the path exists.
    r"|(?:is|has)_?(?:(?:safe|valid|allowed|within)_?(?:file_?name|path|file)"
    r"|(?:file_?name|path|file)_?(?:safe|valid|allowed)))$"
)
# A project's own containment test (`is_path_inside(target, base)`, `isSubPath(base, p)`,
# `is_within_directory(root, target)`, `pathIsInside(p, root)`): true only when the path
# is under the folder. Which argument is the path varies, so every name passed to it is
# vouched for (the base is no input anyway).
_CONTAINMENT_CHECK = re.compile(
    r"(?i)^(?:is|path_?is|file_?is|dir_?is)_?(?:path_?|file_?|dir_?|directory_?)?"
    r"(?:inside|within|contained_?in|sub_?path|sub_?dir|child_?of|descendant_?of"
    r"|under_?(?:base|root|dir|directory|folder)|in_?(?:base|root)_?(?:dir|directory|folder)?)"
    r"(?:_?(?:path|dir|directory|folder|base|root))?$"
)

# Project data-access calls (`repo.GetBookmarkForPage(id)`, `_unitOfWork.Users.GetCoverAsync(id)`,
# `this.mediaService.getFileUrl(uuid)`, `store.find_user_by_name(n)`): what they return is a
# stored record or a value of one, which the key only selected. The name reads as a lookup
# (get/find/load/fetch/lookup … By/For …), or a get/find/load/fetch/lookup method is called on
# a receiver named as a data layer. Sources (`getParameter`, `Query`) are matched before this,
# and path/string helpers (`Path.Combine`, `getAbsolutePath`) have neither shape.
_DATA_VERB = r"(?:get|find|load|fetch|lookup|read|query|select|retrieve)"
_DATA_NAME = re.compile(
    rf"^(?:{_DATA_VERB}[A-Z0-9]\w*?(?:By|For)(?:[A-Z0-9_]|$)|{_DATA_VERB}_\w*?_(?:by|for)_\w)"
)
_DATA_METHOD = re.compile(rf"^(?:{_DATA_VERB}(?:[A-Z0-9_]|$)|(?:Get|Find|Load|Fetch|Lookup))")
_DATA_RECEIVER = re.compile(
    r"(?i)(?:repo|repository|repositories|dao|unitofwork|uow|store|storage|service|manager"
    r"|model|models|orm|entities|datasource|db|database|dbcontext|queries)s?$"
)
# Receivers that hold the request itself (`cookieStore.get`, `requestContext.getX`).
_INPUT_RECEIVER = re.compile(r"(?i)cookie|request|header|param|query|form|input|args|body|session")
# Methods whose result is input or request text even on such a receiver.
_NOT_DATA = re.compile(
    r"(?i)^(?:get|read)(?:param|parameter|header|query|body|cookie|input|request|form)"
)


_STORE_SEGMENTS = frozenset({"db", "mongo", "mongodb", "database", "client", "conn", "connection"})
_STORE_TAIL = re.compile(r"(?i)(?:model|models|collection|coll)$")


_QUERY_DOCUMENT_METHODS = frozenset(
    {
        "find",
        "find_one",
        "findone",
        "aggregate",
        "delete_many",
        "deletemany",
        "deleteone",
        "updateone",
    }
)


def _document_store(call: ir.Call) -> bool:
    """`find`/`findOne` query a document store on a collection or model: a variable
    (`users`, `User`), a model or collection by name (`this.userModel`, `models.User`),
    a member of a database handle (`db.users`) or what a call returned
    (`db.collection("users")`). A property of a query module (`query.user.find`, a SQL
    builder's wrapper) is not one."""
    recv = call.recv
    if recv is None:
        return False
    if isinstance(recv, ir.Call):
        return True
    name = dotted(recv)
    if name is None:
        return False
    parts = [p for p in name.split(".") if p not in ("this", "self", "cls")]
    if len(parts) <= 1:
        return True
    last = parts[-1].lstrip("_$")
    if _STORE_TAIL.search(last) or (last[:1].isupper() and not last.isupper()):
        return True
    return any(p.lower().lstrip("_$") in _STORE_SEGMENTS for p in parts[:-1])


# `a.core.GetLinkURL(linkUUID)`, `store.fetchCover(coverId)`: a get/find/load/fetch method
# given only identifiers (an id, uuid, slug or key) reads the record they name.
_ID_NAME = re.compile(
    r"^(?:id|uuid|guid|slug|key|[a-z]\w*(?:Id|ID|Uuid|UUID|Guid|Slug|_id|_uuid|_slug))$"
)


def _keyed_get(call: ir.Call) -> bool:
    if call.recv is None or not call.args or call.kwargs:
        return False
    name = call.callee.rsplit(".", 1)[-1]
    if not _DATA_METHOD.match(name) or _NOT_DATA.match(name):
        return False
    return all(isinstance(a, ir.Name) and _ID_NAME.match(a.name) for a in call.args)


# Calls that make a pathlib path from another (or from text).
_PATH_MAKERS = frozenset(
    {"Path", "PurePath", "PosixPath", "joinpath", "resolve", "absolute", "with_name", "with_suffix"}
)


def _joined_path(expr: ir.Expr) -> bool:
    """`os.path.join(a, b)`, `a + "/" + b`, `f"{a}/{b}"`, `root / name`: parts put
    together, not normalised."""
    if isinstance(expr, ir.Call):
        return expr.callee in ("os.path.join", "path.join", "join") and len(expr.args) > 1
    if isinstance(expr, ir.Concat):
        return True
    return isinstance(expr, ir.Op) and expr.op in ("+", "truediv")


def _declares_other_type(headers: ir.Expr) -> bool:
    """A literal headers dict whose `Content-Type` is not HTML (`{"Content-Type":
    "text/plain"}` in Flask's `return body, 200, headers`)."""
    if not isinstance(headers, ir.Seq) or not headers.keys:
        return False
    for key, value in zip(headers.keys, headers.items, strict=False):
        if isinstance(key, str) and key.lower() == "content-type":
            text = value.value if isinstance(value, ir.Const) else None
            return isinstance(text, str) and "html" not in text.lower()
    return False


def _typed_get(call: ir.Call, spec: Spec) -> bool:
    """`mapping.get(key, type=int)`: converted by a type the data lists as safe."""
    kind = dict(call.kwargs).get("type")
    name = dotted(kind) if kind is not None else None
    return name is not None and name.rsplit(".", 1)[-1] in spec.safe_types


def _drops_separator(call: ir.Call) -> bool:
    """`x.replace("/", "_")`: every `/` replaced by text without one."""
    if call.recv is None or len(call.args) != 2:
        return False
    old, new = call.args
    return (
        isinstance(old, ir.Const)
        and old.value == "/"
        and isinstance(new, ir.Const)
        and isinstance(new.value, str)
        and "/" not in new.value
        and "\\" not in new.value
    )


def _quote(expr: ir.Expr) -> bool:
    return isinstance(expr, ir.Const) and expr.value in ("'", '"')


# A constant named for a parent step or a folder separator, imported from the project's or
# a library's string utilities (`TOP_PATH`, `FOLDER_SEPARATOR`, `File.separator`): its
# value is in another file, its name says what it holds.
_STEP_CONSTANT = re.compile(
    r"^(?:TOP_PATH|PARENT(?:_(?:STEP|DIR|PATH|DIRECTORY))?|DOT_?DOT|DOUBLE_DOT|UP_?DIR"
    r"|(?:[A-Z]+_)*(?:FOLDER|PATH|FILE|DIR|DIRECTORY)_?SEPARATOR(?:_CHAR)?|separator)$"
)


# What holds an HTTP client's request of ours (httpx's and requests' exceptions and
# responses: `e.request.url`, `response.request.headers`): the request the server sent
# out, whose URL and headers it built, not the client's request.
_OUTGOING_OWNER = re.compile(
    r"^(?:.*\.)?(?:e|ex|exc|err|error|exception|r|response|resp|reply|http_response|upstream)$"
)


def _typeof_test(side: ir.Expr, other: ir.Expr) -> tuple[ir.Expr, frozenset[str]] | None:
    """`typeof x` compared with a type's name: the operand, and the classes a value of
    that type is safe for (a string carries no operator object; a number no text)."""
    if not (isinstance(side, ir.Call) and side.callee == "typeof" and side.args):
        return None
    if not isinstance(other, ir.Const):
        return None
    if other.value == "string":
        return side.args[0], _TEXT_SAFE
    if other.value in ("number", "boolean", "bigint"):
        return side.args[0], frozenset({ALL})
    return None


def _parent_step(expr: ir.Expr) -> bool:
    """`..`, or a separator: a name with no `/` in it stays in the folder it is joined to."""
    if isinstance(expr, ir.Const):
        return expr.value in ("..", "../", "..\\", "/..", "/")
    name = (
        expr.name if isinstance(expr, ir.Name) else expr.attr if isinstance(expr, ir.Attr) else ""
    )
    return bool(name) and _STEP_CONSTANT.match(name) is not None


def _data_access(callee: str) -> bool:
    parts = callee.split(".")
    name = parts[-1]
    if _NOT_DATA.match(name):
        return False
    receiver = parts[-2].lstrip("_$@") if len(parts) > 1 else ""
    if _INPUT_RECEIVER.search(receiver):
        return False
    if _DATA_NAME.match(name):
        return True
    return (
        bool(receiver)
        and _DATA_METHOD.match(name) is not None
        and (_DATA_RECEIVER.search(receiver) is not None)
    )


# A client named for a cache, a queue or a store (`cacheClient`, `redis_client`,
# `blobClient`): its `GetAsync(key)`/`get(key)` reads a key, it fetches no URL.
_STORE_CLIENT = re.compile(
    r"(?i)(?:cache|redis|memcache[d]?|storage|store|blob|queue|bus|db|database|mongo"
    r"|elastic|search|kv|secret|vault)_?client$"
)


# An HTTP client's name (Spring's `restTemplate`, `webClient`, `httpClient`): its
# `execute`/`query` sends a request, never SQL, though `template` also names a JdbcTemplate.
_HTTP_CLIENT = re.compile(r"(?i)(?:rest|http|web|okhttp)_?(?:template|client|operations)$")

# Constant text that reads as a SQL condition (`slug = '`, `title LIKE '%`).
_SQL_CONDITION = re.compile(r"(?i)[=<>]|\b(?:like|between|in\s*\(|is\s+(?:not\s+)?null)\b")


def _names_receiver(name: str, word: str) -> bool:
    """`pool`, `readPool`, `pg_pool`, `DB` name a pool; `ctx` does not name a `tx`."""
    lower = name.lower()
    if lower == word:
        return True
    tail = name[-len(word) :]
    return lower.endswith(word) and (tail[:1].isupper() or name[-len(word) - 1] == "_")


def _flat(parts: tuple[ir.Expr, ...]) -> list[ir.Expr]:
    """`(a + "/x/") + b` as `a, "/x/", b`: the prefix test needs the leaves."""
    out: list[ir.Expr] = []
    for part in parts:
        out.extend(_flat(part.parts) if isinstance(part, ir.Concat) else [part])
    return out


def _leaves(expr: ir.Expr, state: _State) -> list[Known]:
    """Known text of the leaves of a `+` chain (Java and JS build URLs this way)."""
    if isinstance(expr, ir.Op) and expr.op == "+" and expr.right is not None:
        return _leaves(expr.left, state) + _leaves(expr.right, state)
    if isinstance(expr, ir.Concat):
        return [v for part in expr.parts for v in _leaves(part, state)]
    if isinstance(expr, ir.Const):
        return [expr.value]
    if isinstance(expr, ir.Name):
        return [state.consts.get(expr.name, UNKNOWN)]
    if isinstance(expr, ir.Call) and expr.callee in _PRINTF:
        # `fmt.Sprintf(pageTemplate, ...)`: the format's text, with the values unknown.
        at = _PRINTF[expr.callee]
        if at < len(expr.args):
            return [*_leaves(expr.args[at], state), UNKNOWN]
    return [UNKNOWN]


# A guard's class token: the name checked is now an entry of this list (a parameter of
# the helper being summarised), so it carries whatever the caller's list carries.
_ENTRY_OF = "entry-of:"
# Membership tests on a collection: `ALLOWED.contains(x)`, Ruby's `%w[a b].include?(x)`.
_MEMBERSHIP = frozenset({"contains", "includes", "has", "containsKey", "include?", "member?"})
# Packages whose two-argument `Contains` tests a substring, not membership.
_SUBSTRING_OWNERS = frozenset({"strings", "bytes", "StringUtils", "str", "string"})
# Calls that turn the request's own bytes into values (`json.NewDecoder(r.Body).Decode`,
# `c.ShouldBindJSON`, `JSON.parse`): what they give is still the request.
_DECODING = re.compile(
    r"(?i)decode|unmarshal|bind|parse|deserial|readall|json|form|body|param|query"
)
# A list of the destinations registered or allowed for a client or a site.
_REGISTERED_LIST = re.compile(
    r"(?i)(?:redirect|callback|return|logout|login|origin|host|domain)_?(?:ur[il]|url|host|domain|origin)?s$"
    r"|^(?:allowed|registered|trusted|permitted|whitelisted|allowlisted|valid)_?\w*(?:ur[il]|url|host|domain|origin|redirect|callback)s?$"
    r"|(?:allow|white)_?list(?:ed)?(?:_?(?:ur[il]s|urls|hosts|domains|origins))?$"
)
# Response bodies a framework serialises as JSON when given an object or array literal
# (Koa's `ctx.body = { ... }`): only a string body is sent as HTML.
_JSON_BODIES = frozenset({"ctx.body"})
# Prefix tests (`startsWith`, `start_with?`, `strings.HasPrefix`, `str_starts_with`), lower-cased.
_PREFIX_CHECKS = frozenset({"startswith", "start_with", "hasprefix", "str_starts_with"})


_SCHEME_ONLY = re.compile(r"(?:https?:)?//")
_HOST_CALLS = frozenset({"getHost", "get_host", "getHttpHost", "host", "Host"})
_REQUEST_NAMES = frozenset({"request", "req", "r", "ctx", "c", "context", "this.request"})


def _scheme_only(prefix: list[Known]) -> bool:
    """Constant text before a part that is only a scheme: `https://`, `//`."""
    texts = [v for v in prefix if isinstance(v, str)]
    return len(texts) == len(prefix) and bool(_SCHEME_ONLY.fullmatch("".join(texts)))


def _plus_parts(expr: ir.Op) -> list[ir.Expr]:
    """The operands of a left-leaning `a + b + c` (PHP's `.` too), in order."""
    parts: list[ir.Expr] = []
    node: ir.Expr = expr
    while isinstance(node, ir.Op) and node.op == "+" and node.right is not None:
        parts.append(node.right)
        node = node.left
    parts.append(node)
    return parts[::-1]


def _own_host_url(parts: list[ir.Expr]) -> bool:
    first = parts[0]
    return (
        len(parts) >= 2
        and isinstance(first, ir.Const)
        and isinstance(first.value, str)
        and _scheme_only([first.value])
        and _own_host(parts[1])
    )


def _own_host(part: ir.Expr) -> bool:
    """The request's own `Host`: `$request->getHost()`, `request.get_host()`,
    `request.host`, `r.Host`, `$_SERVER['HTTP_HOST']`."""
    # Only on the request itself: `URI(params[:next]).host` is the client's host.
    if isinstance(part, ir.Call) and not part.args and part.recv is not None:
        return part.callee.rsplit(".", 1)[-1] in _HOST_CALLS and _is_request(part.recv)
    if isinstance(part, ir.Attr) and part.attr in ("host", "Host"):
        return _is_request(part.obj)
    if isinstance(part, ir.Index) and isinstance(part.key, ir.Const):
        owner = dotted(part.obj)
        return owner is not None and owner.endswith("_SERVER") and part.key.value == "HTTP_HOST"
    return False


def _is_request(expr: ir.Expr) -> bool:
    owner = dotted(expr)
    return owner is not None and owner.rsplit(".", 1)[-1].lstrip("$") in _REQUEST_NAMES


def _fixed_destination(prefix: list[Known]) -> bool:
    """Whether text starting with these parts already names its host: a constant
    `https://api.example.com/` or an internal base (`API`, `BASE`) followed by `/`."""
    text = ""
    for value in prefix:
        # An untainted value of unknown text (`API_BASE`) stands for a host of ours.
        text += value if isinstance(value, str) else "\x00"
    if "?" in text or "#" in text:
        # `reverse("tags") + "?" + query`: input after the query mark picks parameters of
        # a page already named, never the host.
        return True
    # A path of our own (`/password/reset/`): a browser keeps the host of the page for a
    # target starting with one `/` and a written-out character; `/` + input may be `//x`.
    if len(text) > 1 and text[0] == "/" and text[1] not in "/\\\x00":
        return True
    rest = _SCHEME.sub("", text, count=1)
    slash = rest.find("/")
    if slash == 0 and rest == text and len(text) > 1 and text[1] not in "/\\\x00":
        # A path of this site (`"/settings/" + name`): `//host` cannot follow it.
        return True
    return slash > 0


def _display_entry(stmt: ir.Assign) -> bool:
    """`session["new_token_key"] = token.key`: a field of a record the handler made,
    kept to show it back once. Only an entry later code trusts (who the user is, what
    they may do) crosses a trust boundary."""
    key = stmt.key
    return (
        isinstance(key, str)
        and not _TRUSTED_KEY.search(key)
        and isinstance(stmt.value, ir.Attr)
        and isinstance(stmt.value.obj, ir.Name)
    )


def _safe_for(taint: Taint, cls: str) -> bool:
    return all(cls in origin.cleared for origin in taint)


def _reads_referer(expr: ir.Expr) -> bool:
    """`headers["Referer"]`, `headers.get("Referer")`, `META.get("HTTP_REFERER")`."""
    if isinstance(expr, ir.Index):
        key: ir.Expr | None = expr.key
        holder = dotted(expr.obj)
    elif isinstance(expr, ir.Call) and expr.args:
        read = expr.callee.rsplit(".", 1)[-1].lower()
        if read not in _HEADER_READS:
            return False
        key = expr.args[0]
        # `req.header("Referer")` names a header itself; `x.get("referer")` only on the
        # request's header table (a form field may be called `referer` too).
        holder = None if read == "get" else "headers"
        if holder is None and expr.recv is not None:
            holder = dotted(expr.recv)
    else:
        return False
    if holder is None or holder.rsplit(".", 1)[-1].lower() not in _HEADER_TABLES:
        return False
    return (
        isinstance(key, ir.Const)
        and isinstance(key.value, str)
        and _REFERER_KEY.match(key.value) is not None
    )


def _entry_read(expr: ir.Expr, default: bool = False) -> str | None:
    """The entry a read names: `m['a']` or `m.get('a')` with a constant key; with
    `default`, also `m.get('a', 0)` with a constant default."""
    if isinstance(expr, ir.Index) and isinstance(expr.key, ir.Const):
        base = dotted(expr.obj)
        key = expr.key.value
    elif (
        isinstance(expr, ir.Call)
        and expr.recv is not None
        and expr.callee.rsplit(".", 1)[-1] == "get"
        and (len(expr.args) == 1 or (default and len(expr.args) == 2))
        and all(isinstance(a, ir.Const) for a in expr.args)
        and isinstance(expr.args[0], ir.Const)
    ):
        base = dotted(expr.recv)
        key = expr.args[0].value
    else:
        return None
    if base is None or not isinstance(key, str | int) or isinstance(key, bool):
        return None
    return ir.entry(base, key)


# printf-style calls -> position of the format argument.
_PRINTF = {
    "fmt.Sprintf": 0,
    "fmt.Printf": 0,
    "fmt.Errorf": 0,
    "fmt.Fprintf": 1,
    "sprintf": 0,
    "printf": 0,
    "vsprintf": 0,
}
_VERB = re.compile(r"%[-+# 0]*(\d+|\*)?(?:\.(\d+|\*))?([a-zA-Z%])")


def _numeric_format_args(call: ir.Call, state: _State, walk: _Walk) -> list[int]:
    """Arguments a constant printf format prints as numbers (`%d`, `%x`, `%f`): what
    comes out is digits whatever the value was."""
    at = _PRINTF.get(call.callee)
    if at is None or at >= len(call.args):
        return []
    known = walk.expr(call.args[at], state)[1]
    if not isinstance(known, str):
        return []
    found = [m for m in _VERB.finditer(known) if m.group(3) != "%"]
    if any("*" in (m.group(1) or "") + (m.group(2) or "") for m in found):
        return []  # a `*` width takes an argument of its own
    verbs = [m.group(3) for m in found]
    return [
        at + 1 + index
        for index, verb in enumerate(verbs)
        if verb in "dboxXfeEgGtU" and at + 1 + index < len(call.args)
    ]


def _format_fixes_destination(call: ir.Call, state: _State, walk: _Walk) -> bool:
    """A constant printf format whose text before its first verb already names the
    destination (`fmt.Sprintf("/reset_password?%s", q.Encode())`): what the arguments
    fill in picks a page or parameters of ours, never the host."""
    at = _PRINTF.get(call.callee)
    if at is None or at >= len(call.args):
        return False
    known = walk.expr(call.args[at], state)[1]
    if not isinstance(known, str):
        return False
    first = _VERB.search(known)
    return _fixed_destination([known[: first.start()] if first else known])


def _in_query(before: list[Known]) -> bool:
    """A part placed after constant text with `?` or `#` in it (`"#{dest}?from=#{path}"`):
    it fills a parameter or the fragment; whatever came first chose the destination."""
    return any(isinstance(v, str) and ("?" in v or "#" in v) for v in before)


def _format_names_page(known: Known) -> bool:
    """`"/compare/%s/%s" % [file, rev]` (Ruby, Python): a constant format whose text
    before its first verb already fixes the destination, so the values fill in a page
    of ours."""
    if not isinstance(known, str):
        return False
    first = _VERB.search(known)
    return first is not None and _fixed_destination([known[: first.start()]])


# Flask's request mappings whose values are text, and string methods that keep text.
_TEXT_MAPS = (
    "request.args",
    "request.form",
    "request.values",
    "request.headers",
    "request.cookies",
    "request.view_args",
)
_TEXT_METHODS = frozenset(
    {"strip", "lstrip", "rstrip", "lower", "upper", "title", "capitalize", "replace", "decode"}
)


def _built_text(expr: ir.Expr) -> bool:
    """An f-string, a format, or a `+` chain with a text literal in it."""
    if isinstance(expr, ir.Concat):
        return True
    if isinstance(expr, ir.Call) and expr.callee in _PRINTF and expr.args:
        return True  # `fmt.Sprintf(pageTemplate, title)`
    if (
        isinstance(expr, ir.Call)
        and isinstance(expr.recv, ir.Const)
        and isinstance(expr.recv.value, str)
        and expr.callee.rsplit(".", 1)[-1] == "join"
    ):
        return True  # `"".join(parts)`
    if isinstance(expr, ir.Op) and expr.op == "+" and expr.right is not None:
        return any(
            isinstance(side, ir.Const) and isinstance(side.value, str) or _built_text(side)
            for side in (expr.left, expr.right)
        )
    return False


def _walk_stmts(body: tuple[ir.Stmt, ...]) -> Iterator[ir.Stmt]:
    """Every statement of a body, those inside branches and loops included."""
    todo = list(body)
    while todo:
        stmt = todo.pop(0)
        yield stmt
        if isinstance(stmt, ir.If):
            todo += [*stmt.body, *stmt.orelse]
        elif isinstance(stmt, ir.Loop):
            todo += list(stmt.body)


def _returns_built_text(body: tuple[ir.Stmt, ...]) -> bool:
    """A helper that returns text it builds (`return "<h1>" + title + "</h1>"`, or a
    name it bound to such text): a handler returning its result returns that page."""
    built: set[str] = set()
    todo = list(body)
    while todo:
        stmt = todo.pop(0)
        if isinstance(stmt, ir.Assign) and _built_text(stmt.value):
            built.update(stmt.targets)
        elif isinstance(stmt, ir.Return) and stmt.expr is not None:
            if _built_text(stmt.expr):
                return True
            if isinstance(stmt.expr, ir.Name) and stmt.expr.name in built:
                return True
        elif isinstance(stmt, ir.If):
            todo += [*stmt.body, *stmt.orelse]
        elif isinstance(stmt, ir.Loop):
            todo += list(stmt.body)
    return False


_PACKAGE_PREFIX = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.$")


def _inside_package(call: ir.Call, built: dict[str, ir.Expr]) -> bool:
    """`import_module(f"app.processors.{name}.hooks")` (or a name bound to that text): the
    name is looked up inside the app's own package, so only its installed modules can
    load; nothing outside it runs."""
    if call.callee.rsplit(".", 1)[-1] not in ("import_module", "__import__") or not call.args:
        return False
    first = call.args[0]
    if isinstance(first, ir.Name) and first.name in built:
        first = built[first.name]
    if not isinstance(first, ir.Concat) or not first.parts:
        return False
    head = first.parts[0]
    return isinstance(head, ir.Const) and bool(_PACKAGE_PREFIX.match(str(head.value)))


# A storage backend's file methods (Django's `default_storage.open(name)`, an S3 or GCS
# storage's `open`/`delete`): the backend joins the name under its own location with
# `safe_join` and refuses one that leaves it, or treats it as an object key, where `..`
# names nothing outside.
_STORAGE_RECEIVER = re.compile(r"(?i)storage$")
_STORAGE_METHODS = frozenset({"open", "delete", "save", "exists", "size", "listdir", "path"})


def _confined_storage(call: ir.Call) -> bool:
    if call.recv is None or call.callee.rsplit(".", 1)[-1] not in _STORAGE_METHODS:
        return False
    receiver = dotted(call.recv)
    return receiver is not None and bool(_STORAGE_RECEIVER.search(receiver.rsplit(".", 1)[-1]))


def _result_of_method(call: ir.Call, pattern: str) -> bool:
    """`$this->httpClient->request('GET', $url)->toArray()`: the pattern's object
    (`request`) is what a method of another object returned (an HTTP client's response),
    not the request. A bare call (Laravel's `request()->input(...)`) is the request."""
    parts = pattern.lstrip("*=").split(".")
    recv = call.recv
    if len(parts) < 2 or not isinstance(recv, ir.Call) or recv.recv is None:
        return False
    return recv.callee.rsplit(".", 1)[-1] == parts[-2]


def dotted(expr: ir.Expr) -> str | None:
    if isinstance(expr, ir.Name):
        return expr.name
    if isinstance(expr, ir.Attr):
        base = dotted(expr.obj)
        return None if base is None else f"{base}.{expr.attr}"
    return None


def key_of(expr: ir.Expr | None) -> str | None:
    """A name for a value a guard can pin: a dotted name, or a read that gives the same
    value each time (`c.Query("sort")`, `params[:sort]`) with constant arguments."""
    if expr is None:
        return None
    name = dotted(expr)
    if name is not None:
        return name
    plain = isinstance(expr, ir.Call) and not expr.kwargs and not expr.tagged
    if isinstance(expr, ir.Call) and plain and all(isinstance(a, ir.Const) for a in expr.args):
        if expr.recv is not None and key_of(expr.recv) is None:
            return None
        args = ", ".join(repr(a.value) for a in expr.args if isinstance(a, ir.Const))
        return f"{expr.callee}({args})"
    if isinstance(expr, ir.Index) and isinstance(expr.key, ir.Const):
        base = key_of(expr.obj)
        return None if base is None else f"{base}[{expr.key.value!r}]"
    return None


def _cdiv(a: int | float, b: int | float) -> int | float:
    if isinstance(a, int) and isinstance(b, int):
        whole = abs(a) // abs(b)
        return whole if (a < 0) == (b < 0) else -whole
    return a / b


_FOLD_OPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "//": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    # `/` of Java, Kotlin, C# and Scala: whole numbers divide to a whole number,
    # truncated toward zero.
    "cdiv": lambda a, b: _cdiv(a, b),
    "truediv": lambda a, b: a / b,  # Python's `/`
    ">": lambda a, b: a > b,
    "<": lambda a, b: a < b,
    ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}


def _fold(op: str, left: Known, right: Known) -> Known:
    if isinstance(left, _Unknown) or isinstance(right, _Unknown):
        if op == "and" and left is False or op == "or" and left is True:
            return left
        return UNKNOWN
    if op == "and":
        return left and right
    if op == "or":
        return left or right
    func = _FOLD_OPS.get(op)
    if func is None:
        return UNKNOWN
    # Text and numbers only; mixing them (or huge powers) stays unknown.
    numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (left, right))
    textual = all(isinstance(v, str) for v in (left, right))
    if not (numeric or textual) and op not in ("==", "!="):
        return UNKNOWN
    if textual and op in ("*", "-", "//", "%", "cdiv", "truediv"):
        return UNKNOWN
    try:
        value = func(left, right)
    except (ArithmeticError, TypeError, ValueError):
        return UNKNOWN
    if isinstance(value, str) and len(value) > 10_000:
        return UNKNOWN
    return value


@dataclass(frozen=True)
class _Instance:
    """An object built from a class of the change, as its constructor left it."""

    cls: str
    fields: dict[str, Taint]
    owner: Analyzer  # the analyzer of the file that defines the class


@dataclass
class _Summary:
    returns: dict[int, frozenset[str]] = field(default_factory=dict)  # param -> cleared
    # param -> the call outside the change every path of it to the return went through
    through: dict[int, str | None] = field(default_factory=dict)
    sinks: list[tuple[int, frozenset[str], str | None, Flow]] = field(default_factory=list)
    # Request input the helper reads itself and returns (Rails' `user_params`).
    sources: Taint = EMPTY


_MAX_DEPTH = 3


# Languages whose handlers call a service object by its bare name: a constructor-injected
# field (`search.bySegment(...)` in Kotlin, Java, Scala, C#) or a module's service object
# (JS/TS `usersService.create(dto)`).
_INJECTING = frozenset({"kotlin", "java", "scala", "csharp", "typescript", "javascript"})


class Analyzer:
    """Flows of one module. `flows()` walks every function."""

    def __init__(self, module: ir.Module, spec: Spec) -> None:
        self.module = module
        self.spec = spec
        self.by_name: dict[str, ir.Function] = {}
        # (class, method name) -> method, for calls on an instance of a class of this file.
        self.methods: dict[tuple[str, str], ir.Function] = {}
        # Every function of each name, for a call that must resolve to exactly one.
        self.all_by_name: dict[str, list[ir.Function]] = {}
        for func in module.functions:
            self.by_name.setdefault(func.name, func)
            self.all_by_name.setdefault(func.name, []).append(func)
            if func.owner is not None:
                self.methods.setdefault((func.owner, func.name), func)
        self.classes = frozenset(owner for owner, _ in self.methods)
        self.summaries: dict[str, _Summary | None] = {}
        self.sanitizer_cache: dict[str, frozenset[str] | None] = {}
        self.opaque_cache: dict[str, bool] = {}
        self.conditional_sanitizers = tuple(s for s in spec.sanitizers if s.when_arg is not None)
        # `name:line` of a function -> what each of its names was ever bound to, for the
        # lambdas written inside it (closures read the enclosing function's variables).
        self.closures: dict[str, dict[str, Taint]] = {}
        # Calls that resolve to a function of another file: its analyzer and function.
        self.external: Callable[[ir.Call], tuple[Analyzer, ir.Function] | None] | None = None
        # A class built by a call, defined in another file of the change: that file's analyzer.
        self.external_class: Callable[[ir.Call], Analyzer | None] | None = None
        # Methods walked for a call on an instance, by what they were walked with; and how
        # many more such walks a file gets.
        self.inlined: dict[tuple[object, ...], tuple[Taint, dict[str, Taint], tuple[Flow, ...]]]
        self.inlined = {}
        self.inline_budget = 300
        self.path: str | None = None
        self._called: frozenset[str] | None = None

    def called_names(self) -> frozenset[str]:
        """The last names of every function this module's code calls."""
        if self._called is None:
            names: set[str] = set()
            stack: list[object] = list(self.module.functions)
            while stack:
                node = stack.pop()
                if isinstance(node, ir.Call):
                    names.add(node.callee.rsplit(".", 1)[-1])
                if is_dataclass(node) and not isinstance(node, type):
                    stack.extend(getattr(node, f.name) for f in fields(node))
                elif isinstance(node, tuple | list):
                    stack.extend(node)
            self._called = frozenset(names)
        return self._called

    # --- entry -----------------------------------------------------------------------

    def flows(self) -> list[Flow]:
        out: list[Flow] = []
        seen: set[tuple[object, ...]] = set()
        for func in self.module.functions:
            for flow in self._run(func, None, 0)[1]:
                if flow.origins and all(o.param is None for o in flow.origins):
                    key = (flow.cls, flow.line, flow.source_lines, flow.where)
                    if key not in seen:
                        seen.add(key)
                        out.append(flow)
        return out

    def raw_flows(self, only: Callable[[ir.Function], bool] | None = None) -> Iterator[Flow]:
        """Every flow of every function (or of those `only` picks), before `flows` keeps
        one per sink and source lines (a caller that merges the origins of one sink
        wants them all)."""
        for func in self.module.functions:
            if only is not None and not only(func):
                continue
            for flow in self._run(func, None, 0)[1]:
                if flow.origins and all(o.param is None for o in flow.origins):
                    yield flow

    # --- one function ----------------------------------------------------------------

    def _run(
        self, func: ir.Function, summarise: int | None, depth: int
    ) -> tuple[Taint, list[Flow]]:
        """Walk `func`; with `summarise`, its parameters carry markers instead of
        their own sources. Returns what the function returns and the flows found."""
        walk = _Walk(self, func, depth)
        state = _State(consts=dict(self.module.constants))
        if summarise is None and func.outer is not None:
            # Run after the enclosing function (functions are in source order).
            state.taint.update(self.closures.get(func.outer, {}))
        for index, param in enumerate(func.params):
            if summarise is not None:
                if not param.typed_safe:
                    state.taint[param.name] = frozenset(
                        {Origin(f"#{index}", func.line, param=index)}
                    )
            elif param.source and not param.typed_safe:
                described = (
                    f"`{param.name}`, a `[BindProperty]` property of page handler `{func.name}`"
                    if param.source == ir.BOUND_PROPERTY
                    else f"`{param.name}`, a parameter of handler `{func.name}` ({param.source})"
                )
                origin = Origin(
                    described,
                    func.line,
                    var=param.name,
                    handler_param=True,
                    # A route parameter bound by a mark (NestJS `@Param('id')`) is always
                    # a string: never a NoSQL operator object.
                    cleared=(_TEXT_SAFE if param.source in self.spec.text_sources else _NONE)
                    | (_PATH if param.one_segment else _NONE)
                    | (_UPLOAD_SAFE if param.upload else _NONE),
                    upload=param.upload,
                )
                state.taint[param.name] = frozenset({origin})
            elif param.name in state.taint:
                del state.taint[param.name]  # the lambda's own parameter shadows
        if summarise is None:
            walk.bound = {name: taint for name, taint in state.taint.items() if taint}
        walk.block(func.body, state)
        if summarise is None:
            self.closures[f"{func.name}:{func.line}"] = walk.bound
        return walk.returned, walk.found

    def summary(self, func: ir.Function, depth: int) -> _Summary | None:
        key = f"{func.name}:{func.line}"
        if key in self.summaries:
            return self.summaries[key]
        if depth >= _MAX_DEPTH:
            return None
        self.summaries[key] = None  # recursion: no summary while being built
        returned, found = self._run(func, 0, depth + 1)
        summary = _Summary()
        for origin in returned:
            if origin.param is not None:
                old = summary.returns.get(origin.param)
                summary.returns[origin.param] = (
                    origin.cleared if old is None else old & origin.cleared
                )
                seen = summary.through.get(origin.param, origin.through)
                summary.through[origin.param] = seen if origin.through else None
            elif not origin.handler_param:
                summary.sources |= {origin}
        for flow in found:
            for origin in flow.origins:
                if origin.param is not None:
                    summary.sinks.append((origin.param, origin.cleared, origin.through, flow))
        self.summaries[key] = summary
        return summary

    def qualified(self, callee: str) -> str:
        """The called name as imported: `uuidmod.UUID` after `import uuid as uuidmod` is
        `uuid.UUID`; a relative import keeps its dots (`.services.x`)."""
        head, dot, rest = callee.partition(".")
        origin = self.module.imports.get(head)
        return f"{origin}{dot}{rest}" if origin else callee

    def imported_name(self, callee: str) -> str:
        """`qualified`, except that a name from the project's own package stays as written."""
        full = self.qualified(callee)
        return callee if full.startswith(".") else full

    def opaque(self, callee: str) -> bool:
        known = self.opaque_cache.get(callee)
        if known is not None:
            return known
        full = self.qualified(callee)
        if full.startswith("."):
            known = True  # imported from the project's own package
        else:
            modules = self.spec.passthrough_modules
            # A module or class named in full (`os.path.join`) or last before the method
            # (`java.net.URI.create`, `Base64.getDecoder().decode`).
            known = not any(
                ".".join(parts[:i]) in modules or parts[i - 1] in modules
                for parts in (callee.split("."), full.split("."))
                for i in range(1, len(parts))
            ) and not any(
                matches(p, callee) or matches(p, full) for p in self.spec.passthrough_calls
            )
        self.opaque_cache[callee] = known
        return known

    def sanitizer(self, callee: str) -> frozenset[str] | None:
        if callee in self.sanitizer_cache:
            return self.sanitizer_cache[callee]
        found: frozenset[str] | None = None
        for item in self.spec.sanitizers:
            if item.when_arg is None and matches(item.callee, callee):
                found = item.classes if found is None else found | item.classes
        if _PATH_CLEANER.search(callee.rsplit(".", 1)[-1]) or _CONFINING_JOIN.match(
            callee.rsplit(".", 1)[-1]
        ):
            found = _PATH if found is None else found | _PATH
        self.sanitizer_cache[callee] = found
        return found


class _Walk:
    def __init__(self, analyzer: Analyzer, func: ir.Function, depth: int) -> None:
        self.a = analyzer
        self.spec = analyzer.spec
        self.func = func
        self.depth = depth
        self.returned: Taint = EMPTY
        self.found: list[Flow] = []
        self.bound: dict[str, Taint] = {}  # every taint each name was bound to
        self.keyed: dict[str, ir.Expr] = {}  # guard keys that are reads, not names
        # Names last bound to text built from parts, with the text they were bound to.
        self.built: dict[str, ir.Expr] = {}
        self.pending: dict[str, list[Flow]] = {}  # flows a later check may withdraw
        self.muted: list[frozenset[str]] = []  # classes not reported inside a sanitizer
        # Names last bound to a path joined from parts and not resolved (Python).
        self.joined: set[str] = set()
        self.paths: set[str] = set()  # names last bound to a pathlib path (Python)
        # Names last bound to the host of a URL (`host = urlparse(url).netloc`) -> the URL.
        self.hosts: dict[str, str] = {}
        # Names bound to an instance of a class of this file: its class and what its
        # constructor stored in each of its fields (`self.source`).
        self.instances: dict[str, _Instance] = {}
        # Names last bound to the result of a call, with the callee that made it (through
        # a function of this file, the call it returns): what kind of object a name is.
        self.made: dict[str, str] = {}
        # Names last bound to what a call returned (`ok, error = validate_name(name)`):
        # a test of the name is a test of that call.
        self.verdicts: dict[str, ir.Call] = {}

    # --- statements ------------------------------------------------------------------

    def block(self, stmts: tuple[ir.Stmt, ...], state: _State) -> _State:
        for stmt in stmts:
            if state.done:
                break
            state = self.stmt(stmt, state)
        return state

    def stmt(self, stmt: ir.Stmt, state: _State) -> _State:
        if isinstance(stmt, ir.Assign):
            found_before = len(self.found)
            taint, value = self.expr(stmt.value, state)
            for target in stmt.targets:
                self.verdicts.pop(target, None)
            if isinstance(stmt.value, ir.Call) and stmt.targets and not stmt.merge:
                # The first of `ok, error = check(x)` is the check's verdict.
                self.verdicts[stmt.targets[0]] = stmt.value
            if (
                len(stmt.targets) == 1
                and len(self.found) > found_before
                and not _ERROR_NAME.match(stmt.targets[0])
            ):
                # A path built here and checked later (`p.normalize().startsWith(base)`)
                # is withdrawn by that check. An error a file call returns (Go's
                # `if err := c.SaveUploadedFile(f, dst); err != nil`) is no path.
                built = [f for f in self.found[found_before:] if f.cls in _CHECKED_LATER]
                if built:
                    self.pending[stmt.targets[0]] = built
            for target in stmt.targets:
                for pattern, cls in self.spec.assign_sinks:
                    entry = pattern.endswith("[]")
                    if entry != stmt.merge:
                        # `response.data = html` is the body; `response.data["k"] = v`
                        # fills a dict the framework serialises.
                        continue
                    if not matches(pattern[:-2] if entry else pattern, target):
                        continue
                    if pattern in _JSON_BODIES and isinstance(stmt.value, ir.Seq):
                        continue
                    read = dotted(stmt.value)
                    made = read is not None and not self._source_attr(read, stmt.line)
                    if cls == "trust" and made and _display_entry(stmt):
                        continue
                    if (
                        cls == "trust"
                        and isinstance(stmt.key, str)
                        and _NAVIGATION_KEY.match(stmt.key)
                    ):
                        continue
                    # A key the client names in full (`session[request.args["k"]]`) picks
                    # any entry, `role` included; `f"seen_{post_id}"` picks only its own.
                    index = stmt.index
                    # ... or a name bound to such text (`key = "seen_" + x`).
                    text = self.built.get(index.name) if isinstance(index, ir.Name) else None
                    named = text is not None and _built_text(text)
                    whole = index is not None and not _built_text(index) and not named
                    keyed = self.expr(index, state)[0] if whole and index is not None else EMPTY
                    self._report(cls, target, stmt.line, stmt.line, taint | keyed)
            for target in stmt.targets:
                bound = frozenset(
                    replace(o, var=target.rsplit(".", 1)[-1]) if o.var is None else o for o in taint
                )
                if bound:
                    self.bound[target] = self.bound.get(target, EMPTY) | bound
                if stmt.merge:
                    state.taint[target] = state.taint.get(target, EMPTY) | bound
                    state.consts.pop(target, None)
                    # What entered only under constant keys, so a read of another
                    # constant key can leave it out (`_keyed_elsewhere`).
                    keyed = state.taint.get(target + _KEYED, EMPTY)
                    state.taint[target + _KEYED] = (
                        keyed | bound if stmt.key is not None else keyed - bound
                    )
                else:
                    state.taint[target] = bound
                    state.consts[target] = value
                    owner = _host_of(stmt.value)
                    url = key_of(owner) if owner is not None else None
                    if url is not None and len(stmt.targets) == 1:
                        self.hosts[target] = url
                    else:
                        self.hosts.pop(target, None)
                    if _joined_path(stmt.value) and self.spec.language == "python":
                        self.joined.add(target)
                    else:
                        self.joined.discard(target)
                    if self.spec.language == "python" and self._path_object(stmt.value):
                        self.paths.add(target)
                    else:
                        self.paths.discard(target)
                    maker = self._maker(stmt.value) if len(stmt.targets) == 1 else None
                    if maker is not None:
                        self.made[target] = maker
                    else:
                        self.made.pop(target, None)
                    obj = self._instance(stmt.value, state) if len(stmt.targets) == 1 else None
                    if obj is not None:
                        self.instances[target] = obj
                    else:
                        self.instances.pop(target, None)
                    if _built_text(stmt.value) or self._text_read(stmt.value):
                        self.built[target] = stmt.value
                    else:
                        self.built.pop(target, None)
                    # A new object for `x` replaces whatever was known about `x.attr`
                    # and `x['k']`.
                    _forget_entries(state, target)
                    if len(stmt.targets) == 1 and isinstance(stmt.value, ir.Seq):
                        self._entries(target, stmt.value, state)
            return state
        if isinstance(stmt, ir.Eval):
            self.expr(stmt.expr, state)
            self._raising_check(stmt.expr, state)
            return state
        if isinstance(stmt, ir.Return):
            body = stmt.expr
            if (
                isinstance(body, ir.Seq)
                and body.items
                and not body.keys
                and not body.const
                and self.spec.language == "python"
                and self.func.handler
            ):
                # Flask's `return body, 404` / `return body, 200, headers`: the first
                # item is the page, the others the status and headers.
                taints = [self.expr(item, state)[0] for item in body.items]
                self.returned |= frozenset().union(*taints)
                if not any(_declares_other_type(item) for item in body.items[1:]):
                    self._return_sink(body.items[0], taints[0])
            elif body is not None:
                taint, _ = self.expr(body, state)
                self.returned |= taint
                self._return_sink(body, taint)
            state.done = True
            return state
        if isinstance(stmt, ir.Stop):
            state.done = True
            return state
        if isinstance(stmt, ir.If):
            return self._if(stmt, state)
        if isinstance(stmt, ir.Loop):
            taint, _ = self.expr(stmt.iter, state)
            before = state.copy()
            for target in stmt.targets:
                state.taint[target] = taint
                state.consts[target] = UNKNOWN
            once = self.block(stmt.body, state.copy())
            once.done = False
            twice = self.block(stmt.body, once.copy())
            twice.done = False
            return _join([before, once, twice])
        return state

    def _if(self, stmt: ir.If, state: _State) -> _State:
        taint, value = self.expr(stmt.test, state)
        del taint
        if not isinstance(value, _Unknown):
            return self.block(stmt.body if value else stmt.orelse, state)
        then_clean, else_clean = self.guard(stmt.test, state)
        self._pin_reads(state, then_clean, else_clean)
        then_state = state.copy()
        else_state = state.copy()
        self._apply(then_state, then_clean)
        self._apply(else_state, else_clean)
        then_state = self.block(stmt.body, then_state)
        else_state = self.block(stmt.orelse, else_state)
        return _join([then_state, else_state])

    def _entries(self, target: str, value: ir.Seq, state: _State) -> None:
        """Each entry of a literal container on its own (`{"a": x}`, `[x, y]`), so a
        read of one that does not hold the input stays clean."""
        keys: tuple[str | int | None, ...] = value.keys or tuple(range(len(value.items)))
        for key, item in zip(keys, value.items, strict=False):
            if key is not None:
                taint, known = self.expr(item, state)
                state.taint[ir.entry(target, key)] = taint
                state.consts[ir.entry(target, key)] = known
        if not value.keys:
            state.consts[target + "[#]"] = len(value.items)

    def _pin_reads(self, state: _State, *cleans: dict[str, frozenset[str]]) -> None:
        """A guarded read (`c.Query("sort")`) gets its value in the state before the
        branches part, so the branch that does not clear it still carries it after the
        join."""
        for clean in cleans:
            for name in clean:
                read = self.keyed.get(name)
                if read is not None and name not in state.taint:
                    state.taint[name] = self.expr(read, state)[0]

    def _apply(self, state: _State, clean: dict[str, frozenset[str]]) -> None:
        for name, classes in clean.items():
            withdrawn = [
                f for f in self.pending.get(name, ()) if ALL in classes or f.cls in classes
            ]
            if withdrawn:
                self.found = [f for f in self.found if all(f is not w for w in withdrawn)]
            # A source read again inside the guarded branch (`req.query.sort`) is the
            # value the guard checked: pin it in the state so the read sees it.
            current = state.taint.get(name)
            if current is None:
                read = self.keyed.get(name)
                current = self._source_attr(name, 0) if read is None else self.expr(read, state)[0]
            state.taint[name] = _clear(current, classes)
            for token in classes:
                if token.startswith(_ENTRY_OF):
                    listed = state.taint.get(token[len(_ENTRY_OF) :], EMPTY)
                    state.taint[name] = state.taint[name] | listed

    def _return_sink(self, expr: ir.Expr, taint: Taint) -> None:
        if not taint or not self.func.handler:
            return
        text = isinstance(expr, ir.Concat) or (isinstance(expr, ir.Op) and expr.op == "+")
        first = _leaves(expr, _State())[0] if text else None
        if isinstance(first, str) and first.startswith("redirect:"):
            # Spring MVC: a view name `redirect:<url>` sends the client to that URL.
            if "redirect" in self.spec.classes:
                self._report("redirect", "return", expr.line, expr.line, taint)
            return
        cls = self.spec.return_sink
        if cls is not None:
            json = self.a.module.json_returns or self.func.returns_json
            if json and not self.func.returns_html:
                return
            if self.spec.language == "python" and any(
                param.name == "request" for param in self.func.params
            ):
                return  # a Django-style view answers with a response object, not a string
            # Text built here (`"<p>" + name`, or a name last bound to such text) is the
            # page; a bare value returned may be a dict or a response object.
            built = _built_text(expr) or self._text_read(expr)
            if isinstance(expr, ir.Name) and expr.name in self.built:
                built = True
            if isinstance(expr, ir.Call) and not built:
                helper = self._helper(expr)
                built = helper is not None and _returns_built_text(helper.body)
                outside = self.a.external(expr) if self.a.external and not built else None
                if outside is not None and _returns_built_text(outside[1].body):
                    # The page is built by a function of another file of the change: a
                    # cross-file flow whose sink is this file's return.
                    found = len(self.found)
                    self._report(cls, "return", expr.line, expr.line, taint)
                    where = (self.a.path or "", expr.line)
                    via = ((outside[1].name, expr.line),)
                    self.found[found:] = [
                        replace(f, where=where, via=via) for f in self.found[found:]
                    ]
                    return
            if built:
                self._report(cls, "return", expr.line, expr.line, taint)
            return
        if self.func.returns_html and "xss" in self.spec.classes and text:
            self._report("xss", "return", expr.line, expr.line, taint)

    def _text_query(self, call: ir.Call, positions: tuple[int, ...] | None) -> bool:
        """A query-document method (`find`, `find_one`, `deleteMany`) given text built
        here: a string cannot carry a query operator, and a document store refuses it, so
        the call is another API's (`ElementTree.find(path)`, `str.find(sub)`). Methods that
        do parse text (`Document.parse`, `$where`) are not these."""
        if call.callee.rsplit(".", 1)[-1].lower() not in _QUERY_DOCUMENT_METHODS:
            return False
        args = [a for i, a in enumerate(call.args) if positions is None or i in positions]
        return bool(args) and all(
            _built_text(a) or (isinstance(a, ir.Name) and a.name in self.built) for a in args
        )

    def _text_read(self, expr: ir.Expr) -> bool:
        """A Python value that is always text: a query, form, header or cookie value
        (`request.args.get("q")`, `request.form["q"]`), `str(x)`, or a string method or
        `unquote` applied to text. A handler returning it returns an HTML page."""
        if self.spec.language != "python":
            return False
        if isinstance(expr, ir.Name):
            return expr.name in self.built
        if isinstance(expr, ir.Index):
            return (dotted(expr.obj) or "").endswith(_TEXT_MAPS)
        if not isinstance(expr, ir.Call):
            return False
        last = expr.callee.rsplit(".", 1)[-1]
        if expr.callee == "str" and len(expr.args) == 1:
            # Of the request's own data only: what a query or a parser returned may be
            # rows or objects, not the text sent.
            arg = expr.args[0]
            read = arg.callee if isinstance(arg, ir.Call) else dotted(arg)
            read = read or (dotted(arg.obj) if isinstance(arg, ir.Index) else None)
            return (read or "").startswith("request.") or self._text_read(arg)
        if last == "get" and expr.recv is not None:
            return (dotted(expr.recv) or "").endswith(_TEXT_MAPS)
        if last in _TEXT_METHODS and expr.recv is not None:
            return self._text_read(expr.recv)
        if last in ("unquote", "unquote_plus") and len(expr.args) == 1:
            return self._text_read(expr.args[0])
        return False

    def _raising_check(self, expr: ir.Expr, state: _State) -> None:
        """`target.relative_to(BASE)` as a statement: the code after it runs only when
        `target` is under the base (the call raises otherwise)."""
        if (
            isinstance(expr, ir.Call)
            and expr.recv is not None
            and expr.args
            and expr.callee.rsplit(".", 1)[-1] in _RAISING_PATH_CHECK
        ):
            name = self._key(expr.recv)
            if name:
                self._apply(state, {name: _PATH})
        elif (
            isinstance(expr, ir.Call)
            and expr.args
            and _PATH_CHECK.match(expr.callee.rsplit(".", 1)[-1])
        ):
            # `verifyFilename(name);` as a statement, its result unused: it throws for a
            # name it refuses, so the code after it has a name that passed.
            name = self._key(expr.args[0])
            if name:
                self._apply(state, {name: _PATH})
        elif (
            isinstance(expr, ir.Call)
            and expr.args
            and self.spec.raising_conversions
            and any(
                matches(pattern, self.a.imported_name(expr.callee))
                for pattern in self.spec.raising_conversions
            )
        ):
            # `uuid.UUID(x)` / `int(x)` as a statement, result unused: the code after it
            # runs only with a value of that type (the call raises otherwise).
            name = self._key(expr.args[0])
            if name:
                self._apply(state, {name: frozenset({ALL})})

    # --- guards ----------------------------------------------------------------------

    def guard(
        self, test: ir.Expr, state: _State
    ) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
        """Names made safe when `test` is true, and when it is false."""
        if isinstance(test, ir.Op):
            if test.op == "not":
                then, other = self.guard(test.left, state)
                return other, then
            if test.op == "and" and test.right is not None:
                a, not_a = self.guard(test.left, state)
                b, not_b = self.guard(test.right, state)
                # False when either side is false: safe only where both falsities agree
                # (`x != "asc" && x != "desc"` false means x is one of the two).
                return self._local_path({**a, **b}, test, True), _both(not_a, not_b)
            if test.op == "or" and test.right is not None:
                a, not_a = self.guard(test.left, state)
                b, not_b = self.guard(test.right, state)
                return _both(a, b), self._local_path({**not_a, **not_b}, test, False)
            if test.right is not None and test.op in ("==", "!=", "==="):
                # `filter_var($x, FILTER_VALIDATE_INT) !== false`, `check(x) == true`: the
                # call's own test, read the other way round against false or null.
                for call, const in ((test.left, test.right), (test.right, test.left)):
                    if (
                        isinstance(call, ir.Call)
                        and isinstance(const, ir.Const)
                        and (const.value is True or const.value is False or const.value is None)
                    ):
                        then, other = self.guard(call, state)
                        truthy = (const.value is True) == (test.op != "!=")
                        return (then, other) if truthy else (other, then)
            if test.right is not None and test.op in ("==", "==="):
                # `uri.host == ALLOWED_HOST`: the URL was checked against a host.
                for side in (test.left, test.right):
                    key = self._host_key(side)
                    if key:
                        return {key: _DESTINATION}, {}
            if test.right is not None and test.op in ("==", "!=", "==="):
                # `typeof x === "string"`: no operator object; "number"/"boolean": no text.
                typed = _typeof_test(test.left, test.right) or _typeof_test(test.right, test.left)
                if typed is not None:
                    name, classes = self._key(typed[0]), typed[1]
                    if name:
                        safe = {name: classes}
                        return (safe, {}) if test.op != "!=" else ({}, safe)
            if test.right is not None and test.op in ("==", "!=", "==="):
                # `os.path.commonpath([full, BASE]) == BASE`: every listed path is under it.
                for side in (test.left, test.right):
                    listed = _common_path_args(side)
                    names = [n for n in (self._key(item) for item in listed) if n]
                    if names:
                        safe = {n: _PATH for n in names}
                        return (safe, {}) if test.op != "!=" else ({}, safe)
            if test.right is not None and test.op in ("in", "notin") and _parent_step(test.left):
                # `".." in name` true rejects the name.
                name = self._key(test.right)
                if name:
                    return ({}, {name: _PATH}) if test.op == "in" else ({name: _PATH}, {})
            if test.right is not None and test.op in ("in", "notin") and _quote(test.left):
                # `"'" in name` true rejects the name as a value of an XPath literal.
                name = self._key(test.right)
                if name:
                    return ({}, {name: _XPATH}) if test.op == "in" else ({name: _XPATH}, {})
            if test.right is not None and test.op in ("in", "notin", "==", "!=", "==="):
                name = self._key(test.left)
                right = test.right
                if name and test.op in ("in", "notin") and self._caller_list(right, state):
                    assert isinstance(right, ir.Name)
                    entry = {name: frozenset({ALL, _ENTRY_OF + right.name})}
                    return (entry, {}) if test.op == "in" else ({}, entry)
                if test.op in ("in", "notin"):
                    # A constant table, or a collection no input reaches (the files of a
                    # folder, a configured list): then the input is one of its entries.
                    fixed = self._constant_set(right, state) or not self.expr(right, state)[0]
                else:
                    # Equal to a constant, or to a value no input reaches (an entry of a
                    # configured allow-list): then the input is that value.
                    taint, known = self.expr(right, state)
                    fixed = not isinstance(known, _Unknown) or not taint
                # `url.hostname in ALLOWED_HOSTS`: the URL goes only to a listed host.
                key = self._host_key(test.left) if test.op in ("in", "notin") else None
                if (name or key) and fixed:
                    safe = {name: frozenset({ALL})} if name else {}
                    if key:
                        safe[key] = _DESTINATION
                    return (safe, {}) if test.op in ("in", "==", "===") else ({}, safe)
                name = self._key(right)
                if (
                    name
                    and test.op in ("==", "!=", "===")
                    and not isinstance(self.expr(test.left, state)[1], _Unknown)
                ):
                    safe = {name: frozenset({ALL})}
                    return (safe, {}) if test.op != "!=" else ({}, safe)
            return {}, {}
        if isinstance(test, ir.Index) and not isinstance(test.key, ir.Const):
            # `allowedHosts[u.Hostname()]` as a condition (a Go `map[string]bool`, a JS
            # lookup object): true only for a key the table lists.
            return self.guard(ir.Op(test.line, "in", test.key, test.obj), state)
        if isinstance(test, ir.Name) and test.name in self.verdicts:
            # `if not ok: raise` after `ok, error = validate_name(name)`.
            return self.guard(self.verdicts[test.name], state)
        if isinstance(test, ir.Call):
            vouched: dict[str, frozenset[str]] = {}  # a check may vouch for two operands
            if test.callee.rsplit(".", 1)[-1] == "compare_digest":
                # `compare_digest(sig, hmac.new(KEY, data, sha256).digest())` true: `data`
                # carries the server's own signature, so the server wrote it.
                for arg in test.args:
                    signed = self._key(_signed_message(arg))
                    if signed:
                        vouched[signed] = _SIGNED
            for item in self.spec.guards:
                if not matches(item.callee, test.callee):
                    continue
                if item.when_arg is not None and not _has_arg(test, item.when_arg, keys=True):
                    continue
                tested = test.recv if item.operand == "recv" else None
                if item.operand == "recv":
                    operand = test.recv
                    # `pattern.matcher(x).matches()`: the value is the inner argument.
                    if isinstance(operand, ir.Call) and operand.args:
                        operand = operand.args[0]
                    # `path.normalize().startsWith(base)`: the checked value is `path`.
                    elif (
                        isinstance(operand, ir.Call)
                        and operand.recv is not None
                        and operand.callee.rsplit(".", 1)[-1] in _CANONICAL
                    ):
                        operand = operand.recv
                else:
                    position = int(item.operand[3:])
                    operand = test.args[position] if position < len(test.args) else None
                name = self._key(operand)
                if name:
                    classes = self._prefix_classes(item, test, state)
                    if "path" in classes and self._joined_unresolved(tested or operand):
                        # `os.path.join(BASE, name).startswith(BASE)` holds for `../..`.
                        classes = classes - _PATH
                    vouched[name] = vouched.get(name, frozenset()) | classes
            if vouched:
                return vouched, {}
            last = test.callee.rsplit(".", 1)[-1]
            if _TYPE_CHECK.match(last) and test.args:
                # `IsIsoDate($start)`, `is_valid_uuid(x)`, `isInteger(n)`: a project's
                # predicate named for a type whose text holds no quote, slash or markup.
                name = self._key(test.args[0])
                if name:
                    return {name: frozenset({ALL})}, {}
            if _PATH_CHECK.match(last) and test.args:
                name = self._key(test.args[0])
                if name:
                    return {name: _PATH}, {}
            if _CONTAINMENT_CHECK.match(last) and test.args:
                inside = {n: _PATH for n in (self._key(arg) for arg in test.args) if n}
                if inside:
                    return inside, {}
            # `name.contains("..")` / `name.includes("..")` true rejects the name: where it is
            # false, no parent step is in it.
            dots = last.lower() in ("contains", "includes", "include?") and test.recv is not None
            if dots and len(test.args) == 1 and _parent_step(test.args[0]):
                name = self._key(test.recv)
                if name:
                    return {}, {name: _PATH}
            # The function forms: Go's `strings.Contains(name, "..")` and
            # `strings.ContainsAny(name, "/\\")`, PHP's `str_contains($name, '..')`.
            if last in ("Contains", "ContainsAny", "str_contains") and len(test.args) == 2:
                step = test.args[1]
                any_sep = (
                    last == "ContainsAny" and isinstance(step, ir.Const) and "/" in str(step.value)
                )
                if any_sep or _parent_step(step):
                    name = self._key(test.args[0])
                    if name:
                        return {}, {name: _PATH}
            if last in ("equals", "equalsIgnoreCase") and test.recv is not None and test.args:
                pair = (test.recv, test.args[0])
                for mine, against in (pair, pair[::-1]):
                    checked = self._key(mine)
                    if checked and not isinstance(self.expr(against, state)[1], _Unknown):
                        return {checked: frozenset({ALL})}, {}
            # Membership on a constant table: ALLOWED.contains(x), ALLOWED.has(x).
            last = test.callee.rsplit(".", 1)[-1]
            membership = last in _MEMBERSHIP
            if membership and test.args and test.recv is not None:
                name = self._key(test.args[0])
                if name and self._caller_list(test.recv, state):
                    # The value is one of the caller's entries: it carries their taint now.
                    assert isinstance(test.recv, ir.Name)
                    return {name: frozenset({ALL, _ENTRY_OF + test.recv.name})}, {}
                if name and self._constant_set(test.recv, state):
                    safe = {name: frozenset({ALL})}
                    # `HOSTS.has(url.hostname)`: the URL itself goes only to a listed host.
                    key = self._host_key(test.args[0])
                    if key:
                        safe[key] = _DESTINATION
                    return safe, {}
            registered = self._registered_member(test, state)
            if registered:
                return {registered: _DESTINATION}, {}
        return {}, {}

    def _registered_member(self, test: ir.Call, state: _State) -> str | None:
        """`slices.Contains(client.RedirectURIs, uri)`, `client.redirect_uris.includes(uri)`,
        `registered_callbacks.include?(uri)`: the URL is one of a list named for the
        destinations registered or allowed for it (an OAuth client's redirect URIs), so it
        goes only where that list says. The list is read from a stored record; the
        request may pick the record, not what it holds. Returns the tested name."""
        last = test.callee.rsplit(".", 1)[-1]
        if last not in _MEMBERSHIP and last not in ("Contains", "contains", "in_array"):
            return None
        if test.recv is not None and len(test.args) == 1 and last in _MEMBERSHIP:
            listed, member = test.recv, test.args[0]
        elif len(test.args) == 2 and test.callee.split(".")[0] not in _SUBSTRING_OWNERS:
            # Go's `slices.Contains(list, x)`; PHP's `in_array($x, $list)`.
            listed, member = test.args[::-1] if last == "in_array" else test.args
        else:
            return None
        name = dotted(listed)
        if name is None or not _REGISTERED_LIST.search(name.rsplit(".", 1)[-1]):
            return None
        for origin in self.expr(listed, state)[0]:
            # A list the request itself filled (or decoded from its body); one read from a
            # record an opaque lookup found by the request's id
            # (`store.Client(id).RedirectURIs`) is the record's.
            if origin.through is None or _DECODING.search(origin.through):
                return None
        return self._key(member)

    def _local_path(
        self, safe: dict[str, frozenset[str]], test: ir.Op, holds: bool
    ) -> dict[str, frozenset[str]]:
        """`x.startswith("/") and not x.startswith("//")` true (or its negation,
        `not x.startswith("/") or x.startswith("//")`, false): `x` is a path of this site,
        so a redirect to it stays on our host. One `/` alone is not enough (`//evil.com`)."""
        facts: list[tuple[ir.Expr, bool]] = []
        self._conditions(test, holds, facts)
        starts: set[str] = set()
        not_double: set[str] = set()
        for expr, true in facts:
            found = self._prefix_test(expr)
            if found is None:
                continue
            name, prefix = found
            if true and prefix == "/":
                starts.add(name)
            elif not true and prefix in ("//", "/\\"):
                not_double.add(name)
        for name in starts & not_double:
            safe = {**safe, name: safe.get(name, frozenset()) | {"redirect"}}
        return safe

    def _conditions(self, expr: ir.Expr, holds: bool, out: list[tuple[ir.Expr, bool]]) -> None:
        """The conditions that hold when `expr` is `holds`: the parts of an `and` that is
        true, or of an `or` that is false, with `not` turned into the polarity."""
        if isinstance(expr, ir.Op) and expr.op == "not":
            self._conditions(expr.left, not holds, out)
        elif (
            isinstance(expr, ir.Op)
            and expr.right is not None
            and expr.op == ("and" if holds else "or")
        ):
            self._conditions(expr.left, holds, out)
            self._conditions(expr.right, holds, out)
        else:
            out.append((expr, holds))

    def _prefix_test(self, expr: ir.Expr) -> tuple[str, str] | None:
        """(checked name, constant prefix) of `x.startswith("/")`,
        `strings.HasPrefix(x, "/")` or `str_starts_with($x, "/")`."""
        if not isinstance(expr, ir.Call):
            return None
        if expr.callee.rsplit(".", 1)[-1].lower().rstrip("?") not in _PREFIX_CHECKS:
            return None
        texts = [a.value for a in expr.args if isinstance(a, ir.Const) and isinstance(a.value, str)]
        rest = [a for a in expr.args if not isinstance(a, ir.Const)]
        if len(texts) != 1:
            return None
        if len(expr.args) == 1 and expr.recv is not None:
            subject: ir.Expr | None = expr.recv
        elif len(expr.args) == 2 and len(rest) == 1:
            subject = rest[0]
        else:
            return None
        name = self._key(subject)
        return (name, texts[0]) if name else None

    def _prefix_classes(self, item: Guard, test: ir.Call, state: _State) -> frozenset[str]:
        """A prefix check keeps a redirect or request on our host only when the prefix
        already fixes the host: `https://host/` or `/path/`. `startsWith(url, "https://host")`
        lets `https://host.evil.com` through, and Laravel's `url('/')` has no slash."""
        last = test.callee.rsplit(".", 1)[-1].lower().rstrip("?")
        if last not in _PREFIX_CHECKS or not item.classes & _DESTINATION:
            return item.classes
        position = 0 if item.operand == "recv" else int(item.operand[3:]) + 1
        prefix = test.args[position] if position < len(test.args) else None
        if prefix is not None and _fixed_destination(_leaves(prefix, state)):
            return item.classes
        return item.classes - _DESTINATION

    def _path_object(self, expr: ir.Expr | None) -> bool:
        """A pathlib path: `Path(...)`, `root / name`, `root.joinpath(name)`, or a name
        last bound to one."""
        if isinstance(expr, ir.Name):
            return expr.name in self.paths
        if isinstance(expr, ir.Op):
            return expr.op == "truediv"
        return isinstance(expr, ir.Call) and expr.callee.rsplit(".", 1)[-1] in _PATH_MAKERS

    def _joined_unresolved(self, expr: ir.Expr | None) -> bool:
        """A path joined from parts with no `normpath`/`realpath`/`resolve` in between:
        `..` in it is still there when its prefix is compared."""
        if self.spec.language != "python" or expr is None:
            return False
        if isinstance(expr, ir.Name):
            return expr.name in self.joined
        return _joined_path(expr)

    def _host_key(self, expr: ir.Expr) -> str | None:
        """The URL whose host `expr` reads: `u.hostname`, `urlparse(u).netloc`, or a
        name last bound to one of those."""
        owner = _host_of(expr)
        if owner is not None:
            return self._key(owner)
        return self.hosts.get(expr.name) if isinstance(expr, ir.Name) else None

    def _key(self, expr: ir.Expr | None) -> str | None:
        key = key_of(expr)
        if key is not None and expr is not None and not isinstance(expr, ir.Name | ir.Attr):
            self.keyed[key] = expr
        return key

    def _caller_list(self, expr: ir.Expr, state: _State) -> bool:
        """A helper's own parameter that only its caller fills (`def apply(rel, scope,
        valid_scopes)` called with `Payment::STATES`): while the helper is summarised its
        value is the caller's, which passes the app's list of names, not request text."""
        if not isinstance(expr, ir.Name):
            return False
        if not any(p.name == expr.name for p in self.func.params):
            return False
        taint = state.taint.get(expr.name, EMPTY)
        return bool(taint) and all(origin.param is not None for origin in taint)

    def _constant_set(self, expr: ir.Expr, state: _State) -> bool:
        if isinstance(expr, ir.Seq):
            return all(not isinstance(self.expr(i, state)[1], _Unknown) for i in expr.items)
        if isinstance(expr, ir.Const):
            return isinstance(expr.value, str)
        name = dotted(expr)
        if name is None:
            if isinstance(expr, ir.Call) and expr.recv is not None:
                return self._constant_set(expr.recv, state)
            return False
        if name in self.a.module.const_tables:
            return True
        size = state.consts.get(name + "[#]")
        if isinstance(size, int) and not isinstance(size, bool) and not state.taint.get(name):
            # A list literal assigned here and not changed since: `$allowed = ['a', 'b']`.
            entries = [ir.entry(name, i) for i in range(size)]
            return all(
                isinstance(state.consts.get(e), str) and not state.taint.get(e) for e in entries
            )
        last = name.rsplit(".", 1)[-1]
        return last.isupper() and not state.taint.get(name)

    # --- expressions -----------------------------------------------------------------

    def expr(self, expr: ir.Expr, state: _State) -> tuple[Taint, Known]:
        taint, value = self._expr(expr, state)
        if taint and _reads_referer(expr):
            return _clear(taint, _REDIRECT), value
        return taint, value

    def _expr(self, expr: ir.Expr, state: _State) -> tuple[Taint, Known]:
        if isinstance(expr, ir.Const):
            return EMPTY, expr.value
        if isinstance(expr, ir.Name):
            if expr.name in state.taint:
                return state.taint[expr.name], state.consts.get(expr.name, UNKNOWN)
            source = self._source_attr(expr.name, expr.line)
            if source:
                return source, UNKNOWN
            helper = self.a.by_name.get(expr.name) if self.spec.language == "ruby" else None
            if helper is not None and helper is not self.func and not helper.params:
                # Ruby calls a method without arguments by its bare name (`user_params`).
                return self.call(ir.Call(expr.line, expr.name, None, ()), state)
            return state.taint.get(expr.name, EMPTY), state.consts.get(expr.name, UNKNOWN)
        if isinstance(expr, ir.Attr):
            path = dotted(expr)
            if path is not None:
                if path in state.taint:
                    return state.taint[path], state.consts.get(path, UNKNOWN)
                source = self._source_attr(path, expr.line)
                if source:
                    return source, UNKNOWN
            taint, _ = self.expr(expr.obj, state)
            if taint and expr.attr in self.spec.upload_names:
                taint = _client_file_name(taint)
            if taint and expr.attr in self.a.module.text_fields:
                taint = _clear(taint, _TEXT_SAFE)  # a field declared `string`, `int`, ...
            # A property the data lists as a sanitizer (`ids.length`, `list.size`) is a
            # number, like the call of the same name.
            classes = self.a.sanitizer(path if path is not None else f"_.{expr.attr}")
            if taint and classes is not None:
                return _clear(taint, classes), UNKNOWN
            return taint, UNKNOWN
        if isinstance(expr, ir.Index | ir.Call) and state.taint:
            key = key_of(expr)
            if key is not None and key in state.taint and key in self.keyed:
                return state.taint[key], UNKNOWN
            entry = _entry_read(expr)
            if entry is not None and entry in state.taint:
                return state.taint[entry], state.consts.get(entry, UNKNOWN)
            entry = _entry_read(expr, default=True)
            if entry is not None:
                base = entry[: entry.index("[")]
                if base + _KEYED in state.taint and base in state.taint:
                    # `session.get("visits")` after `session["q"] = input`: the input
                    # went under another key.
                    return state.taint[base] - state.taint[base + _KEYED], UNKNOWN
            if isinstance(expr, ir.Index) and key is not None and key in state.taint:
                # A value stored under a constant key (Java `map.put("k", v)`).
                return state.taint[key], state.consts.get(key, UNKNOWN)
        if isinstance(expr, ir.Index) and self.spec.keyed_sources:
            keyed = self._keyed_source(expr.obj, expr.key, expr.line)
            if keyed is not None:
                return keyed, UNKNOWN
        if isinstance(expr, ir.Index):
            taint, whole = self.expr(expr.obj, state)
            key_taint, index = self.expr(expr.key, state)
            # A character of known text (`"ABC"[1]`) is known too.
            if isinstance(whole, str) and isinstance(index, int) and not isinstance(index, bool):
                return taint, whole[index] if -len(whole) <= index < len(whole) else UNKNOWN
            name = dotted(expr.obj)
            # A constant table indexed by input yields one of its own constants.
            if name is not None and self._constant_set(expr.obj, state) and not taint:
                return EMPTY, UNKNOWN
            del key_taint
            if taint and isinstance(expr.key, ir.Const) and isinstance(expr.key.value, str):
                for key, classes in self.spec.safe_keys:
                    if expr.key.value == key:
                        taint = _clear(taint, classes)
            return taint, UNKNOWN
        if isinstance(expr, ir.Call):
            return self.call(expr, state)
        if isinstance(expr, ir.Concat):
            taint = EMPTY
            values: list[Known] = []
            prefix: list[Known] = []  # the untainted parts before the first tainted one
            fixed: bool | None = None  # decided at the first tainted part, for all after it
            for part in _flat(expr.parts):
                t, v = self.expr(part, state)
                if t and fixed is None and _scheme_only(prefix) and _own_host(part):
                    # `"https://" . $request->getHost() . $uri`: the host the browser
                    # itself asked for, then a path there (a fetch to it is another matter).
                    fixed = True
                    t = _clear(t, _REDIRECT_ONLY)
                if t and not _safe_for(t, "redirect") and fixed is None:
                    fixed = _fixed_destination(prefix)
                if t and (fixed or _in_query(values)):
                    t = _clear(t, _DESTINATION)
                if fixed is None:
                    prefix.append(v)
                taint |= t
                values.append(v)
            if all(isinstance(v, str) for v in values):
                return taint, "".join(v for v in values if isinstance(v, str))
            return taint, UNKNOWN
        if isinstance(expr, ir.Op):
            lt, lv = self.expr(expr.left, state)
            if expr.right is None:
                if expr.op == "not":
                    return EMPTY, UNKNOWN if isinstance(lv, _Unknown) else not lv
                if expr.op == "-" and isinstance(lv, int | float):
                    return lt, -lv
                if expr.op == "num":  # JavaScript's unary `+`: a number
                    return EMPTY, lv if isinstance(lv, int | float) else UNKNOWN
                if expr.op == "eq-operand":  # the value of MongoDB's `{ $eq: x }`
                    return _clear(lt, frozenset({"nosql"})), UNKNOWN
                if expr.op == "script-operand":  # MongoDB's `$where`: JavaScript it runs
                    return _unclear(lt, _TEXT_SAFE), UNKNOWN
                return lt, UNKNOWN
            rt, rv = self.expr(expr.right, state)
            value = _fold(expr.op, lv, rv)
            if expr.op in ("==", "!=", ">", "<", ">=", "<=", "in", "notin", "is", "isnot", "==="):
                return EMPTY, value  # a comparison yields a boolean, never the text
            if expr.op in ("and", "or") and not isinstance(lv, _Unknown):
                # Short-circuit: only the operand that is the result carries its taint.
                pick_left = bool(lv) if expr.op == "or" else not bool(lv)
                return (lt, lv) if pick_left else (rt, rv)
            if expr.op == "+" and (parts := _plus_parts(expr)) and _own_host_url(parts):
                # `"https://" . $request->getHost() . $uri`, as for a concatenation.
                if len(parts) == 2:
                    rt = _clear(rt, _REDIRECT_ONLY)
                else:
                    lt, rt = _clear(lt, _REDIRECT_ONLY), _clear(rt, _DESTINATION)
            elif expr.op == "+" and rt and _fixed_destination(_leaves(expr.left, state)):
                # Only for the classes the left part is already safe for: a tainted
                # `request.path` names a page of ours for a redirect, not for a fetch.
                rt = _clear(rt, frozenset(c for c in _DESTINATION if _safe_for(lt, c)))
            if expr.op == "%" and rt and not lt and _format_names_page(lv):
                rt = _clear(rt, _DESTINATION)
            return lt | rt, value
        if isinstance(expr, ir.Cond):
            _, test = self.expr(expr.test, state)
            if not isinstance(test, _Unknown):
                return self.expr(expr.then if test else expr.other, state)
            then_clean, else_clean = self.guard(expr.test, state)
            self._pin_reads(state, then_clean, else_clean)
            then_state = state.copy()
            self._apply(then_state, then_clean)
            else_state = state.copy()
            self._apply(else_state, else_clean)
            tt, tv = self.expr(expr.then, then_state)
            ot, ov = self.expr(expr.other, else_state)
            same = tv == ov and not isinstance(tv, _Unknown)
            return tt | ot, tv if same else UNKNOWN
        if isinstance(expr, ir.Comp):
            taint, _ = self.expr(expr.iter, state)
            inner = state.copy()
            for target in expr.targets:
                inner.taint[target] = taint
                inner.consts[target] = UNKNOWN
            for cond in expr.conds:
                # A call in the filter runs for every item: it may be a sink itself
                # (`[p for p in root.iter() if p.find(path_from_input)]`).
                self.expr(cond, inner)
                # `[k for k in body if k in ALLOWED]`: only items the filter let through.
                self._apply(inner, self.guard(cond, inner)[0])
            return self.expr(expr.elt, inner)[0], UNKNOWN
        if isinstance(expr, ir.Seq):
            taint = EMPTY
            for item in expr.items:
                taint |= self.expr(item, state)[0]
            return taint, UNKNOWN
        if isinstance(expr, ir.Other):
            taint = EMPTY
            for part in expr.parts:
                taint |= self.expr(part, state)[0]
            return taint, UNKNOWN
        return EMPTY, UNKNOWN

    def _keyed_source(self, obj: ir.Expr, key: ir.Expr | None, line: int) -> Taint | None:
        """The taint of `obj[key]` (or `obj(key)`) when `obj` is a keyed source: input
        under a key the data names, nothing under any other; None for any other `obj`."""
        call_name = obj.callee if isinstance(obj, ir.Call) and not obj.args else None
        name = dotted(obj) if not isinstance(obj, ir.Call) else call_name
        if name is None:
            return None
        for pattern, wanted in self.spec.keyed_sources:
            if matches(pattern, name):
                value = key.value if isinstance(key, ir.Const) else None
                if isinstance(value, str) and wanted.search(value):
                    label = pattern.lstrip("=*.")
                    return frozenset({self._source_origin(label, line)})
                return EMPTY
        return None

    def _source_attr(self, path: str, line: int) -> Taint:
        if self.spec.language == "ruby" and self._shadowed(path):
            return EMPTY
        for pattern in self.spec.source_attrs:
            if path == pattern or path.endswith("." + pattern):
                if path != pattern and _OUTGOING_OWNER.match(path[: -len(pattern) - 1]):
                    continue  # `e.request.url`: our own outgoing request, not the client's
                return frozenset({self._source_origin(pattern, line)})
            if pattern.endswith(".*") and "." in path:
                # Any field of the object (Laravel's `$request->email`).
                owner = path.rsplit(".", 1)[0]
                if owner == pattern[:-2] or owner.endswith("." + pattern[:-2]):
                    return frozenset({Origin(path, line, cleared=self._text(pattern))})
        return EMPTY

    def _shadowed(self, path: str) -> bool:
        """Rails' `params`, `request` and `cookies` are methods of the controller. A method
        with a parameter of that name (`def activity_page_options(params)`) that this file
        calls gets the value its callers pass, which the walk of each caller follows; one
        called only from elsewhere (`def self.search(params)`, called by a controller with
        the request's params) keeps reading it as the request."""
        root = re.split(r"[.\[]", path, maxsplit=1)[0]
        if not any(param.name == root for param in self.func.params):
            return False
        return self.func.name in self.a.called_names()

    def _source_origin(self, label: str, line: int) -> Origin:
        upload = label in self.spec.upload_sources
        return Origin(label, line, cleared=self._text(label), upload=upload)

    def _text(self, source: str) -> frozenset[str]:
        """Classes a source's value is safe for because it is always a string, or
        because it names a page of this site (the path the router matched, the Referer)."""
        safe = _TEXT_SAFE if source in self.spec.text_sources else frozenset()
        if source in self.spec.same_site_sources:
            safe = safe | _REDIRECT
        if source in self.spec.path_safe_sources:
            safe = safe | _PATH
        if source in self.spec.upload_sources:
            safe = safe | _UPLOAD_SAFE
        return safe

    def call(self, call: ir.Call, state: _State) -> tuple[Taint, Known]:
        if (
            self.spec.upload_names
            and call.recv is not None
            and not call.args
            and call.callee.rsplit(".", 1)[-1] in self.spec.upload_names
        ):
            # `file.getOriginalFilename()`: the name the client sent with its upload.
            named, _ = self.expr(call.recv, state)
            if any(origin.upload for origin in named):
                return _client_file_name(named), UNKNOWN
        if (
            call.recv is not None
            and call.callee.rsplit(".", 1)[-1] in _TEMPLATE_FILLS
            and call.args
            and not call.kwargs
        ):
            # Spring's `UriComponentsBuilder.fromHttpUrl(base).buildAndExpand(id, size)`:
            # the values fill the `{slots}` of a template whose host is its own (encoded,
            # so they cannot add one): from a template not built from input, they pick a
            # path there, never the host.
            base, _ = self.expr(call.recv, state)
            taint = base
            for arg in call.args:
                filled, _ = self.expr(arg, state)
                taint |= filled if base else _clear(filled, _DESTINATION)
            return taint, UNKNOWN
        taint, known = self._call(call, state)
        if taint and self.spec.parsers:
            callee = self.a.imported_name(call.callee)
            if any(matches(pattern, callee) for pattern in self.spec.parsers):
                # Text parsed into a structure: an operator object can come out of it.
                taint = _unclear(taint, _TEXT_SAFE)
        if not call.new and unread_check.is_check_name(call.callee):
            self._mark_checked(call, state)
        return taint, known

    def _mark_checked(self, call: ir.Call, state: _State) -> None:
        """The names given to a check the engine does not read carry its mark from here
        on, in every branch: the flow is then the check's to decide (the summary). What
        the call returns is not marked: a message it builds may still quote the input."""
        token = frozenset({unread_check.mark(call.callee, call.line)})
        given = [*call.args, *(v for _, v in call.kwargs)]
        if call.recv is not None:
            given.append(call.recv)
        # `is_inside(os.path.join(BASE, name), BASE)`: the value inside the expression.
        for arg in list(given):
            if isinstance(arg, ir.Call):
                given.extend(arg.args)
                if arg.recv is not None:
                    given.append(arg.recv)
        for arg in given:
            name = self._key(arg) if isinstance(arg, ir.Name | ir.Attr | ir.Index) else None
            if name is None:
                continue
            current = state.taint.get(name)
            if current is None:
                read = self.keyed.get(name)
                current = self._source_attr(name, 0) if read is None else self.expr(read, state)[0]
            if current:
                state.taint[name] = _clear(current, token)

    def _call(self, call: ir.Call, state: _State) -> tuple[Taint, Known]:
        recv_taint = EMPTY
        if call.recv is not None:
            cleans = self.a.sanitizer(call.callee) if isinstance(call.recv, ir.Call) else None
            if cleans and ALL in cleans and self.spec.language not in _ROWS_NOT_INPUT:
                # `db.execute(sql).fetchall()`: rows carry no input, but the query ran.
                cleans = None
            # `new File(name).getName()`: the object is built only to take the safe part.
            self.muted.append(cleans or frozenset())
            try:
                recv_taint = self.expr(call.recv, state)[0]
            finally:
                self.muted.pop()
        arg_taints = [self.expr(a, state)[0] for a in call.args]
        for position in _numeric_format_args(call, state, self):
            arg_taints[position] = EMPTY
        if _format_fixes_destination(call, state, self):
            arg_taints = [_clear(t, _DESTINATION) for t in arg_taints]
        kw_taints = {k: self.expr(v, state)[0] for k, v in call.kwargs}
        for item in self.a.conditional_sanitizers:
            if (
                item.when_arg is not None
                and matches(item.callee, call.callee)
                and _has_arg(_only_arg(call, item.at, item.at_kwarg), item.when_arg, keys=True)
            ):
                every = recv_taint.union(*arg_taints, *kw_taints.values())
                return _clear(every, item.classes), UNKNOWN
        if _extension_slice(call, self.spec.language):
            return _clear(recv_taint.union(*arg_taints), _PATH_ONLY), UNKNOWN
        if _own_origin_url(call, self.spec.language):
            return _clear(recv_taint.union(*arg_taints), _REDIRECT_ONLY), UNKNOWN
        if self.spec.keyed_sources and call.args:
            # `getenv('HTTP_X')`, `file_get_contents('php://input')`; another key falls
            # through (the call may still be a sink).
            keyed = self._keyed_source(ir.Name(call.line, call.callee), call.args[0], call.line)
            if keyed:
                return keyed, UNKNOWN
        for pattern in self.spec.source_calls:
            if matches(pattern, call.callee) and not _result_of_method(call, pattern):
                label = call.callee if pattern.startswith(("*", "=", "%", "~")) else pattern
                return frozenset({self._source_origin(label, call.line)}), UNKNOWN
        if (
            call.callee.endswith(".open")
            and self.spec.language == "python"
            and all(isinstance(a, ir.Const) for a in call.args)
            and self._path_object(call.recv)
        ):
            # pathlib's `(ROOT / name).open("rb")`: the path is the receiver.
            self._report("path", call.callee, call.line, max(call.end, call.line), recv_taint)
        sink = not call.tagged and not self._own_method(call)
        if sink and self._sinks(call, state, arg_taints, kw_taints, recv_taint):
            # What a query returns is rows of the database, not the request's text.
            return EMPTY, UNKNOWN
        last = call.callee.rsplit(".", 1)[-1]
        if not call.tagged and last in _FILE_CONTENT and self._reads_file(call):
            return EMPTY, UNKNOWN
        if last in _SETS_TYPE and call.recv is not None:
            declared = _content_type_of(call, state, self)
            target = _response_of(call.recv)
            if declared is not None and target is not None:
                state.consts[target + _CONTENT_TYPE] = declared
        every = recv_taint.union(*arg_taints, *kw_taints.values())
        if last in self.spec.mutators and call.recv is not None:
            # A builder chain (`sb.append("<b>").append(x)`) adds to the first receiver.
            base = call.recv
            while isinstance(base, ir.Call) and base.recv is not None:
                if base.callee.rsplit(".", 1)[-1] not in self.spec.mutators:
                    break
                base = base.recv
            target = dotted(base)
            if target is not None and (arg_taints or kw_taints):
                added = frozenset().union(*arg_taints, *kw_taints.values())
                state.taint[target] = state.taint.get(target, EMPTY) | added
                size = state.consts.get(target + "[#]")
                # `m.update(...)`, `insert`, `pop` may have replaced or moved any entry;
                # an append to a list of known length adds the next one.
                state.consts.pop(target, None)
                if last in ("append", "push") and isinstance(size, int) and len(arg_taints) == 1:
                    state.taint[ir.entry(target, size)] = arg_taints[0]
                    state.consts[ir.entry(target, size)] = self.expr(call.args[0], state)[1]
                    state.consts[target + "[#]"] = size + 1
                else:
                    _forget_entries(state, target, entries_only=True)
        if last in ("pop", "remove") and self.spec.language == "python":
            removed = self._list_remove(call, state)
            if removed is not None:
                return removed, UNKNOWN
        # A lookup in a constant table (`DIRECTIONS.get(x, "ASC")`) yields one of its
        # constants or the default.
        if last in _REORDERING and call.recv is not None:
            moved = dotted(call.recv)
            if moved is not None:
                _forget_entries(state, moved, entries_only=True)
        lookup = last == "get" and call.recv is not None and not recv_taint
        if lookup and call.recv is not None and self._constant_set(call.recv, state):
            return frozenset().union(EMPTY, *arg_taints[1:]), UNKNOWN
        folded = self._fold_text_call(call, state) if not every else UNKNOWN
        if not isinstance(folded, _Unknown):
            return EMPTY, folded
        if last == "get" and _typed_get(call, self.spec):
            # Werkzeug's `request.args.get("page", type=int)`: a number or the default.
            return EMPTY, UNKNOWN
        if last == "replace" and _drops_separator(call):
            # `name.replace("/", "_")`: no separator is left, so the name stays in the
            # folder it is joined to.
            return _clear(every, _PATH), UNKNOWN
        classes = self.a.sanitizer(call.callee)
        if classes is not None:
            return _clear(self._named_cleaner(call, state, arg_taints, every), classes), UNKNOWN
        if last == "array_map" and call.args and isinstance(call.args[0], ir.Const):
            # PHP `array_map('intval', $ids)`: each element went through that function.
            named = call.args[0].value
            mapped = self.a.sanitizer(named) if isinstance(named, str) else None
            if mapped is not None:
                return _clear(frozenset().union(*arg_taints[1:]), mapped), UNKNOWN
        # A method of a class of this file called on an instance built here.
        method = self._method_call(call, state)
        if method is not None:
            return method, UNKNOWN
        # A function of this file is followed even when its name reads as a lookup.
        helper = self._helper(call, state)
        if helper is not None:
            return self._apply_helper(helper, call, state, arg_taints)
        if any(matches(pattern, call.callee) for pattern in self.spec.lookups):
            return recv_taint, UNKNOWN
        outside = self.a.external(call) if self.a.external is not None else None
        if outside is not None:
            return self._apply_helper(outside[1], call, state, arg_taints, outside[0])
        # Only when its code is not in the change: a data-access call of this change is
        # followed like any function (the query it runs may be the sink).
        if _data_access(call.callee) or _keyed_get(call):
            return recv_taint, UNKNOWN
        if call.tagged:
            return EMPTY, UNKNOWN
        if every and self._opaque(call, recv_taint):
            return _through(every, call.callee), UNKNOWN
        return every, UNKNOWN

    def _named_cleaner(
        self, call: ir.Call, state: _State, arg_taints: list[Taint], every: Taint
    ) -> Taint:
        """A cleaner known by its name that is also a function of this file
        (`safe_expand_path(p)`, `confined_path(p)`): what its own code clears counts
        too (a containment check before it returns the path). Sinks inside it stay
        unreported, as when only its name was read."""
        helper = self._helper(call)
        if helper is None:
            return every
        found = len(self.found)
        taint = self._apply_helper(helper, call, state, arg_taints)[0]
        del self.found[found:]
        return taint

    def _opaque(self, call: ir.Call, recv_taint: Taint) -> bool:
        """Whether `call` (code the change does not show) may return something other than
        its arguments' text: not a method of the tainted value itself (`name.strip()`),
        of literal text, a constructor (an object holding the value), nor a call the
        language's data lists as handing text on."""
        methods = self.spec.receiver_methods
        if recv_taint and methods is not None:
            # A method of a tainted struct (Go): the project's code unless the library's.
            return call.callee.rsplit(".", 1)[-1] not in methods
        if recv_taint or isinstance(call.recv, ir.Const) or call.new:
            return False
        callee = call.callee.replace("::", ".")
        if callee.endswith(".new") or callee.endswith(".new!"):
            return False  # Ruby's constructor
        last = callee.rsplit(".", 1)[-1]
        if call.recv is None and "." not in callee and self.spec.passthrough_bare:
            return False
        package = callee.split(".")[:-1]
        if (
            last[:1].isupper()
            and self.spec.language in _BARE_CONSTRUCTORS
            and all(part.islower() for part in package)
        ):
            return False  # `Path(x)`, Kotlin's `java.io.File(x)`: a constructor without `new`
        if package and _CONSTANT.match(package[-1].lstrip("$@")):
            # A method of a constant (`DOCS.resolve(name)`, `UPLOADS.joinpath(name)`): a
            # path, URL or pattern the module set up, not a service of the application.
            return False
        return self.a.opaque(callee)

    def _list_remove(self, call: ir.Call, state: _State) -> Taint | None:
        """`items.pop()`, `items.pop(0)`, `items.remove("a")` on a list whose every entry
        is known here: the entries after the removed one move down by one, so a later
        `items[1]` reads what it really holds. Returns the removed entry's taint."""
        target = dotted(call.recv) if call.recv is not None else None
        size = state.consts.get(target + "[#]") if target else None
        if target is None or not isinstance(size, int) or isinstance(size, bool) or size < 1:
            return None
        entries = [ir.entry(target, i) for i in range(size)]
        if any(e not in state.taint for e in entries):
            return None
        values = [state.consts.get(e, UNKNOWN) for e in entries]
        wanted = self.expr(call.args[0], state)[1] if len(call.args) == 1 else UNKNOWN
        index: int | None = None
        if call.callee.endswith("pop") and not call.args:
            index = size - 1
        elif call.callee.endswith("pop") and isinstance(wanted, int):
            if not isinstance(wanted, bool) and -size <= wanted < size:
                index = wanted % size
        elif call.callee.endswith("remove") and not isinstance(wanted, _Unknown):
            # The first equal entry; an unknown entry before it might be equal too.
            for i, value in enumerate(values):
                if isinstance(value, _Unknown):
                    return None
                if value == wanted and type(value) is type(wanted):
                    index = i
                    break
        if index is None:
            return None
        taints = [state.taint[e] for e in entries]
        removed = taints.pop(index)
        values.pop(index)
        _forget_entries(state, target, entries_only=True)
        for i, (taint, value) in enumerate(zip(taints, values, strict=True)):
            state.taint[ir.entry(target, i)] = taint
            state.consts[ir.entry(target, i)] = value
        state.consts[target + "[#]"] = size - 1
        return removed

    def _reads_file(self, call: ir.Call) -> bool:
        last = call.callee.rsplit(".", 1)[-1]
        return any(
            sink.cls == "path" and matches(sink.callee, call.callee)
            for sink in self.spec.by_last.get(last, ())
        )

    def _fold_text_call(self, call: ir.Call, state: _State) -> Known:
        """`"ABC".charAt(1)`, `s.length()` on text known here (JVM and C# code)."""
        last = call.callee.rsplit(".", 1)[-1]
        if call.recv is None or last not in ("charAt", "length"):
            return UNKNOWN
        text = self.expr(call.recv, state)[1]
        if not isinstance(text, str):
            return UNKNOWN
        if last == "length" and not call.args:
            return len(text)
        index = self.expr(call.args[0], state)[1] if len(call.args) == 1 else None
        if last == "charAt" and isinstance(index, int) and 0 <= index < len(text):
            return text[index]
        return UNKNOWN

    def _instance(self, expr: ir.Expr, state: _State) -> _Instance | None:
        """`Cls(args)` of a class of this change: the class, the taint its constructor
        leaves in each field, and the analyzer of the file that defines it."""
        if not isinstance(expr, ir.Call):
            return None
        owner: Analyzer | None = None
        if expr.recv is None and expr.callee in self.a.classes:
            owner = self.a
        elif self.a.external_class is not None and expr.callee.count(".") <= 1:
            owner = self.a.external_class(expr)
        if owner is None:
            return None
        cls = expr.callee.rsplit(".", 1)[-1]
        init = owner.methods.get((cls, "__init__"))
        if init is None:
            # No constructor of its own: built without arguments, it holds no input (with
            # them it may be a dataclass whose fields are the arguments: unknown).
            return None if expr.args or expr.kwargs else _Instance(cls, {}, owner)
        ran = self._inline(init, expr, state, {}, owner)
        return None if ran is None else _Instance(cls, ran[1], owner)

    def _own_method(self, call: ir.Call) -> bool:
        """`Directory().find(uid)`, `d.search(q)` with `d` an instance of a class of this
        file that defines that method: the project's own code, followed where it is
        called, not the driver method of the same name."""
        recv = call.recv
        if recv is None or not self.a.classes:
            return False
        last = call.callee.rsplit(".", 1)[-1]
        if isinstance(recv, ir.Call) and recv.recv is None and recv.callee in self.a.classes:
            return (recv.callee, last) in self.a.methods
        if isinstance(recv, ir.Name) and recv.name in self.instances:
            made = self.instances[recv.name]
            return (made.cls, last) in made.owner.methods
        if isinstance(recv, ir.Name) and recv.name in ("self", "cls") and self.func.owner:
            return (self.func.owner, last) in self.a.methods
        return False

    def _method_call(self, call: ir.Call, state: _State) -> Taint | None:
        """What `obj.method(args)` returns when `obj` is an instance of a class of this
        change (`Formula(text).evaluate()`, or a name bound to one): the method is walked
        with the instance's fields as its constructor set them, so a sink inside it
        sees the input that reached the object."""
        if call.recv is None:
            return None
        made = self._instance(call.recv, state)
        if made is None and isinstance(call.recv, ir.Name):
            made = self.instances.get(call.recv.name)
        if made is None:
            return None
        method = made.owner.methods.get((made.cls, call.callee.rsplit(".", 1)[-1]))
        if method is None or method is self.func:
            return None
        ran = self._inline(method, call, state, made.fields, made.owner)
        return None if ran is None else ran[0]

    def _inline(
        self,
        func: ir.Function,
        call: ir.Call,
        state: _State,
        fields: dict[str, Taint],
        owner: Analyzer,
    ) -> tuple[Taint, dict[str, Taint]] | None:
        """Walk `func` (of `owner`'s file) for this call: its parameters bound to the
        arguments' taint and `self.<field>` to `fields`. Returns what it returns and the
        fields it leaves; flows found inside are this caller's (in another file, reported
        there, at the sink). The same walk with the same taints is done once."""
        if self.depth + 1 >= _MAX_DEPTH:
            return None
        params = func.params
        if params and func.method and params[0].name in ("self", "cls"):
            params = params[1:]
        kwargs = dict(call.kwargs)
        bound: dict[str, Taint] = dict(fields)
        for index, param in enumerate(params):
            given = call.args[index] if index < len(call.args) else kwargs.get(param.name)
            if given is not None and not param.typed_safe:
                bound[param.name] = self.expr(given, state)[0]
        key = (id(owner), func.name, func.line, self.depth, frozenset(bound.items()))
        done = owner.inlined.get(key)
        if done is None:
            if owner.inline_budget <= 0:
                return None  # a file of many objects calling each other: stop following
            owner.inline_budget -= 1
            walk = _Walk(owner, func, self.depth + 1)
            inner = _State(consts=dict(owner.module.constants))
            inner.taint.update(bound)
            inner = walk.block(func.body, inner)
            left = {k: v for k, v in inner.taint.items() if k.startswith("self.") and v}
            done = (walk.returned, left, tuple(walk.found))
            owner.inlined[key] = done
        returned, left, found = done
        via = (func.name, call.line)
        where = (owner.path or "", func.line) if owner is not self.a else None
        self.found.extend(replace(f, via=(via, *f.via), where=f.where or where) for f in found)
        return returned, left

    def _maker(self, value: ir.Expr) -> str | None:
        """The callee that made `value`: the call itself, or the call a function of this
        file returns (`def _conn(): return Connection(...)`)."""
        if not isinstance(value, ir.Call):
            return None
        helper = self._helper(value)
        if helper is None:
            return value.callee
        made = {
            stmt.expr.callee
            for stmt in _walk_stmts(helper.body)
            if isinstance(stmt, ir.Return) and isinstance(stmt.expr, ir.Call)
        }
        return made.pop() if len(made) == 1 else None

    def _made_by(self, sink: Sink, target: ir.Expr | None) -> bool:
        name = dotted(target) if target is not None else None
        maker = self.made.get(name) if name is not None else None
        if maker is None and name is not None and self.a.module.makers:
            # A Go struct literal or a field's declared type (`s.client *http.Client`).
            maker = self.a.module.makers.get(name.rsplit(".", 1)[-1])
        return maker is not None and any(matches(p, maker) for p in sink.made_by)

    def _helper(self, call: ir.Call, state: _State | None = None) -> ir.Function | None:
        parts = call.callee.split(".")
        if len(parts) == 1 or (len(parts) == 2 and parts[0] in ("self", "this", "cls")):
            func = self.a.by_name.get(parts[-1])
            if func is not None and func is not self.func:
                return func
        injected = (len(parts) == 3 and parts[0] in ("self", "this")) or (
            len(parts) == 2
            and self.a.module.language in _INJECTING
            and isinstance(call.recv, ir.Name)
            and state is not None
            and not state.taint.get(call.recv.name)
        )
        if injected:
            # `this.service.byTag(id, tag)`, `search.bySegment(segment)`: a controller
            # calling the service its constructor was given (a value no input reached),
            # when one other function of this file has the name (NestJS, Spring, ASP.NET
            # and Play keep both in one file in small modules).
            named = [f for f in self.a.all_by_name.get(parts[-1], ()) if f is not self.func]
            if len(named) == 1:
                return named[0]
        if (
            self.a.module.language == "go"
            and len(parts) == 2
            and isinstance(call.recv, ir.Name)
            and state is not None
            and not state.taint.get(call.recv.name)
        ):
            # `s.buildContinueURL(id)`: a method of a type of this file, called on a value
            # no input reached (the handler's own receiver), is the file's code.
            func = self.a.by_name.get(parts[-1])
            if func is not None and func.owner is not None and func is not self.func:
                return func
        return None

    def _apply_helper(
        self,
        helper: ir.Function,
        call: ir.Call,
        state: _State,
        arg_taints: list[Taint],
        owner: Analyzer | None = None,
    ) -> tuple[Taint, Known]:
        summary = (owner or self.a).summary(helper, self.depth)
        every = frozenset().union(*arg_taints)
        if summary is None:
            return every, UNKNOWN
        first = helper.params[0].name if helper.params else ""
        offset = 1 if helper.method and first in ("self", "cls") else 0

        def taint_of(param: int) -> Taint:
            position = param - offset
            if 0 <= position < len(arg_taints):
                return arg_taints[position]
            name = helper.params[param].name if param < len(helper.params) else None
            for key, value in call.kwargs:
                if key == name:
                    return self.expr(value, state)[0]
            return EMPTY

        result = summary.sources
        for param, cleared in summary.returns.items():
            taint = _clear(taint_of(param), cleared) if cleared else taint_of(param)
            through = summary.through.get(param)
            result |= _through(taint, through) if through else taint
        for param, cleared, through, flow in summary.sinks:
            taint = _clear(taint_of(param), cleared) if cleared else taint_of(param)
            if through:
                taint = _through(taint, through)
            live = tuple(o for o in taint if flow.cls not in o.cleared)
            if live:
                where = flow.where
                if where is None and owner is not None and owner.path is not None:
                    where = (owner.path, helper.line)
                self.found.append(
                    replace(
                        flow, origins=live, via=((helper.name, call.line), *flow.via), where=where
                    )
                )
        return result, UNKNOWN

    def _sink_shape(
        self, sink: Sink, call: ir.Call, positions: Iterable[int], state: _State
    ) -> bool:
        """A generic method name is this sink only on a known receiver or known text."""
        target = call.recv
        if sink.receiver_arg is not None:
            target = call.args[sink.receiver_arg] if sink.receiver_arg < len(call.args) else None
            if isinstance(target, ir.Op) and target.op in ("&", "*") and target.right is None:
                target = target.left
        recv = dotted(target) if target is not None else None
        last = (recv or "").rsplit(".", 1)[-1].lstrip("_$")
        if sink.cls == "ssrf" and _STORE_CLIENT.match(last):
            return False  # `cacheClient.GetAsync(key)`: a cache or store's client, no URL
        if sink.cls == "sql" and _HTTP_CLIENT.search(last):
            return False  # `restTemplate.execute(url, HttpMethod.GET, ...)`: an HTTP call
        if last and any(_names_receiver(last, r) for r in sink.receivers):
            return True
        if sink.made_by and self._made_by(sink, target):
            return True
        if sink.text is None:
            return False
        given = [call.args[p] for p in positions if p < len(call.args)]
        given += [value for key, value in call.kwargs if key in sink.kwargs]
        for arg in given:
            # A name bound to text built here (`q = "./user[@name='%s']" % n`) reads
            # as that text.
            if isinstance(arg, ir.Name) and arg.name in self.built:
                arg = self.built[arg.name]
            leaves = _leaves(arg, state)
            if sink.text.search(" ".join(v for v in leaves if isinstance(v, str))):
                return True
        return False

    def _array_first(self, arg: ir.Expr, state: _State) -> Taint:
        """The taint of the first element of an array argument (a literal one, or a name
        bound to one). Text built here around a condition (`"slug = '#{s}'"`) is read
        as meant for SQL too, though it is a key to the library; a bare value is not."""
        if isinstance(arg, ir.Name) and arg.name in self.built:
            arg = self.built[arg.name]
        if isinstance(arg, ir.Seq):
            if arg.keys or not arg.items:
                return EMPTY
            return self.expr(arg.items[0], state)[0]
        if isinstance(arg, ir.Name):
            return state.taint.get(ir.entry(arg.name, 0), EMPTY)
        if isinstance(arg, ir.Concat):
            words = " ".join(v for v in _leaves(arg, state) if isinstance(v, str))
            if _SQL_CONDITION.search(words):
                return self.expr(arg, state)[0]
        return EMPTY

    def _shell_script(self, argv: ir.Expr, state: _State) -> Taint:
        """The taint of TEXT in an argument list `[shell, "-c", TEXT, ...]`."""
        if isinstance(argv, ir.Seq) and len(argv.items) >= 3:
            head = [self.expr(item, state)[1] for item in argv.items[:2]]
            script = self.expr(argv.items[2], state)[0]
        elif isinstance(argv, ir.Name):
            head = [state.consts.get(ir.entry(argv.name, i), UNKNOWN) for i in (0, 1)]
            script = state.taint.get(ir.entry(argv.name, 2), EMPTY)
        else:
            return EMPTY
        program, flag = head
        if not isinstance(program, str) or not isinstance(flag, str):
            return EMPTY
        shell = program.replace("\\", "/").rsplit("/", 1)[-1].lower()
        if shell in _SHELLS and flag.lower() in ("-c", "/c", "-command"):
            return script
        return EMPTY

    def _other_scheme(
        self, cls: str, call: ir.Call, positions: Iterable[int], state: _State
    ) -> bool:
        """A call that takes a file name or a URL (PHP's `file_get_contents`) is listed
        for both; text that starts as a local path is not a request to a host, and text
        that starts with `http://` is not a local file."""
        if cls not in ("ssrf", "path"):
            return False
        for position in positions:
            if position < len(call.args):
                leaves = _leaves(call.args[position], state)
                first = leaves[0] if leaves else UNKNOWN
                if not isinstance(first, str) or not first:
                    continue
                if cls == "ssrf" and first.startswith(("/", "./", "../")):
                    return True
                if cls == "path" and re.match(r"(?i)https?://", first):
                    return True
        return False

    def _not_html(self, call: ir.Call, state: _State) -> bool:
        """A response declared as another media type (`content_type='text/plain'`) is
        not parsed as HTML by the browser."""
        for key, value in call.kwargs:
            if key in _CONTENT_TYPE_KWARGS:
                known = self.expr(value, state)[1]
                if isinstance(known, str) and "html" not in known.lower():
                    return True
        # A header table among the arguments (`new Response($text, 200, ['Content-Type' =>
        # 'text/plain'])`), or the type set on the response object before the body is
        # sent (`res.header('Content-Type', 'application/json'); res.send(text)`,
        # `res.type('json').send(text)`).
        for arg in call.args:
            item = _content_type_entry(arg)
            if item is not None:
                return _declared_not_html(self.expr(item, state)[1])
        if call.recv is not None and _declared_not_html(_content_type_set(call.recv, state)):
            return True
        # Go's writers are the first argument: `fmt.Fprint(w, text)`, `io.WriteString(w, s)`.
        return (
            self.spec.language == "go"
            and bool(call.args)
            and isinstance(call.args[0], ir.Name)
            and _declared_not_html(_content_type_set(call.args[0], state))
        )

    def _sinks(
        self,
        call: ir.Call,
        state: _State,
        arg_taints: list[Taint],
        kw_taints: dict[str, Taint],
        recv_taint: Taint = EMPTY,
    ) -> bool:
        """Report the sinks `call` is; True when it is a SQL query."""
        query = False
        last = call.callee.rsplit(".", 1)[-1]
        if isinstance(call.recv, ir.Const):
            return False  # a method of a literal (`"a,b".find(x)`) is never a database call
        sinks = self.spec.by_last.get(last, [])
        if sinks and self.spec.not_sinks:
            callee = self.a.imported_name(call.callee)
            if any(matches(pattern, callee) for pattern in self.spec.not_sinks):
                return False
        if call.recv is None and call.callee in self.made:
            # A compiled query object called (`find = etree.XPathEvaluator(doc); find(q)`).
            called = ir.Name(call.line, call.callee)
            sinks = sinks + [s for s in self.spec.by_last.get("()", ()) if self._made_by(s, called)]
        for sink in sinks:
            if sink.callee != "()" and not matches(sink.callee, call.callee):
                continue
            if sink.when_kwarg is not None:
                key, wanted = sink.when_kwarg
                given = dict(call.kwargs).get(key)
                if given is None:
                    if sink.cls == "command" and call.args:
                        # No shell=True, but the argument list runs one: `sh -c TEXT`.
                        script = self._shell_script(call.args[0], state)
                        if script:
                            self._report(sink.cls, call.callee, call.line, call.line, script)
                    continue
                if wanted is not None:
                    value = self.expr(given, state)[1]
                    if value != wanted:
                        continue
            if sink.cls == "xss" and self._not_html(call, state):
                continue
            if (
                sink.cls == "nosql"
                and not sink.parses
                and not sink.receivers  # a collection by name or type (Go) is one
                and not _document_store(call)
            ):
                continue
            if sink.cls == "code" and _inside_package(call, self.built):
                continue
            if sink.cls == "path" and _confined_storage(call):
                continue
            if sink.cls == "nosql" and not sink.parses and self._text_query(call, sink.args):
                continue
            if sink.when_arg is not None and not _has_arg(call, sink.when_arg):
                continue
            if sink.unless_arg is not None and _has_arg(call, sink.unless_arg, keys=True):
                continue
            if sink.max_args is not None and len(call.args) > sink.max_args:
                continue
            if sink.text_read and not any(
                self._text_read(arg)
                for index, arg in enumerate(call.args)
                if sink.args is None or index in sink.args
            ):
                continue
            if sink.unless_kwarg is not None:
                given = dict(call.kwargs).get(sink.unless_kwarg[0])
                if given is not None and self.expr(given, state)[1] == sink.unless_kwarg[1]:
                    continue
            positions = range(len(arg_taints)) if sink.args is None else sink.args
            shaped = sink.callee != "()" and (sink.receivers or sink.text or sink.made_by)
            if shaped and not self._sink_shape(sink, call, positions, state):
                continue
            if self._other_scheme(sink.cls, call, positions, state):
                continue
            taint = EMPTY
            for position in positions:
                if position >= len(arg_taints):
                    continue
                if sink.array_first:
                    taint |= self._array_first(call.args[position], state)
                    continue
                if sink.text_only and _structured(call.args[position]):
                    continue
                if sink.text_only and sink.cls == "xss" and _constructed(call.args[position]):
                    continue
                if sink.cls == "path" and _opened_io(call.args[position], self.spec.language):
                    continue
                taint |= arg_taints[position]
            for key in sink.kwargs:
                if key == "*":  # every keyword argument (`session.update(role=x)`)
                    taint = taint.union(*(t for k, t in kw_taints.items() if k != "**"))
                taint |= kw_taints.get(key, EMPTY)
            if sink.argv is not None and len(call.args) > sink.argv + 1:
                items = call.args[sink.argv :]
                if len(items) == 2 and isinstance(items[1], ir.Seq):
                    items = (items[0], *items[1].items)  # spawn("sh", ["-c", text])
                taint |= self._shell_script(ir.Seq(call.line, items), state)
            if sink.receiver:
                taint |= recv_taint
            query = query or (sink.cls == "sql" and self.spec.language in _ROWS_NOT_INPUT_SQL)
            self._report(sink.cls, call.callee, call.line, max(call.end, call.line), taint)
        return query

    def _report(self, cls: str, sink: str, line: int, end: int, taint: Taint) -> None:
        if any(cls in muted or ALL in muted for muted in self.muted):
            return
        live = tuple(
            replace(o, through=None) if o.through and _wraps_sink(cls, o.through) else o
            for o in taint
            if cls not in o.cleared
        )
        if not live:
            return
        info = self.spec.classes[cls]
        self.found.append(Flow(cls, info.rule, info.cwe, info.label, sink, line, end, live))


# Response methods that set the media type: `res.type('json')`, `res.contentType(...)`,
# `res.header('Content-Type', ...)`, `res.set(...)`, `res.setHeader(...)`, Node's
# `res.writeHead(200, {'Content-Type': ...})` and Go's `w.Header().Set("Content-Type", ...)`.
# `res.attachment(name)` (and a `Content-Disposition: attachment` header) makes the
# browser download the body instead of rendering it in the site's origin.
_SETS_TYPE = frozenset(
    {"type", "contentType", "header", "set", "setHeader", "attachment", "writeHead", "Set"}
)
_ATTACHMENT = "attachment"
_CONTENT_TYPE = "#content-type"  # the tracked name for a response's declared type


def _content_type_of(call: ir.Call, state: _State, engine: _Walk) -> str | None:
    last = call.callee.rsplit(".", 1)[-1]
    if last == "attachment":
        return _ATTACHMENT
    if last == "writeHead":  # `res.writeHead(status[, message], headers)`
        for arg in call.args[1:3]:
            item = _content_type_entry(arg)
            if item is not None:
                known = engine.expr(item, state)[1]
                return known if isinstance(known, str) else None
        return None
    values = [engine.expr(a, state)[1] for a in call.args[:2]]
    if last in ("type", "contentType") and len(values) == 1 and isinstance(values[0], str):
        return values[0]
    if len(values) == 2 and isinstance(values[0], str) and values[0].lower() == "content-type":
        return values[1] if isinstance(values[1], str) else None
    if len(values) == 2 and _disposition_attachment(values[0], values[1]):
        return _ATTACHMENT
    return None


def _content_type_entry(arg: ir.Expr) -> ir.Expr | None:
    """The `Content-Type` value of a literal header table (`{'Content-Type': ...}`)."""
    if isinstance(arg, ir.Seq) and arg.keys:
        for key_name, item in zip(arg.keys, arg.items, strict=False):
            if isinstance(key_name, str) and key_name.lower() == "content-type":
                return item
    return None


def _response_of(recv: ir.Expr) -> str | None:
    """The response a media type is set on: `res` itself, or Go's `w` behind
    `w.Header()`."""
    if isinstance(recv, ir.Call) and recv.callee.rsplit(".", 1)[-1] == "Header" and not recv.args:
        return dotted(recv.recv) if recv.recv is not None else None
    return dotted(recv)


def _disposition_attachment(name: Known, value: Known) -> bool:
    return (
        isinstance(name, str)
        and name.lower() == "content-disposition"
        and isinstance(value, str)
        and value.lower().startswith("attachment")
    )


def _content_type_set(recv: ir.Expr, state: _State) -> Known:
    if isinstance(recv, ir.Call) and recv.callee.rsplit(".", 1)[-1] in _SETS_TYPE:
        # `res.type('json').send(x)`: the chain's own call set it.
        if recv.callee.rsplit(".", 1)[-1] == "attachment":
            return _ATTACHMENT
        values = [a.value for a in recv.args[:2] if isinstance(a, ir.Const)]
        if len(recv.args) == 1 and len(values) == 1:
            return values[0]
        if len(values) == 2 and str(values[0]).lower() == "content-type":
            return values[1]
        return None
    target = dotted(recv)
    return state.consts.get(target + _CONTENT_TYPE) if target is not None else None


def _declared_not_html(declared: Known) -> bool:
    """A declared media type the browser will not render as a page (`json`,
    `text/plain`); an unknown one is not assumed safe."""
    return isinstance(declared, str) and bool(declared) and "html" not in declared.lower()


def analyze(module: ir.Module, spec: Spec) -> list[Flow]:
    return Analyzer(module, spec).flows()


def iter_flows(modules: list[ir.Module], spec: Spec) -> Iterator[Flow]:
    for module in modules:
        yield from analyze(module, spec)
