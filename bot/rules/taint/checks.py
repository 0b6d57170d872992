"""Flow-based rules for the injection classes that had no pattern rule before.

The classes with an existing rule id (`py-sql-injection`, `js-sql-injection`,
`jvm-sql-injection`, `reflected-xss`, `ssrf`, `eval-injection`, ...) are reported by
the check that owns that id, through `bot.rules.taint.api.flow_hits`, so suppressions
and config keep working. Every rule here needs a flow from request input to the sink.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, Rule, RuleCase, catalog_rules
from bot.rules.taint import spec
from bot.rules.taint.api import LANGUAGES, flow_hits
from bot.rules.taint.cross import cross_hits, hits_of
from bot.rules.taint.cross_js import cross_js_flows

# The data files (`data/*.yml`) say which language has sinks for which rule; the rule's
# language list follows them so the catalogue does not go stale when one gains a class.
_ORDER: tuple[str, ...] = (
    "python",
    "javascript",
    "typescript",
    "java",
    "go",
    "ruby",
    "php",
    "kotlin",
    "csharp",
    "scala",
)


def _languages(rule_id: str) -> tuple[str, ...]:
    def reports(language: str) -> bool:
        data = spec.load("javascript" if language == "typescript" else language)
        return any(item.rule == rule_id for item in data.classes.values())

    return tuple(language for language in _ORDER if reports(language))


def _case(path: str, code: str, *lines: int) -> RuleCase:
    return RuleCase(path=path, code=code, lines=tuple(lines))


def _rule(
    rule_id: str,
    severity: Severity,
    title: str,
    rationale: str,
    fix: str,
    positive: RuleCase,
    negative: RuleCase,
) -> Rule:
    return Rule(
        id=rule_id,
        category=Category.SECURITY,
        severity=severity,
        title=title,
        rationale=rationale,
        fix=fix,
        languages=_languages(rule_id),
        positive=(positive,),
        negative=(negative,),
    )


_FLASK = "from flask import request\n\n@app.get('/x')\ndef view():\n"

RULES: tuple[Rule, ...] = (
    _rule(
        "code-injection",
        Severity.HIGH,
        "Request input is evaluated as code",
        "A value from the request reaches an expression or script engine (SpEL, "
        "`ScriptEngine.eval`): whoever sends it runs code in the service.",
        "Never evaluate request text; map allowed names to fixed behaviour.",
        _case(
            "src/main/java/A.java",
            'class A {\n  @GetMapping("/x")\n'
            "  Object x(@RequestParam String e) {\n    return parser.parseExpression(e);\n  }\n}\n",
            4,
        ),
        _case(
            "src/main/java/A.java",
            'class A {\n  @GetMapping("/x")\n'
            "  Object x(@RequestParam String e) {\n"
            '    return parser.parseExpression("1 + 1");\n  }\n}\n',
        ),
    ),
    _rule(
        "nosql-injection",
        Severity.HIGH,
        "Request input used as a NoSQL query",
        "A request value used directly as a query document lets a client send "
        'operators (`{"$ne": null}`, `$where`) that match every record or run script.',
        "Convert the value to the expected scalar (`String(x)`, an ObjectId) or validate "
        "the body with a schema before it reaches the query.",
        _case(
            "server/routes/users.js",
            "app.post('/login', async (req, res) => {\n"
            "  const u = await Users.findOne({ name: req.body.name });\n});\n",
            2,
        ),
        _case(
            "server/routes/users.js",
            "app.post('/login', async (req, res) => {\n"
            "  const u = await Users.findOne({ name: String(req.body.name) });\n});\n",
        ),
    ),
    _rule(
        "path-traversal",
        Severity.HIGH,
        "Request input reaches a file path",
        "A file name from the request with `../` (or an absolute path) reads or writes "
        "files outside the folder meant for it: configuration, keys, other users' data.",
        "Keep only the base name (`os.path.basename`, `path.basename`, "
        "`FilenameUtils.getName`), or resolve the path and check it stays under the base "
        "folder before opening it.",
        _case("app/views.py", _FLASK + "    return open('/data/' + request.args['f']).read()\n", 5),
        _case(
            "app/views.py",
            "import os\n" + _FLASK + "    name = os.path.basename(request.args['f'])\n"
            "    return open('/data/' + name).read()\n",
        ),
    ),
    _rule(
        "open-redirect",
        Severity.MEDIUM,
        "Redirect to a URL taken from the request",
        "Redirecting to a request-supplied URL sends users from a trusted link to any "
        "site, which phishing pages use to borrow the domain's credibility.",
        "Redirect only to relative paths or to hosts on an allow-list "
        "(`url_has_allowed_host_and_scheme`); otherwise fall back to a fixed page.",
        _case(
            "server/routes/app.js",
            "app.get('/go', (req, res) => {\n  res.redirect(req.query.next);\n});\n",
            2,
        ),
        _case(
            "server/routes/app.js",
            "app.get('/go', (req, res) => {\n  res.redirect('/home');\n});\n",
        ),
    ),
    _rule(
        "ldap-injection",
        Severity.HIGH,
        "Request input spliced into an LDAP filter",
        "`*`, `(` and `)` in a request value change the filter's meaning, so a login "
        "lookup can match any user.",
        "Escape the value for filters (`escape_filter_chars`, `LdapEncoder.filterEncode`, "
        "ESAPI `encodeForLDAP`).",
        _case(
            "src/main/java/L.java",
            "class L {\n  void f(HttpServletRequest request) throws Exception {\n"
            '    String u = request.getParameter("u");\n'
            '    ctx.search("ou=people", "(uid=" + u + ")", controls);\n  }\n}\n',
            4,
        ),
        _case(
            "src/main/java/L.java",
            "class L {\n  void f(HttpServletRequest request) throws Exception {\n"
            '    String u = LdapEncoder.filterEncode(request.getParameter("u"));\n'
            '    ctx.search("ou=people", "(uid=" + u + ")", controls);\n  }\n}\n',
        ),
    ),
    _rule(
        "xpath-injection",
        Severity.HIGH,
        "Request input spliced into an XPath expression",
        "Quotes in the value end the string literal and let the client rewrite the "
        "query (`' or '1'='1`), reading nodes it should not see.",
        "Use XPath variables (`XPathVariableResolver`) or escape the value.",
        _case(
            "src/main/java/X.java",
            "class X {\n  void f(HttpServletRequest request) throws Exception {\n"
            '    String n = request.getParameter("n");\n'
            '    xp.evaluate("//user[@name=\'" + n + "\']", doc);\n  }\n}\n',
            4,
        ),
        _case(
            "src/main/java/X.java",
            "class X {\n  void f(HttpServletRequest request) throws Exception {\n"
            '    String n = request.getParameter("n");\n'
            '    xp.evaluate("//user[@name=$n]", doc);\n  }\n}\n',
        ),
    ),
    _rule(
        "template-injection",
        Severity.HIGH,
        "Request input used as a template",
        "A template engine runs the template's expressions: request text compiled as a "
        "template (`render_template_string`, `ejs.render`) lets the client run code.",
        "Pass request values as template variables to a fixed template.",
        _case(
            "app/views.py",
            "from flask import render_template_string\n"
            + _FLASK
            + "    return render_template_string('Hi ' + request.args['n'])\n",
            6,
        ),
        _case(
            "app/views.py",
            "from flask import render_template_string\n"
            + _FLASK
            + "    return render_template_string('Hi {{ n }}', n=request.args['n'])\n",
        ),
    ),
    _rule(
        "header-injection",
        Severity.MEDIUM,
        "Request input written into a response header",
        "A CR/LF in the value splits the response: the client adds headers (cookies) or "
        "a body of its choosing.",
        "Reject or strip `\\r` and `\\n`, or encode the value (`URLEncoder.encode`).",
        _case(
            "server/routes/app.js",
            "app.get('/x', (req, res) => {\n  res.setHeader('X-Name', req.query.n);\n});\n",
            2,
        ),
        _case(
            "server/routes/app.js",
            "app.get('/x', (req, res) => {\n"
            "  res.setHeader('X-Name', encodeURIComponent(req.query.n));\n});\n",
        ),
    ),
    _rule(
        "log-injection",
        Severity.LOW,
        "Request input written into a log message",
        "Line breaks in a request value forge extra log entries, misleading whoever "
        "investigates an incident from those logs.",
        'Log request values as structured fields or parameters (`log.info("user {}", '
        'name)`, `logger.info("user %s", name)`), not spliced into the message.',
        _case("app/views.py", _FLASK + "    logger.info('user ' + request.args['u'])\n", 5),
        _case("app/views.py", _FLASK + "    logger.info('user %s', request.args['u'])\n"),
    ),
) + catalog_rules("trust-boundary")


class TaintCheck(Check):
    name = "taint-flows"
    rules = RULES
    languages = LANGUAGES
    kinds = frozenset({FileKind.CODE})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return flow_hits(file, {rule.id for rule in RULES})


class CrossFileTaintCheck(Check):
    """The same rules when the handler and the sink are in different Python files of
    the change: it needs every file at once. Its rules are `TaintCheck`'s."""

    name = "taint-flows-cross-file"
    languages = frozenset({"python"})
    kinds = frozenset({FileKind.CODE})
    batch = True

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        return cross_hits(files, {rule.id for rule in RULES})


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
        return hits_of(cross_js_flows(files), {item.rule for item in data.classes.values()})


CHECKS: list[Check] = [TaintCheck(), CrossFileTaintCheck(), CrossFileTaintCheckJs()]
