"""Flows of one changed file, computed once per review however many checks ask.

`file_flows(file)` parses the file (Python with `ast`, hunk by hunk for a diff-only
file; JavaScript, TypeScript and Java with ast-grep), runs the flow engine, and maps
lines back to the file. `flow_hits(file, rule_ids)` turns the flows of those rules into
hits: the hit's line is the sink, its title and detail name the flow, and the detail
ends with one machine-readable line other code can rely on:

    Flow: CWE-89 sink line 18; source lines 12, 14.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from bot import lazyre as re
from bot.models import ChangedFile, Severity
from bot.rules import astgrep
from bot.rules.engine import Hit
from bot.rules.lib.scopes import words
from bot.rules.taint import flow, ir, python_front, shape_front, spec, tree_front, unread_check
from bot.rules.taint.flow import Flow
from bot.select import is_test_path

# Built by `tree_front`; the back-end languages below by `shape_front`.
TREE_LANGUAGES = frozenset({"javascript", "typescript", "java"})
SHAPE_LANGUAGES = frozenset({"go", "ruby", "php", "kotlin", "csharp", "scala"})
LANGUAGES = frozenset({"python"}) | TREE_LANGUAGES | SHAPE_LANGUAGES
FLOW_LINE = re.compile(
    r"^Flow: CWE-(\d{1,5}) sink line (\d{1,7}); source lines ([\d, ]{1,400})\.$", re.M
)

_CACHE: dict[str, tuple[ChangedFile, list[Flow]]] = {}
_CACHE_SIZE = 512


@lru_cache(maxsize=8)
def _hint(language: str) -> re.Pattern[str] | None:
    text = spec.load(language).hint
    return re.compile(text) if text else None


@lru_cache(maxsize=8)
def _sink_hint(language: str) -> re.Pattern[str] | None:
    """Text a file must hold for any sink of `language` to be in it: a call of a sink's
    name, an assignment to a sink attribute, or (where a handler's return is a sink) a
    handler mark. Built from the data, so a new sink needs no second edit. Only for the
    languages whose calls always take parentheses (Ruby's `system "x"` does not)."""
    if language != "python" and language not in TREE_LANGUAGES:
        return None
    data = spec.load(language)
    calls = sorted({spec.last_name(sink.callee) for sink in data.sinks})
    parts = [rf"(?<![\w$])(?:{'|'.join(map(re.escape, calls))})\s*[(`]"] if calls else []
    targets = sorted({spec.last_name(t) for t, _ in data.assign_sinks if not t.endswith("[]")})
    if targets:
        parts.append(rf"\.(?:{'|'.join(map(re.escape, targets))})\s*=(?!=)")
    entries = sorted({spec.last_name(t[:-2]) for t, _ in data.assign_sinks if t.endswith("[]")})
    if entries:  # `session["k"] = v`
        parts.append(rf"\b(?:{'|'.join(map(re.escape, entries))})\s*\[[^\]\n]*\]\s*=(?!=)")
    if data.return_sink and data.handler_marks:
        parts.append(rf"@[\w.]*\b(?:{'|'.join(map(re.escape, sorted(data.handler_marks)))})\b")
    return re.compile("|".join(parts)) if parts else None


def has_candidate_sink(file: ChangedFile) -> bool:
    """False when no sink can be in the file: it is then not parsed for flows."""
    hint = _sink_hint(file.language or "")
    return hint is None or bool(hint.search(file.visible_text()))


def _python(file: ChangedFile) -> list[Flow]:
    # Imported here: lib.python_ast imports the rule engine, which may in
    # turn be importing this package.
    from bot.rules.lib.python_ast import parsed_units

    data = spec.load("python")
    out: list[Flow] = []
    for unit in parsed_units(file, _hint("python")):
        if unit.tree is None:
            continue
        for item in flow.analyze(python_front.module(unit.tree, data, file.path), data):
            line = unit.real(item.line)
            if not line:
                continue
            end = unit.real(item.end_line) or line
            origins = tuple(replace(o, line=unit.real(o.line) or o.line) for o in item.origins)
            via = tuple((name, unit.real(at) or at) for name, at in item.via)
            out.append(replace(item, line=line, end_line=max(end, line), origins=origins, via=via))
    return out


def _tree(file: ChangedFile) -> list[Flow]:
    language = file.language or ""
    data = spec.load(language)
    root = astgrep.root_of(file, _hint(language))
    if root is None:
        return []
    if language in SHAPE_LANGUAGES:
        module = shape_front.module(root, data, language, root.text())
    else:
        module = tree_front.module(root, data, "java" if language == "java" else "javascript")
    return flow.analyze(module, data)


def file_flows(file: ChangedFile) -> list[Flow]:
    """Every flow from request input to a sink in `file` (none in test code)."""
    if file.language not in LANGUAGES or is_test_path(file.path):
        return []
    cached = _CACHE.get(file.path)
    if cached is not None and cached[0] is file:
        return cached[1]
    if not has_candidate_sink(file):
        flows: list[Flow] = []
    else:
        flows = _python(file) if file.language == "python" else _tree(file)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    _CACHE[file.path] = (file, flows)
    return flows


def describe(item: Flow) -> tuple[str, str]:
    """(title, detail) of a finding about one flow."""
    title = f"{item.label[:1].upper()}{item.label[1:]}: {item.message()}"
    sources = ", ".join(str(n) for n in item.source_lines)
    lines = [
        f"**Flow:** {item.message()}.",
        f"Flow: CWE-{item.cwe} sink line {item.line}; source lines {sources}.",
    ]
    return title, "\n\n".join(lines)


def flow_hits(file: ChangedFile, rule_ids: Iterable[str]) -> list[Hit]:
    wanted = set(rule_ids)
    hits: list[Hit] = []
    not_html: bool | None = None  # PHP: the file declares a non-HTML type (read once)
    for item in file_flows(file):
        if item.rule not in wanted:
            continue
        title, detail = describe(item)
        line, end = item.line, item.end_line
        changed = file.added_lines
        if changed and not changed.intersection(range(line, end + 1)):
            # An old query made injectable by this change (its input now comes from the
            # request): the finding belongs on the changed source line.
            moved = [o.line for o in item.origins if o.line in changed]
            if moved:
                line = end = max(moved)
        hit = Hit(item.rule, file.path, line, end, detail, title=title)
        through = item.through
        if through is not None:
            # Every origin went through code the file does not show: the claim rests on
            # what that code returns, so the finding goes to the summary (unless another
            # file of the change defines it: `findings_of` puts it back).
            plain_title, plain_detail = describe(replace(item, origins=_direct(item.origins)))
            hit = replace(hit, severity=Severity.INFO, opaque=(through, plain_title, plain_detail))
        if item.cls == "xss" and file.language == "php":
            if not_html is None:
                not_html = _php_not_html(file)
            if not_html:
                continue
        hit = header_to_summary(checked_to_summary(hit, item), item, file)
        hit = bound_nosql_to_summary(hit, item)
        hits.append(identifier_redirect_to_summary(hit, item, file))
    return hits


# A PHP script that declares a media type other than HTML for its output
# (`header('Content-Type: text/plain; charset=UTF-8')`, JSON), and none that is HTML: what it
# echoes is not parsed as a page (with `nosniff`, not even guessed at).
_PHP_TYPE = re.compile(r"""\bheader\s*\(\s*["']Content-Type:\s*([\w.+-]+/[\w.+-]+)""", re.I)


def _php_not_html(file: ChangedFile) -> bool:
    types = {t.lower() for t in _PHP_TYPE.findall(file.visible_text())}
    return bool(types) and not any("html" in t or "xml" in t for t in types)


# A request header other than Referer or Cookie: a page on another site cannot make the
# victim's browser send a value of its choosing in it (links and forms set none; a script
# needs the target's CORS consent first), so a page reflecting it shows the sender's own.
# The request's own `Host` (`$request->getHost()`, `request.host`, `r.Host`) is a header too.
_HEADER_SOURCE = re.compile(r"(?i)header|user.?agent|host$|gethost|get_host")
_SITE_SET = re.compile(r"(?i)refer+er|cookie")
_SERVER_HEADER = re.compile(r"_SERVER\s*\[\s*[\"']HTTP_")
_HEADER_CLASSES = frozenset({"xss", "redirect"})
# `header('Location: https://' . $_SERVER['HTTP_HOST'] . $_SERVER['REQUEST_URI'])`: the
# browser following it sent that Host itself, so the redirect stays on the site it asked.
HEADER_REDIRECT_NOTE = (
    "The target comes only from request headers (such as `Host`), which another site "
    "cannot set in the victim's browser: the redirect goes where the browser already was. "
    "It matters where a proxy or cache passes a forged `Host` or `X-Forwarded-Host` on "
    "(then pin the site's own host in configuration). Noted in the summary."
)
HEADER_NOTE = (
    "The value comes only from a request header, which another site cannot set in the "
    "victim's browser: the page reflects the sender's own value. It matters where a shared "
    "cache stores the response (cache poisoning). Noted in the summary."
)


def header_to_summary(hit: Hit, item: flow.Flow, file: ChangedFile) -> Hit:
    """A page or a redirect built only from request headers another site cannot set in
    the victim's browser (`Host`, `User-Agent`; not Referer or Cookie) answers the sender
    with their own value: the summary."""
    if item.cls not in _HEADER_CLASSES or hit.severity is Severity.INFO or not item.origins:
        return hit
    for origin in item.origins:
        source = file.line_text(origin.line) or ""
        # PHP's `$_SERVER` also holds the URL (`REQUEST_URI`, `PHP_SELF`): headers only.
        server_header = origin.label.endswith("_SERVER") and _SERVER_HEADER.search(source)
        if not (_HEADER_SOURCE.search(origin.label) or server_header):
            return hit
        if _SITE_SET.search(source) or _SITE_SET.search(origin.var or ""):
            return hit
    note = HEADER_NOTE if item.cls == "xss" else HEADER_REDIRECT_NOTE
    detail = f"{hit.detail}\n\n{note}" if hit.detail else note
    return replace(hit, severity=Severity.INFO, detail=detail, opaque=None)


# The last word of a name that says the value picks a record or a route segment
# (`organization_slug`, `service`, `block_id`), not where to go: a redirect built from it
# goes to a URL the code between composes, usually the app's own path.
_IDENTIFIER_NAMES = (
    "id ids uuid guid slug pk key name type kind user username agent service result lang "
    "locale language code number num no index tab step section mode format version year "
    "month day category tag org organization team project item block list owner repo "
    "provider"
)
_IDENTIFIER_WORDS = frozenset(_IDENTIFIER_NAMES.split())
_PARAMETER_LABEL = re.compile(r"^`(\w+)`, a parameter")
IDENTIFIER_REDIRECT_NOTE = (
    "The values that reach the redirect are named for a record or a route segment "
    "({names}), not for a destination: they usually fill a path of the app's own URL, "
    "which the code between composes. Whether one can set the host depends on that code, "
    "so it is noted in the summary."
)


def _origin_name(origin: flow.Origin) -> str | None:
    if origin.var:
        return origin.var.lstrip("$@")
    found = _PARAMETER_LABEL.match(origin.label)
    return found.group(1) if found else None


# What may open a target argument before a name: a string's quote and interpolation
# (`f"{slug}/x"`, `` `${slug}` ``, `"#{slug}"`, `"$slug"`).
_TARGET_OPENING = re.compile(r"""\s*(?:[fr]?["'`])?\s*(?:\$\{|#\{|\{)?\s*[$@]?""")


def _leads_target(sink_line: str, callee: str, name: str) -> bool:
    """Whether `name` opens an argument of the sink call on its line (`redirect(slug)`,
    `redirect(slug + "/home")`, Go's `c.Redirect(http.StatusFound, slug)`): then it
    decides the host, whatever its name says."""
    for call in re.finditer(rf"{re.escape(callee)}\s*\(", sink_line):
        rest = sink_line[call.end() :]
        starts = [rest] + [rest[comma.end() :] for comma in re.finditer(",", rest)]
        for arg in starts:
            opening = _TARGET_OPENING.match(arg)
            start = opening.end() if opening else 0
            if re.match(rf"{re.escape(name)}\b", arg[start:]):
                return True
    return False


def identifier_redirect_to_summary(hit: Hit, item: flow.Flow, file: ChangedFile) -> Hit:
    """A redirect whose every input is named as an identifier (`service`, `user_id`) and
    none is the whole target (`redirect(slug)` stays): the summary, with why."""
    if item.cls != "redirect" or not item.origins:
        return hit
    if hit.severity is Severity.INFO and hit.opaque is None:
        return hit  # in the summary already, for its own reason
    sink = file.line_text(item.line) or ""
    names: list[str] = []
    for origin in item.origins:
        name = _origin_name(origin)
        if name is None:
            return hit
        parts = words(name)
        if not parts or parts[-1] not in _IDENTIFIER_WORDS:
            return hit
        if _leads_target(sink, item.sink, name):
            return hit
        if name not in names:
            names.append(name)
    note = IDENTIFIER_REDIRECT_NOTE.format(names=", ".join(f"`{n}`" for n in names))
    if hit.opaque is not None:
        # Through code the file does not show: the summary already. When another file of
        # the change defines that code, the engine follows it (and drops the flow if the
        # code makes the target safe) but keeps it in the summary with this note.
        return replace(hit, restored_note=note)
    detail = f"{hit.detail}\n\n{note}" if hit.detail else note
    return replace(hit, severity=Severity.INFO, detail=detail)


# A query object built only from parameters the framework binds (NestJS `@Query('pid') pid:
# string`, `@Body() dto: UpdateDto`, the `@Req()` object handed to an access-filter helper):
# an operator object (`{"$ne": null}`) reaches the query only when the framework lets a
# non-string through, which its declared type, the DTO's validators and the app's global
# `ValidationPipe` or schema decide, none of which the changed lines show. Sinks that parse
# text into a query (`$where`, `Document.parse`, `BasicQuery`) take a string too: they stay.
_PARSING_NOSQL_SINK = re.compile(r"\$where|parse|BasicQuery|(?:^|\.)where$|(?:^|\.)Document$")
BOUND_NOSQL_NOTE = (
    "Every input of this query is a parameter the web framework binds to the handler: "
    'whether a client can send an object carrying a query operator (`{"$ne": null}`) '
    "instead of a string depends on its declared type and the validation the framework "
    "applies (a global `ValidationPipe`, a schema), which the change does not show. Noted in the "
    "summary; make sure the value is validated as a string (or cast with `String(...)`) "
    "before it reaches the query."
)


def bound_nosql_to_summary(hit: Hit, item: flow.Flow) -> Hit:
    """A NoSQL flow from framework-bound handler parameters only goes to the summary."""
    if item.cls != "nosql" or not item.origins or _PARSING_NOSQL_SINK.search(item.sink):
        return hit
    if hit.severity is Severity.INFO and hit.opaque is None:
        return hit  # in the summary already, for its own reason
    if not all(origin.handler_param for origin in item.origins):
        return hit
    if hit.opaque is not None:
        _, title, detail = hit.opaque
        hit = replace(hit, title=title, detail=detail)
    detail = f"{hit.detail}\n\n{BOUND_NOSQL_NOTE}" if hit.detail else BOUND_NOSQL_NOTE
    return replace(hit, severity=Severity.INFO, detail=detail, opaque=None)


def checked_to_summary(hit: Hit, item: flow.Flow) -> Hit:
    """A flow every origin of which went through a check the engine does not read goes to
    the summary, with the check named; it stays there whoever defines the check."""
    checked = item.checked
    if checked is None:
        return hit
    callee, line = checked
    if hit.opaque is not None:
        _, title, detail = hit.opaque
        hit = replace(hit, title=title, detail=detail)
    note = unread_check.NOTE.format(callee=callee, line=line)
    detail = f"{hit.detail}\n\n{note}" if hit.detail else note
    return replace(hit, severity=Severity.INFO, detail=detail, opaque=None)


def _direct(origins: tuple[flow.Origin, ...]) -> tuple[flow.Origin, ...]:
    return tuple(replace(o, through=None) for o in origins)


# The definition of a function or method named N, in any of the languages: after a
# keyword (`def N(`, `function N(`, `func (s *T) N(`, `fun N(`), or after a type or a
# modifier (`public Task<X> N(`, `async N(`) when a body follows the parameters.
_DEFINITION = (
    r"(?m)(?:(?P<kw>\b(?:def|function|func|fun)\s+(?:self\.)?(?:\([^()\n]{{0,80}}\)\s*)?)"
    r"|\b(?!(?:{words})\s)[\w>\]?]+\s+|^[ \t]*){name}\s*(?:<[^<>()\n]{{0,80}}>)?\s*\("
)
# Words before a call that are not a type or a modifier.
_NOT_TYPES = (
    "return|await|new|yield|throw|else|case|in|of|not|and|or|typeof|echo|if|elif|while|for"
    "|assert|lambda|with|print|is|unless|until|when|go|defer|raise|puts|do|then"
)
# What follows a definition's parameter list: a body, a return type, a `throws` clause.
_AFTER_PARAMS = re.compile(r"(?:\{|:|->|=>|throws\b|where\b|=(?!=)|[\w*.\[\]()]+\s*\{)")


def defined_in_change(callee: str, files: Iterable[ChangedFile]) -> bool:
    """Whether some file of the change defines the function `callee` names (by its last
    name): its code is then in the change, followed by the cross-file analysis or read by
    the reviewer, and a flow through it is no claim about unseen code."""
    name = callee.rsplit(".", 1)[-1]
    if not name.isidentifier():
        return False
    pattern = re.compile(_DEFINITION.format(name=re.escape(name), words=_NOT_TYPES))
    for file in files:
        text = file.visible_text()
        if name not in text:
            continue
        for match in pattern.finditer(text):
            if match.group("kw") or _body_follows(text, match.end()):
                return True
    return False


def _body_follows(text: str, at: int) -> bool:
    """After `N(`: the parameter list closes and a body or a declaration follows
    (`) {`, `): T {`, `) throws X {`, `) =>`), not the end of a call."""
    depth, i = 1, at
    while i < len(text) and depth and i - at < 600:
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        i += 1
    rest = text[i : i + 160].lstrip()
    return bool(_AFTER_PARAMS.match(rest))


def parse_flow_line(detail: str | None) -> tuple[int, int, tuple[int, ...]] | None:
    """(CWE, sink line, source lines) from a hit's detail, for code that groups findings."""
    match = FLOW_LINE.search(detail or "")
    if match is None:
        return None
    sources = tuple(int(p) for p in match.group(3).replace(" ", "").split(",") if p)
    return int(match.group(1)), int(match.group(2)), sources


# Go: the files of one folder are one package, so a function or method another changed
# file of the folder defines is code of the same package, called by its name alone.
_GO_IMPORT = re.compile(r'^\s*(?:import\s+)?(?:(\w+)\s+)?"([\w./~-]+)"\s*$', re.M)


def _go_imported(text: str) -> frozenset[str]:
    """The names a Go file's imports bind (`http` of `net/http`, an alias, `alist` of
    `github.com/x/alist/v3`)."""
    names = set()
    for alias, path in _GO_IMPORT.findall(text):
        parts = [p for p in path.split("/") if not re.fullmatch(r"v\d+", p)]
        names.add(alias or (parts[-1] if parts else path))
    return frozenset(names)


def go_package_flow(
    files: Iterable[ChangedFile], path: str, sink_line: int, rule: str
) -> str | None:
    """With the other changed files of its Go package in view, what is left of a flow of
    `path` to the sink on `sink_line`: "direct" (still there, through no unseen code),
    "through" (still there, through code the change does not show), "none" (the calls
    followed into the package make it safe), or None when there is nothing to follow."""
    folder = path.rsplit("/", 1)[0] if "/" in path else ""
    package = [
        f
        for f in files
        if f.language == "go"
        and (f.path.rsplit("/", 1)[0] if "/" in f.path else "") == folder
        and not is_test_path(f.path)
    ]
    target = next((f for f in package if f.path == path), None)
    if target is None or len(package) < 2:
        return None
    data = spec.load("go")
    analyzers: dict[str, flow.Analyzer] = {}
    for item in package:
        root = astgrep.root_of(item, None)
        if root is None:
            continue
        analyzer = flow.Analyzer(shape_front.module(root, data, "go", root.text()), data)
        analyzer.path = item.path
        analyzers[item.path] = analyzer
    if path not in analyzers:
        return None
    imported = _go_imported(target.visible_text())
    defined: dict[str, tuple[flow.Analyzer, ir.Function]] = {}
    for where, analyzer in analyzers.items():
        for func in analyzer.module.functions:
            if where != path and not func.name.startswith("<"):
                defined.setdefault(func.name, (analyzer, func))

    def external(call: ir.Call) -> tuple[flow.Analyzer, ir.Function] | None:
        parts = call.callee.split(".")
        if len(parts) > 2 or (len(parts) == 2 and parts[0] in imported):
            return None
        found = defined.get(parts[-1])
        if found is None or (len(parts) == 2) != (found[1].owner is not None):
            return None  # a method is called on a value, a function by its name
        return found

    for analyzer in analyzers.values():
        analyzer.external = external
    left = [
        f
        for f in analyzers[path].flows()
        if f.where is None and f.line <= sink_line <= max(f.end_line, f.line) and f.rule == rule
    ]
    if not left:
        return "none"
    return "through" if all(f.through for f in left) else "direct"
