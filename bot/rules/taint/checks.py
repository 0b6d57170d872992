"""Flow-based rules for the injection classes that had no pattern rule before.

The classes with an existing rule id (`sql-injection`, `sql-injection`,
`sql-injection`, `reflected-xss`, `ssrf`, `eval-injection`, ...) are reported by
the check that owns that id, through `bot.rules.taint.api.flow_hits`, so suppressions
and config keep working. Every rule here needs a flow from request input to the sink.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from bot import lazyre as re
from bot.models import ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, catalog_rules
from bot.rules.lib.responses import typed_responses
from bot.rules.lib.scopes import function_spans as lib_function_spans
from bot.rules.taint import spec
from bot.rules.taint.api import LANGUAGES, flow_hits, parse_flow_line
from bot.rules.taint.cross import cross_hits, hits_of
from bot.rules.taint.cross_js import cross_js_flows

# Each rule's languages are in its rule.yml; tests/test_rule_catalog.py keeps them equal
# to the languages whose data files (`data/*.yml`) have sinks for the rule.
RULES = catalog_rules(
    "code-injection",
    "nosql-injection",
    "path-traversal",
    "open-redirect",
    "ldap-injection",
    "xpath-injection",
    "template-injection",
    "header-injection",
    "log-injection",
)


class TaintCheck(Check):
    name = "taint-flows"
    rules = RULES
    languages = LANGUAGES
    kinds = frozenset({FileKind.CODE})

    def check_file(self, file: ChangedFile) -> Iterator[Hit]:
        lines: list[str] | None = None
        spans: list[tuple[int, int]] | None = None
        named: dict[str, tuple[int, int]] | None = None
        for hit in flow_hits(file, {rule.id for rule in RULES}):
            if hit.rule == "path-traversal":
                lines = file.visible_text().splitlines() if lines is None else lines
                if canonical_then_checked(lines, hit.line):
                    continue
                if hit.severity is not Severity.INFO:
                    spans = function_spans(file, lines) if spans is None else spans
                    found = containment_checked(lines, spans, hit)
                    if found is None:
                        named = _named_spans(file, lines) if named is None else named
                        found = contained_by_helper(lines, named, hit)
                    if found is None:
                        found = checked_after_building(lines, spans, hit)
                    if found is not None:
                        hit = _to_summary(hit, _CONTAINED_NOTE.format(line=found))
            if hit.rule == "header-injection" and file.language in _SERVERS_STRIP_CRLF:
                hit = _to_summary(hit, _CRLF_NOTE)
            elif hit.rule == "code-injection" and _admin_namespaced_constant(file, hit.line):
                hit = _to_summary(hit, _ADMIN_NOTE)
            elif hit.rule == "code-injection" and (scope := _scoped_constant(file, hit.line)):
                hit = _to_summary(hit, _SCOPED_NOTE.format(method=scope))
            elif hit.rule == "nosql-injection":
                store = document_store(file.visible_text())
                if store == "sql":
                    continue
                if store is None:
                    hit = _to_summary(hit, _STORE_NOTE)
            yield hit


# `find`/`findOne`/`deleteOne` are the names of a MongoDB collection's or a Mongoose
# model's methods, and of TypeORM repositories, Prisma and Sequelize models, SQL-backed
# model classes and in-memory caches, which take the value as a bound parameter: no
# operator object can change their query. What the file shows of its store decides:
# MongoDB, Mongoose or a query operator (`$ne`, `$where`) keeps the finding; an SQL ORM
# or query builder, with nothing of MongoDB, drops it; neither goes to the summary.
_MONGO = re.compile(
    r"\bmongo(?:ose|db|engine)?\b|Mongo(?:Client|Template|Repository|Collection|Database)"
    r"|\bpymongo\b|\bmotor\b|@nestjs/mongoose|@InjectModel\b|\bnew\s+(?:mongoose\.)?Schema\s*\("
    r"|\bObjectId\b|org\.bson|\bDocument\.parse\b|\.collection\s*\(|\.(?:populate|lean|aggregate)\s*\("
    r"|[\"'\s{]\$(?:ne|eq|gt|gte|lt|lte|in|nin|regex|where|expr|or|and|nor|not|exists"
    r"|elemMatch|all)\b",
    re.I,
)
_SQL_STORE = re.compile(
    r"\btypeorm\b|@InjectRepository\b|\bRepository<|\bgetRepository\s*\(|@prisma/|PrismaClient"
    r"|\bprisma\.\w+\.find|\bsequelize\b|\bknex\b|drizzle-orm|@mikro-orm|\bobjection\b"
    r"|\bsqlalchemy\b|\bdjango\.db\b|\.objects\.|JpaRepository|CrudRepository|\bjavax?\.persistence\b"
    r"|\bjakarta\.persistence\b|\bjdbc\b|\bpg\b['\"]|\bmysql2?\b['\"]|\bsqlite3?\b['\"]",
    re.I,
)
_STORE_NOTE = (
    "Nothing in the file shows MongoDB or Mongoose (an import, a schema, a query "
    "operator): the same method names belong to SQL ORMs and caches, which bind the "
    "value as a parameter; noted in the summary."
)


def document_store(text: str) -> str | None:
    """ "mongo" when the text shows a document store, "sql" when it shows only an SQL
    ORM or query builder, None when it shows neither."""
    if _MONGO.search(text):
        return "mongo"
    return "sql" if _SQL_STORE.search(text) else None


# `File file = new File(base + File.separator + name).getCanonicalFile();` followed by
# `if (!file.toPath().startsWith(baseDir.toPath())) throw ...`: the sink is a path object
# that is made canonical where it is built and checked to lie under the base on the next
# lines, before anything reads or writes it. The flow reports the constructor; the check
# after it is what makes the path safe.
_ASSIGNED = re.compile(
    r"^\s*(?:(?:final|val|var|let|const)\s+)?(?:[\w.<>?\[\]]+\s+)?(\w+)\s*"
    r"(?::\s*[\w.<>?]+\s*)?=(?!=)"
)
_CANONICAL_END = re.compile(
    r"(?:\.(?:getCanonicalFile|getCanonicalPath|toRealPath|normalize|resolve)\(\s*\)"
    r"|\.canonical(?:File|Path))$"
)
_CANONICAL_START = re.compile(r"^(?:os\.path\.)?realpath\(")
# PHP leaves with `exit`/`die` as well.
_EXITS = re.compile(r"\b(?:throw|raise|return|abort|halt|exit|die)\b")


def canonical_then_checked(lines: Sequence[str], line: int, reach: int = 3) -> bool:
    """Whether the sink line builds a canonical path into a name that one of the next
    `reach` lines tests with a negated prefix check leading to a throw or return."""
    if not 0 < line <= len(lines):
        return False
    assigned = _ASSIGNED.match(lines[line - 1])
    if assigned is None:
        return False
    value = lines[line - 1][assigned.end() :].strip().rstrip(";").rstrip()
    if not (_CANONICAL_END.search(value) or _CANONICAL_START.match(value)):
        return False
    name = re.escape(assigned.group(1))
    negated = re.compile(
        rf"\bif\s*\(?\s*(?:!|not\s)\s*\(?\s*{name}\b(?:\.\w+(?:\(\s*\))?)*"
        r"\.(?:startsWith|startswith|is_relative_to|isRelativeTo)\s*\("
    )
    following = [text for text in lines[line : line + reach + 2] if text.strip()]
    for i, text in enumerate(following[:reach]):
        if negated.search(text):
            return any(_EXITS.search(after) for after in following[i : i + 3])
    return False


# A containment test the engine does not tie to the flowing name: the path (or one made
# from it: `rel, err := filepath.Rel(base, abs)`) is made canonical and then tested to lie
# under a base, or to hold no `..`, and the branch that fails leaves the function
# (`if err != nil || strings.Contains(rel, "..") { return }`, `if (strpos($real, $dir) !==
# 0) { exit; }`). Such a test before the file call usually guards it; whether it guards this
# very value is a question for a reader, so the finding goes to the summary.
_CANONICALIZES = re.compile(
    r"\b(?:realpath|abspath|normpath|getCanonicalPath|getCanonicalFile|toRealPath|normalize"
    r"|expand_path|EvalSymlinks|GetFullPath|resolve|Abs|Clean|Rel|relative)\s*\("
    r"|\.canonical(?:File|Path)\b"  # Kotlin's properties
)
_CONTAINMENT = re.compile(
    r"\b(?:startsWith|startswith|start_with\?|str_starts_with|strpos|HasPrefix|StartsWith"
    r"|is_relative_to|isRelativeTo|commonpath|IsLocal|Contains|includes|contains|include\?)"
    r"\s*\([^\n]*?\w|[\"']\.\.[\"']\s+(?:not\s+)?in\b"
)
_DOTDOT = re.compile(r"[\"']\.\.[\"'/\\]")
_BRANCH = re.compile(
    r"^\s*(?:\}?\s*(?:else\s+)?if\b|unless\b|guard\b|\w+\s*=.*\bif\b|return\s+if\b)"
)
_CONTAINED_NOTE = (
    "A containment test at line {line} (a canonical path checked against a base, or "
    "against `..`) leaves the function before the file call; the engine does not prove it "
    "covers this value, so the finding is noted in the summary."
)


def _contained_in(lines: Sequence[str], first: int, before: int) -> int | None:
    """The line of a containment test between `first` and `before` (1-based) whose branch
    leaves the function, when the lines also make a path canonical."""
    window = lines[first - 1 : before - 1]
    if not any(_CANONICALIZES.search(text) for text in window):
        return None
    for i, text in enumerate(window):
        if not _CONTAINMENT.search(text):
            continue
        if (
            "base" not in text.lower()
            and not _DOTDOT.search(text)
            and not re.search(r"(?i)dir|root|path|folder|prefix|dest", text)
        ):
            continue
        # The test is the branch itself, or a value a branch a few lines on reads
        # (`inside = commonpath(...) == root` then `if not inside: raise`); the failing
        # branch may log and answer before it leaves.
        for j in range(i, min(i + 8, len(window))):
            if _BRANCH.search(window[j]) and any(
                _EXITS.search(after) for after in window[j : j + 5]
            ):
                return first + i
    return None


def _contained_cross(hit: Hit, file: ChangedFile | None) -> Hit:
    """A path flow from another file's handler, with a containment test before the file
    call in the sink's own function: the summary (the source lines are the other file's)."""
    if hit.rule != "path-traversal" or hit.severity is Severity.INFO or file is None:
        return hit
    lines = file.visible_text().splitlines()
    found = containment_checked(lines, function_spans(file, lines), hit, sources=False)
    return hit if found is None else _to_summary(hit, _CONTAINED_NOTE.format(line=found))


def _named_spans(file: ChangedFile, lines: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Each named function of the file by name (a name defined twice is left out)."""
    out: dict[str, tuple[int, int]] = {}
    seen: set[str] = set()
    for name, first, last in lib_function_spans("\n".join(lines), file.language or ""):
        if name:
            if name in seen:
                out.pop(name, None)
            else:
                out[name] = (first, last)
            seen.add(name)
    return out


