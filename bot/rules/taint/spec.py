"""Sources, sinks, sanitizers and guards of one language, loaded from its data file.

Each language has one YAML file in `data/` (see `data/README.md` for the format), read
once. A callee pattern is dotted text: `cursor.execute` matches that call or any call
ending in it (`self.cursor.execute`); `*.execute` matches `execute` on any receiver;
a bare `eval` matches only a call to `eval` itself or `something.eval`; `~regex` is
searched in the last name of the call, lower-cased and without underscores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from bot import lazyre as re

ALL = "all"


@dataclass(frozen=True)
class SinkClass:
    name: str
    rule: str
    cwe: int
    label: str


@dataclass(frozen=True)
class Sink:
    callee: str
    cls: str
    args: tuple[int, ...] | None  # None: every positional argument
    kwargs: tuple[str, ...] = ()
    # Only a sink when this keyword argument is given with this constant value
    # (`shell=True`), or given at all when the value is None in the data.
    when_kwarg: tuple[str, object] | None = None
    # With `receivers` or `text`: only a sink when the receiver's last name ends with one
    # of `receivers` (`pool`, `knex`), or the argument's known text matches `text` (SQL
    # words), so a generic name like `searchIndex.query(...)` is not taken for SQL.
    receivers: tuple[str, ...] = ()
    # `receivers` name this argument instead of the receiver: the writer a free function
    # writes to (Go's `fmt.Fprintf(w, ...)`).
    receiver_arg: int | None = None
    text: re.Pattern[str] | None = None
    # Only text counts: a container argument is structured data (pino's
    # `logger.info({ id }, "created")`), not spliced into the sink's text.
    text_only: bool = False
    # The arguments from this position on are a program and its argv (Go's
    # `exec.Command`): `sh -c SCRIPT` makes SCRIPT a sink too.
    argv: int | None = None
    # Only a sink when some argument is this dotted name or ends in it (Ktor's
    # `respondText(x, ContentType.Text.Html)`: without it the text is served as plain).
    when_arg: re.Pattern[str] | None = None
    # The receiver's taint counts too (`in.readObject()` on a stream of request bytes).
    receiver: bool = False
    # Not a sink when some argument, or a key of an options array, is a dotted name or
    # constant text this finds (PHP's `unserialize($x, ['allowed_classes' => false])`).
    unless_arg: re.Pattern[str] | None = None
    # Not a sink when this keyword argument is given with this constant value (Rails'
    # `redirect_to url, allow_other_host: false` refuses another host).
    unless_kwarg: tuple[str, object] | None = None
    # Only a sink when called with at most this many arguments (PHP's one-argument
    # `parse_str($qs)` writes local variables; with a result array it does not).
    max_args: int | None = None
    # Only a sink when an argument is always text (Python: a query or header value,
    # `str(x)`): Flask's `Response(x)` serves text as HTML, a dict as JSON.
    text_read: bool = False
    # With `receivers`/`text`: also a sink when the receiver is a name last bound to a
    # call matching one of these (`conn = Connection(...)`, `l = ldap.initialize(...)`),
    # directly or through a function of the file that returns one. With callee `()`: a
    # call of such a name itself (`evaluator = etree.XPathEvaluator(doc)`; `evaluator(q)`).
    made_by: tuple[str, ...] = ()
    # Only the first element of an array argument is the query text (ActiveRecord's
    # `exists?(["name = '#{q}'"])`); any other argument is a key, bound as a value
    # (`exists?(id)`, even a String, looks up the primary key).
    array_first: bool = False
    # The argument is query text the call parses into a document (`BasicQuery(json)`,
    # `Document.parse(json)`): a NoSQL sink with no collection to call it on, where text,
    # not only an object, can carry an operator.
    parses: bool = False


@dataclass(frozen=True)
class Sanitizer:
    callee: str
    classes: frozenset[str]  # {ALL} for conversions that leave no text at all
    # Only when some argument is a dotted name or constant text this finds
    # (`filter_var($x, FILTER_VALIDATE_INT)`); such entries apply to calls only.
    when_arg: re.Pattern[str] | None = None
    # With `when_arg`: only this positional argument (or keyword `at_kwarg`) is read,
    # so text elsewhere in the call (a header value) does not count.
    at: int | None = None
    at_kwarg: str | None = None


@dataclass(frozen=True)
class Guard:
    """A test that, when true, leaves the named operand safe for `classes`."""

    callee: str
    operand: str  # "recv" or "arg0"/"arg1"...
    classes: frozenset[str]
    # Only when some argument is a dotted name or constant text this finds
    # (`filter_var($x, FILTER_VALIDATE_INT) !== false`), as for sanitizers.
    when_arg: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Spec:
    language: str
    classes: dict[str, SinkClass]
    source_attrs: tuple[str, ...]
    source_calls: tuple[str, ...]
    sinks: tuple[Sink, ...]
    sanitizers: tuple[Sanitizer, ...]
    guards: tuple[Guard, ...]
    # Handlers: decorators/annotations that make a function a request handler, the
    # parameter annotations that bind request input, and the rest of the parameter rules.
    handler_marks: frozenset[str]
    param_marks: frozenset[str]
    safe_types: frozenset[str]
    not_input_params: frozenset[str]
    # Calls that append their argument to the receiver (list.append, sb.append).
    mutators: frozenset[str]
    # Lookups by key (`Model.objects.get(pk=x)`, `Story.find_by(id: x)`, `map.get(x)`):
    # the result is an element of the receiver (a stored record, a table's value), so it
    # carries the receiver's taint and not the key's.
    lookups: tuple[str, ...] = ()
    # Types a handler gets from the framework, not from the request's data (`Model`,
    # `Pageable`; `*Principal` for a suffix), and the marks that leave a parameter bound
    # from the request (`Valid`): with these, any other unannotated handler parameter of
    # a class type is request input (Spring's implicit `@ModelAttribute`).
    framework_args: frozenset[str] = frozenset()
    model_marks: frozenset[str] = frozenset()
    # Conversions that raise on text they cannot read (`uuid.UUID(x)`, `int(x)`): written
    # as a statement, their result unused, they validate the value for the code after them.
    raising_conversions: tuple[str, ...] = ()
    # Sources whose values are always text (headers, path parameters, the URL): they
    # cannot carry a query operator object, so they are never a NoSQL injection.
    text_sources: tuple[str, ...] = ()
    # Calls that parse text into a structure (`json.loads`, `JSON.parse`): what they return
    # from a text source can hold an operator object again.
    parsers: tuple[str, ...] = ()
    # Sources that name a page of this site: the path the router matched to reach the
    # handler (`request.path`), the Referer. A redirect to them stays on known pages.
    same_site_sources: tuple[str, ...] = ()
    # Sources whose values never name a file outside its folder (Django's `request.FILES`:
    # upload objects whose names the multipart parser already reduced to a base name).
    path_safe_sources: tuple[str, ...] = ()
    # Sources and declared parameter types whose values are upload objects (Flask
    # `request.files`, Spring `MultipartFile`): a path only through the members that read
    # the client's file name (`upload_names`: `filename`, `getOriginalFilename`).
    upload_sources: tuple[str, ...] = ()
    # Calls that share a sink's name but are never one (Go's `cmp.Or(a, b)`, the standard
    # library's first-non-zero helper, beside gorm's `db.Or(query)`).
    not_sinks: tuple[str, ...] = ()
    upload_types: frozenset[str] = frozenset()
    upload_names: frozenset[str] = frozenset()
    # Constant keys whose entry the platform fills, not the client (PHP's
    # `$_FILES['f']['tmp_name']`, the temporary path PHP chose): key -> classes it is
    # safe for.
    safe_keys: tuple[tuple[str, frozenset[str]], ...] = ()
    # A handler's string `return` is written into the response as HTML (Flask).
    return_sink: str | None = None
    # Assignments that are sinks (Koa's `ctx.body = …`): dotted target -> class.
    assign_sinks: tuple[tuple[str, str], ...] = ()
    # Text a file must contain for any flow to start in it (a cheap pre-filter).
    hint: str = ""
    # Sources that are input only under some constant keys: `$_SERVER['HTTP_HOST']` but
    # not `$_SERVER['SCRIPT_NAME']`, `getenv('HTTP_X')`, `request.env["HTTP_X"]`. An
    # attribute or call matching the pattern, indexed (or called) with constant text the
    # regex finds; any other key is not input.
    keyed_sources: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # Calls known to hand their arguments' text on (string building, path and URL joins,
    # parsing, encoding, conversions): callee patterns, and modules or classes every call
    # of which does (`urllib.parse`, `strings`, `Path`). Any other call whose code the
    # change does not show is opaque: what it returns may not be its argument at all.
    passthrough_calls: tuple[str, ...] = ()
    passthrough_modules: frozenset[str] = frozenset()
    # Every call without a receiver is the language's or the framework's (PHP's `trim`).
    passthrough_bare: bool = False
    # Where a method of a value is the project's code, not the language's text API (Go has
    # no string methods: `form.Preview(ctx)` on a bound request struct is business logic),
    # the methods of the standard library that hand the value on; None: every method does.
    receiver_methods: frozenset[str] | None = None
    by_last: dict[str, list[Sink]] = field(default_factory=dict)

    def request_model(self, type_name: str, marks: list[str]) -> bool:
        """Whether an unannotated handler parameter of this type is filled from the request
        (only in a language whose data lists the framework's own arguments)."""
        if not self.framework_args:
            return False
        base = type_name.split("<", 1)[0].rstrip("?").rsplit(".", 1)[-1].strip()
        return (
            bool(base)
            and base[:1].isupper()
            and base not in self.framework_args
            and not any(
                base.endswith(arg[1:]) for arg in self.framework_args if arg.startswith("*")
            )
            and base not in self.safe_types
            and all(m in self.model_marks for m in marks)
        )


def _last(pattern: str) -> str:
    return pattern.lstrip("=").rsplit(".", 1)[-1]


def last_name(pattern: str) -> str:
    """The name a call matching `pattern` ends in (`*.query` -> `query`)."""
    return _last(pattern)


# Asked for every call against every source, sink and sanitizer pattern; the same
# (pattern, callee) pairs recur across a file and a review.
@lru_cache(maxsize=1 << 16)
def matches(pattern: str, callee: str) -> bool:
    if pattern.startswith("%"):
        # A kind of name by its spelling (`%^[A-Z]\w*Form$`: a form class, not `uniform`):
        # the regex is searched in the called name as written.
        return _name_regex(pattern[1:]).search(callee.rsplit(".", 1)[-1]) is not None
    if pattern.startswith(".~"):
        # The same, only for a method called on a receiver (`router.get_next_url()`): a
        # bare function of that name can be a local helper handing its argument back.
        if "." not in callee:
            return False
        name = callee.rsplit(".", 1)[-1].lower().replace("_", "")
        return _name_regex(pattern[2:]).search(name) is not None
    if pattern.startswith("~"):
        # A family of names (`safe_for_redirect`, `isSafeRedirectUrl`): the regex is
        # searched in the called name, lower-cased, without `_`.
        name = callee.rsplit(".", 1)[-1].lower().replace("_", "")
        return _name_regex(pattern[1:]).search(name) is not None
    if ":" in pattern or ":" in callee:
        # Ruby's `ERB::Util.h` reaches here as written or as `ERB.Util.h`.
        pattern, callee = pattern.replace("::", "."), callee.replace("::", ".")
    if pattern.startswith("="):
        return callee == pattern[1:]
    if ".*." in pattern and not pattern.startswith("*."):
        # A chain from a fixed start (`Http.*.get`: `Http::timeout(5)->retry(2)->get(...)`).
        head, tail = pattern.split(".*.", 1)
        return callee.startswith(head + ".") and callee.endswith("." + tail)
    if pattern.startswith("*."):
        rest = pattern[2:]
        return callee.endswith("." + rest) or ("." not in rest and callee == rest)
    return callee == pattern or callee.endswith("." + pattern)


@cache
def _name_regex(text: str) -> re.Pattern[str]:
    return re.compile(text)


def _classes(value: Any) -> frozenset[str]:
    if value == ALL or value is None:
        return frozenset({ALL})
    if isinstance(value, str):
        return frozenset({value})
    return frozenset(str(v) for v in value)


def _positions(value: Any) -> tuple[int, ...] | None:
    if value is None or value == ALL:
        return None
    if isinstance(value, int):
        return (value,)
    return tuple(int(v) for v in value)


def _build(language: str, raw: dict[str, Any]) -> Spec:
    classes = {
        name: SinkClass(name, str(item["rule"]), int(item["cwe"]), str(item["label"]))
        for name, item in (raw.get("classes") or {}).items()
    }
    sinks: list[Sink] = []
    for item in raw.get("sinks") or ():
        cls = str(item["class"])
        if cls not in classes:
            raise ValueError(f"{language}: sink {item['callee']!r} names unknown class {cls!r}")
        when = item.get("when_kwarg")
        sinks.append(
            Sink(
                callee=str(item["callee"]),
                cls=cls,
                args=_positions(item.get("args", 0)),
                kwargs=tuple(item.get("kwargs") or ()),
                when_kwarg=(str(when["name"]), when.get("value")) if when else None,
                text_only=bool(item.get("text_only", cls in ("log", "header"))),
                receivers=tuple(str(r).lower() for r in item.get("receivers") or ()),
                receiver_arg=(
                    int(item["receiver_arg"]) if item.get("receiver_arg") is not None else None
                ),
                text=re.compile(str(item["text"])) if item.get("text") else None,
                argv=int(item["argv"]) if item.get("argv") is not None else None,
                when_arg=re.compile(str(item["when_arg"]), re.I) if item.get("when_arg") else None,
                receiver=bool(item.get("receiver", False)),
                unless_arg=(
                    re.compile(str(item["unless_arg"]), re.I) if item.get("unless_arg") else None
                ),
                max_args=int(item["max_args"]) if item.get("max_args") is not None else None,
                text_read=bool(item.get("text_read", False)),
                made_by=tuple(str(m) for m in item.get("made_by") or ()),
                array_first=bool(item.get("array_first", False)),
                parses=bool(item.get("parses", False)),
                unless_kwarg=(
                    (str(item["unless_kwarg"]["name"]), item["unless_kwarg"].get("value"))
                    if item.get("unless_kwarg")
                    else None
                ),
            )
        )
    by_last: dict[str, list[Sink]] = {}
    for sink in sinks:
        by_last.setdefault(_last(sink.callee), []).append(sink)
    sources = raw.get("sources") or {}
    handlers = raw.get("handlers") or {}
    passthrough = raw.get("passthrough") or {}
    return Spec(
        language=language,
        classes=classes,
        source_attrs=tuple(sources.get("attributes") or ()),
        source_calls=tuple(sources.get("calls") or ()),
        sinks=tuple(sinks),
        sanitizers=tuple(
            Sanitizer(
                str(item["callee"]),
                _classes(item.get("classes")),
                re.compile(str(item["when_arg"]), re.I) if item.get("when_arg") else None,
                int(item["at"]) if item.get("at") is not None else None,
                str(item["at_kwarg"]) if item.get("at_kwarg") else None,
            )
            for item in raw.get("sanitizers") or ()
        ),
        guards=tuple(
            Guard(
                str(item["callee"]),
                str(item.get("operand", "recv")),
                _classes(item.get("classes")),
                re.compile(str(item["when_arg"]), re.I) if item.get("when_arg") else None,
            )
            for item in raw.get("guards") or ()
        ),
        handler_marks=frozenset(handlers.get("marks") or ()),
        param_marks=frozenset(handlers.get("param_marks") or ()),
        safe_types=frozenset(handlers.get("safe_types") or ()),
        not_input_params=frozenset(handlers.get("not_input") or ()),
        framework_args=frozenset(handlers.get("framework_args") or ()),
        model_marks=frozenset(handlers.get("model_marks") or ()),
        mutators=frozenset(raw.get("mutators") or ()),
        lookups=tuple(str(item) for item in raw.get("lookups") or ()),
        raising_conversions=tuple(str(item) for item in raw.get("raising_conversions") or ()),
        text_sources=tuple(str(item) for item in sources.get("text") or ()),
        parsers=tuple(str(item) for item in raw.get("parsers") or ()),
        same_site_sources=tuple(str(item) for item in sources.get("same_site") or ()),
        path_safe_sources=tuple(str(item) for item in sources.get("path_safe") or ()),
        upload_sources=tuple(str(item) for item in sources.get("uploads") or ()),
        not_sinks=tuple(str(item) for item in raw.get("not_sinks") or ()),
        upload_types=frozenset(str(item) for item in handlers.get("upload_types") or ()),
        upload_names=frozenset(str(item) for item in raw.get("upload_names") or ()),
        safe_keys=tuple(
            (str(item["key"]), _classes(item.get("classes")))
            for item in sources.get("safe_keys") or ()
        ),
        return_sink=raw.get("return_sink"),
        assign_sinks=tuple(
            (str(item["target"]), str(item["class"])) for item in raw.get("assign_sinks") or ()
        ),
        hint=str(raw.get("hint") or ""),
        keyed_sources=tuple(
            (str(pattern), re.compile(str(regex)))
            for pattern, regex in (sources.get("keyed") or {}).items()
        ),
        passthrough_calls=tuple(str(item) for item in passthrough.get("calls") or ()),
        passthrough_modules=frozenset(str(item) for item in passthrough.get("modules") or ()),
        passthrough_bare=bool(passthrough.get("bare", False)),
        receiver_methods=(
            frozenset(str(m) for m in passthrough["receiver_methods"])
            if passthrough.get("receiver_methods") is not None
            else None
        ),
        by_last=by_last,
    )


def _read(name: str) -> dict[str, Any]:
    text = resources.files("bot.rules.taint").joinpath("data", f"{name}.yml").read_text("utf-8")
    # The C loader when present: the pure-Python one costs ~50 ms a start-up.
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    if not isinstance(raw, dict):
        raise ValueError(f"taint data for {name} is not a mapping")
    return raw


@cache
def load(language: str) -> Spec:
    """The spec of `language` ("python", "javascript", "java"); TypeScript shares
    JavaScript's. Raises FileNotFoundError for a language without a data file. The
    sanitizers of `common.yml` (a project's own helpers, known by their names in every
    language) come after the language's own."""
    name = "javascript" if language == "typescript" else language
    if name == COMMON:
        raise FileNotFoundError(f"{COMMON}.yml is no language's data")
    raw = _read(name)
    common = _read(COMMON).get("sanitizers") or []
    raw["sanitizers"] = [*(raw.get("sanitizers") or []), *common]
    return _build(name, raw)


# Data shared by every language (`data/common.yml`), not a language of its own.
COMMON = "common"