_CALLED = re.compile(r"\b(\w+)\s*\(")


def contained_by_helper(
    lines: Sequence[str], named: dict[str, tuple[int, int]], hit: Hit
) -> int | None:
    """The path came back from a helper of this file that makes it canonical and tests it
    against a base (`val file = store.resolveForRead(rel) ?: return`, where
    `resolveForRead` returns the file only when it lies under the root): the line of that
    test. The helper is called between the flow's source and the sink."""
    parsed = parse_flow_line(hit.detail)
    sources = [s for s in (parsed[2] if parsed else ()) if s <= hit.line]
    first = min(sources) if sources else hit.line
    own = next((span for span in named.values() if span[0] <= hit.line <= span[1]), None)
    for text in lines[first - 1 : hit.line]:
        for name in _CALLED.findall(text):
            span = named.get(name)
            if span is None or span == own:
                continue
            found = _contained_in(lines, span[0], span[1] + 1)
            if found is not None:
                return found
    return None


# Path sinks that only build a path object (`File(root, name)`, `Paths.get`, `resolve`): no
# file is touched until a later call.
_BUILDS_PATH = re.compile(
    r"reaches `(?:new )?(?:File|Paths\.get|Path\.of|[\w.]*\.resolve|Path)` \(line"
)


def checked_after_building(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], hit: Hit
) -> int | None:
    """A path object built from the input, then made canonical and tested against a base
    later in the same function (`val candidate = File(root, rel).canonicalFile`, then
    `return if (candidate.path.startsWith(root.path)) candidate else null`): the line of
    that test. Nothing reads or writes the file at the sink itself."""
    if not _BUILDS_PATH.search(hit.detail or ""):
        return None
    own = next((span for span in spans if span[0] <= hit.line <= span[1]), None)
    return None if own is None else _contained_in(lines, hit.line, own[1] + 1)


def function_spans(file: ChangedFile, lines: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) line of each function of the file: parsed once per file."""
    text = "\n".join(lines)
    return [(first, last) for _, first, last in lib_function_spans(text, file.language or "")]


def containment_checked(
    lines: Sequence[str], spans: Sequence[tuple[int, int]], hit: Hit, *, sources: bool = True
) -> int | None:
    """A containment test before the sink in its function, or, when the sink is in a
    helper, anywhere in the function the value came from (which calls the helper)."""

    def span_of(line: int) -> tuple[int, int] | None:
        return next((span for span in spans if span[0] <= line <= span[1]), None)

    own = span_of(hit.line)
    if own is None:
        return None
    found = _contained_in(lines, own[0], hit.line)
    parsed = parse_flow_line(hit.detail) if sources else None
    for source in parsed[2] if parsed else ():
        if found is not None:
            break
        caller = span_of(source)
        if caller is not None and caller != own:
            found = _contained_in(lines, caller[0], caller[1] + 1)
    return found


# `"Widgets::#{name.camelize}".constantize` (or `"#{WIDGETS}::#{...}"`): the name is looked
# up under a fixed namespace, so it picks one of the app's own classes there, and an admin
# controller serves only staff. Ruby falls back to top-level constants for a module's
# lookup, so this is not proof, only too weak for an inline comment.
_NAMESPACED = re.compile(
    r"[\"'](?:[A-Z]\w*(?:::[A-Z]\w*)*|#\{[A-Z][A-Z0-9_]*\})::#\{[^}\n]+\}[\"']"
    r"\s*\.\s*(?:safe_)?constantize\b"
)
_ADMIN_CONTROLLER = re.compile(r"(?:^|/)controllers/(?:[\w/]*/)?admin/")
_ADMIN_NOTE = (
    "The name is looked up under a fixed namespace in an admin controller, so only staff "
    "choose among the app's own classes there; noted in the summary."
)


def _admin_namespaced_constant(file: ChangedFile, line: int) -> bool:
    if file.language != "ruby" or not _ADMIN_CONTROLLER.search(file.path):
        return False
    lines = file.visible_text().splitlines()
    return 0 < line <= len(lines) and _NAMESPACED.search(lines[line - 1]) is not None


# `params[:type].classify.constantize.my(current_user)`: the class is used at once through
# a method no Ruby or Rails class has (a scope of the app's own models); any other class
# raises NoMethodError before anything runs. Which classes answer it is in the rest of the
# repository, so this is a summary note rather than an inline finding. A generic method
# (`new`, `find`, `send`, `create`, ...) keeps the finding inline.
_CONSTANTIZE_THEN = re.compile(r"\.(?:safe_)?constantize\s*&?\.\s*([a-z_]\w*[?!]?)")
# Object, Module and Class methods, then ActiveRecord's and ActiveModel's class methods.
_GENERIC_WORDS = """
    new allocate send public_send __send__ method public_method instance_method
    public_instance_method const_get const_set class_eval module_eval instance_eval
    class_exec module_exec instance_exec define_method instance_variable_get
    instance_variable_set name to_s inspect superclass ancestors constants instance_methods
    respond_to? is_a? kind_of? tap then yield_self try try! call open load parse read write
    run perform perform_later perform_now delete destroy
    create create! find find_by find_by! find_by_id find_by_sql where all first last take
    exists? count pluck ids unscoped includes joins order limit select update update_all
    delete_all destroy_all find_or_create_by find_or_create_by! find_or_initialize_by
    find_each in_batches insert_all upsert_all column_names columns attribute_names
    table_name model_name human_attribute_name reflect_on_association
    reflect_on_all_associations
"""
_GENERIC_CLASS_METHODS = frozenset(_GENERIC_WORDS.split())
_SCOPED_NOTE = (
    "The class is used at once through `{method}`, which only the app's own classes that "
    "define it answer (any other raises NoMethodError first); which those are is outside "
    "the change, so this is noted in the summary. An allow-list of the names is tidier."
)


def _scoped_constant(file: ChangedFile, line: int) -> str | None:
    """The method called straight on the constant a request name looked up, when it is no
    generic Ruby or Rails class method (`.constantize.my(current_user)`)."""
    if file.language != "ruby":
        return None
    lines = file.visible_text().splitlines()
    if not 0 < line <= len(lines):
        return None
    calls = _CONSTANTIZE_THEN.findall(lines[line - 1])
    if not calls or any(method in _GENERIC_CLASS_METHODS for method in calls):
        return None
    return str(calls[0])


# The JVM's servers write a header value with CR/LF replaced or refused (Tomcat, Jetty,
# Undertow, Netty under Play and WebFlux): the response is not split there. The value
# can still matter for what the header means (a file name), which the flow cannot judge.
_SERVERS_STRIP_CRLF = frozenset({"java", "kotlin", "scala"})
_CRLF_NOTE = (
    "Tomcat, Jetty, Undertow and Netty replace or refuse CR/LF in header values, so the "
    "response cannot be split on them; this matters on another server, or for what the "
    "header itself means."
)


def _join(detail: str | None, note: str) -> str:
    return f"{detail} {note}" if detail else note


def _to_summary(hit: Hit, note: str) -> Hit:
    """The hit sent to the summary with a note. A flow through a call the change does not
    show carries its inline wording in `opaque`, which the engine restores (at the rule's
    severity) when another file defines that call: settled here, so the note holds."""
    title, detail = hit.title, hit.detail
    if hit.opaque is not None:
        _, title, detail = hit.opaque
    return replace(
        hit, severity=Severity.INFO, title=title, detail=_join(detail, note), opaque=None
    )


class CrossFileTaintCheck(Check):
    """The same rules when the handler and the sink are in different Python files of
    the change: it needs every file at once. Its rules are `TaintCheck`'s, plus
    `reflected-xss` for a page built by a function of another file."""

    name = "taint-flows-cross-file"
    languages = frozenset({"python"})
    kinds = frozenset({FileKind.CODE})
    batch = True

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        # Also a handler's page built by a function of another file: `reflected-xss`
        # belongs to its single-file check, which cannot see that function.
        hits = cross_hits(files, {rule.id for rule in RULES} | {"reflected-xss"})
        by_path = {f.path: f for f in files}
        hits = [_contained_cross(h, by_path.get(h.path)) for h in hits]
        out: list[Hit] = []
        for path in dict.fromkeys(h.path for h in hits):
            mine = [h for h in hits if h.path == path]
            out += typed_responses(by_path[path], mine) if path in by_path else mine
        return out


class CrossFileTaintCheckJs(Check):
    """Flows from a JavaScript/TypeScript handler into a function or service of another
    changed file. Every injection rule of the JavaScript data reports from here, so the
    check declares none of its own (each id belongs to its single-file check)."""

    name = "taint-flows-cross-file-js"
    languages = frozenset({"javascript", "typescript"})
    kinds = frozenset({FileKind.CODE})
    batch = True

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        data = spec.load("javascript")
        hits = hits_of(cross_js_flows(files), {item.rule for item in data.classes.values()})
        if not any(h.rule == "nosql-injection" for h in hits):
            return hits
        # The change may show the store in another file (the model beside the route): one
        # the hit's file imports, or, when its own file shows none, any file of the change.
        texts = {f.path: f.visible_text() for f in files}
        by_file = {path: document_store(text) for path, text in texts.items()}
        mongo_files = [path for path, store in by_file.items() if store == "mongo"]
        stores = set(by_file.values())
        out: list[Hit] = []
        for hit in hits:
            store = by_file.get(hit.path)
            if store is None and hit.path in texts:
                imported = [p for p in mongo_files if _imports(texts[hit.path], p)]
                store = "mongo" if imported else "sql" if "sql" in stores else None
            elif store is None:
                store = "mongo" if mongo_files else "sql" if "sql" in stores else None
            if hit.rule == "nosql-injection" and store != "mongo":
                if store == "sql":
                    continue
                hit = _to_summary(hit, _STORE_NOTE)
            out.append(hit)
        return out


def _imports(text: str, path: str) -> bool:
    """Whether a JavaScript/TypeScript file's import or require names the module at `path`
    (by its file name without extension: `from '../models/user'`, `require('./user.js')`)."""
    stem = path.rsplit("/", 1)[-1].split(".", 1)[0]
    if not stem:
        return False
    spec = rf"[\"'`][^\"'`\n]*(?:^|/){re.escape(stem)}(?:\.[jt]sx?)?[\"'`]"
    return re.search(rf"(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*){spec}", text) is not None


CHECKS: list[Check] = [TaintCheck(), CrossFileTaintCheck(), CrossFileTaintCheckJs()]
