"""Java/Kotlin SQL injection (`jvm-sql-injection`) and the cross-language
`unsafe-deserialization` and `cors-any-origin-with-credentials` rules."""

from __future__ import annotations

import re

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Rule, RuleCase
from bot.rules.security_go import sql_call
from bot.rules.security_js import Pattern, PatternCheck, call_arguments, is_string_literal
from bot.rules.taint.mixed import FlowPatternCheck

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_JVM = frozenset({"java", "kotlin"})
_JS = frozenset({"javascript", "typescript"})

# --- jvm-sql-injection ----------------------------------------------------------------------

JVM_SQL_ID = "jvm-sql-injection"
_JVM_ALWAYS_SQL = frozenset(
    {
        "executeQuery",
        "executeUpdate",
        "executeLargeUpdate",
        "addBatch",
        "prepareStatement",
        "prepareCall",
        "createQuery",
        "createNativeQuery",
        "queryForObject",
        "queryForList",
        "queryForMap",
        "queryForRowSet",
        "batchUpdate",
    }
)
_JVM_SQL = re.compile(
    r"\.\s*(?P<at>(?P<method>executeQuery|executeUpdate|executeLargeUpdate|execute|addBatch"
    r"|prepareStatement|prepareCall|createQuery|createNativeQuery|query|queryForObject"
    r"|queryForList|queryForMap|queryForRowSet|update|batchUpdate))\s*\("
)

JVM_SQL_RULE = Rule(
    id=JVM_SQL_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="SQL or JPQL built by concatenation or templates is passed to a query call",
    rationale=(
        "The value becomes part of the statement text, so whoever controls it controls the "
        "query: `' OR '1'='1` logs in as anyone, a UNION reads other tables, and with JPA "
        "`createQuery` the same holds for JPQL. `prepareStatement` does not help when the "
        "text it prepares was already concatenated."
    ),
    fix=(
        "Keep the text constant and bind values: `PreparedStatement` with `?` and "
        '`setString`, JPA `:name` with `setParameter`, Spring `jdbcTemplate.query("… '
        'WHERE id = ?", mapper, id)` or `NamedParameterJdbcTemplate`. Identifiers cannot '
        "be bound: choose them from a fixed allow-list."
    ),
    languages=("java", "kotlin", "scala"),
    positive=(
        RuleCase(
            path="src/main/java/com/acme/UserController.java",
            code=(
                "class UserController {\n"
                '  @GetMapping("/users")\n'
                "  User find(@RequestParam String id, @RequestParam String name, HttpServletRequest req) {\n"  # noqa: E501
                '    ResultSet rs = conn.createStatement().executeQuery("SELECT * FROM users WHERE id = " + id);\n'  # noqa: E501
                '    String jpql = "SELECT u FROM User u WHERE u.name = \'" + name + "\'";\n'
                "    em.createQuery(jpql, User.class).getResultList();\n"
                '    String a = req.getParameter("a");\n'
                '    jdbcTemplate.query(String.format("SELECT * FROM t WHERE a = %s", a), mapper);\n'  # noqa: E501
                "    return null;\n"
                "  }\n"
                "}\n"
            ),
            lines=(4, 6, 8),
        ),
        RuleCase(
            path="src/main/kotlin/com/acme/UserController.kt",
            code=(
                "@RestController\n"
                "class UserController(private val jdbc: JdbcTemplate) {\n"
                '    @GetMapping("/users")\n'
                "    fun byName(@RequestParam name: String) =\n"
                "        jdbc.queryForList(\"SELECT * FROM users WHERE name = '$name'\")\n"
                "}\n"
            ),
            lines=(5,),
        ),
        RuleCase(
            path="app/controllers/UserController.scala",
            code=(
                "class UserController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {\n"  # noqa: E501
                "  def search = Action { request =>\n"
                '    val q = request.getQueryString("q").getOrElse("")\n'
                '    conn.createStatement().executeQuery("SELECT * FROM users WHERE name = \'" + q + "\'")\n'  # noqa: E501
                '    Ok("done")\n'
                "  }\n"
                "}\n"
            ),
            lines=(4,),
        ),
    ),
    negative=(
        RuleCase(
            path="src/main/java/com/acme/UserDao.java",
            code=(
                "class UserDao {\n"
                "  User find(String id) throws SQLException {\n"
                '    PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE id = ?");\n'  # noqa: E501
                '    em.createQuery("SELECT u FROM User u WHERE u.name = :n").setParameter("n", n);\n'  # noqa: E501
                '    jdbcTemplate.query("SELECT * FROM " + TABLE + " WHERE a = ?", mapper, a);\n'
                '    map.update("key" + id);\n'
                "    return null;\n"
                "  }\n"
                "}\n"
            ),
        ),
        RuleCase(
            # Internal identifiers, constants, an allow-listed sort column and a helper's
            # parameter: none of them is request input.
            path="src/main/java/com/acme/ReportDao.java",
            code=(
                "class ReportDao {\n"
                '  private static final String TABLE = "reports";\n'
                "  List<Row> page(String orderBy, long tenantId) {\n"
                '    String sql = "SELECT * FROM " + TABLE + " WHERE tenant = " + tenantId;\n'
                '    jdbcTemplate.query(sql + " ORDER BY " + orderBy, mapper);\n'
                '    return em.createNativeQuery("DELETE FROM " + partitionName()).getResultList();\n'  # noqa: E501
                "  }\n"
                '  @GetMapping("/reports")\n'
                "  List<Row> list(@RequestParam String sort) {\n"
                '    String column = ALLOWED.contains(sort) ? sort : "id";\n'
                '    return jdbcTemplate.query("SELECT * FROM reports ORDER BY " + column, mapper);\n'  # noqa: E501
                "  }\n"
                "}\n"
            ),
        ),
        # A generated table name next to a bound value.
        RuleCase(
            path="src/main/kotlin/com/acme/UserController.kt",
            code=(
                "@RestController\n"
                "class UserController(private val jdbc: JdbcTemplate) {\n"
                '    @GetMapping("/users")\n'
                "    fun byName(@RequestParam name: String): List<Map<String, Any>> {\n"
                "        val table = Users.tableName\n"
                '        return jdbc.queryForList("SELECT * FROM $table WHERE name = ?", name)\n'
                "    }\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="app/controllers/UserController.scala",
            code=(
                "class UserController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {\n"  # noqa: E501
                "  def search = Action { request =>\n"
                '    val q = request.getQueryString("q").getOrElse("")\n'
                '    val ps = conn.prepareStatement("SELECT * FROM " + Tables.Users + " WHERE name = ?")\n'  # noqa: E501
                "    ps.setString(1, q)\n"
                '    Ok("done")\n'
                "  }\n"
                "}\n"
            ),
        ),
    ),
)

# --- unsafe-deserialization -----------------------------------------------------------------

DESER_ID = "unsafe-deserialization"


def _java_read_object(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if not re.search(r"\b(ObjectInputStream|XMLDecoder)\b", text):
        return False
    if re.search(r"\bvoid\s+readObject\s*\(\s*(java\.io\.)?ObjectInputStream", text):
        return False  # a Serializable class's own hook, reading its fields
    return "`readObject` rebuilds whatever classes the bytes name."


def _php_unserialize(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    args = call_arguments(text, match.end() - 1, "php")
    if not args or is_string_literal(args[0], "php"):
        return False
    if len(args) > 1 and re.search(r"allowed_classes['\"]\s*=>\s*(false|\[)", args[1]):
        return False
    return f"`unserialize({args[0][:40]})` can instantiate any class the data names."


DESER_PATTERNS = (
    Pattern(
        DESER_ID,
        _JVM,
        re.compile(r"\.\s*(?P<at>readObject|readUnshared)\s*\(\s*\)"),
        _java_read_object,
    ),
    Pattern(
        DESER_ID,
        frozenset({"ruby"}),
        re.compile(
            r"\b(?P<at>Marshal\.(?:load|restore)|(?:YAML|Psych)\.(?:unsafe_)?load)\b"
            r"(?!_file|_stream)"
        ),
        lambda m, t, f: f"`{m.group('at')}` can build arbitrary Ruby objects.",
    ),
    Pattern(
        DESER_ID,
        frozenset({"php"}),
        re.compile(r"(?<![\w>:$])(?P<at>unserialize)\s*\("),
        _php_unserialize,
    ),
    Pattern(
        DESER_ID,
        _JS,
        re.compile(r"\b(?P<at>unserialize)\s*\("),
        lambda m, t, f: (
            "`node-serialize` evaluates functions embedded in the data."
            if "node-serialize" in t
            else False
        ),
    ),
)

DESER_RULE = Rule(
    id=DESER_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="Untrusted data is deserialized into arbitrary objects",
    rationale=(
        "Java serialization, Ruby `Marshal`/`YAML.load`, PHP `unserialize` and "
        "`node-serialize` rebuild whatever object types the bytes name and run their "
        "hooks. An attacker who can get bytes into that call (a cookie, a queue message, "
        "an upload, a cache entry) sends a gadget chain from a library already on the "
        "class path (ysoserial, phpggc) and gets remote code execution on the server."
    ),
    fix=(
        "Exchange plain data instead: JSON into explicit types (Jackson without default "
        "typing, `JSON.parse`, `json_decode`), `YAML.safe_load` in Ruby, "
        "`unserialize($s, ['allowed_classes' => false])` if PHP serialization must stay, "
        "and an `ObjectInputFilter` allow-list where Java serialization cannot be removed."
    ),
    languages=("java", "kotlin", "ruby", "php", "javascript", "typescript", "csharp", "scala"),
    positive=(
        RuleCase(
            path="src/main/kotlin/com/acme/PrefsController.kt",
            code=(
                "@RestController\n"
                "class PrefsController {\n"
                '    @PostMapping("/prefs")\n'
                "    fun save(@RequestBody body: ByteArray): Any {\n"
                "        val input = ObjectInputStream(ByteArrayInputStream(body))\n"
                "        return input.readObject()\n"
                "    }\n"
                "}\n"
            ),
            lines=(6,),
        ),
        RuleCase(
            path="Controllers/PrefsController.cs",
            code=(
                "[ApiController]\n"
                "public class PrefsController : ControllerBase\n"
                "{\n"
                '    [HttpPost("prefs")]\n'
                "    public IActionResult Save([FromBody] string blob)\n"
                "    {\n"
                "        var bytes = Convert.FromBase64String(blob);\n"
                "        var prefs = new BinaryFormatter().Deserialize(new MemoryStream(bytes));\n"
                "        var p2 = JsonSerializer.Deserialize<Prefs>(blob);\n"
                "        return Ok();\n"
                "    }\n"
                "}\n"
            ),
            lines=(8,),
        ),
        RuleCase(
            path="src/main/java/com/acme/SessionController.java",
            code=(
                "class SessionController {\n"
                '  @PostMapping("/session")\n'
                "  Object restore(HttpServletRequest req) throws Exception {\n"
                "    ObjectInputStream in = new ObjectInputStream(req.getInputStream());\n"
                "    return in.readObject();\n"
                "  }\n"
                "}\n"
            ),
            lines=(5,),
        ),
        RuleCase(
            path="app/controllers/prefs_controller.rb",
            code=(
                "class PrefsController < ApplicationController\n"
                "  def update\n"
                "    prefs = Marshal.load(Base64.decode64(cookies[:prefs]))\n"
                "    config = YAML.load(params[:config])\n"
                "  end\n"
                "end\n"
            ),
            lines=(3, 4),
        ),
        RuleCase(
            path="app/Http/Controllers/CartController.php",
            code="<?php\nfunction cart() {\n    return unserialize($_COOKIE['cart']);\n}\n",
            lines=(3,),
        ),
        RuleCase(
            path="server/session.js",
            code=(
                "const serialize = require('node-serialize');\nconst s = serialize.unse"
                "rialize(req.cookies.s);\n"
            ),
            lines=(2,),
        ),
    ),
    negative=(
        RuleCase(
            # Bytes the service wrote itself (a cache entry, a file on its class path) are
            # not request input.
            path="src/main/java/com/acme/SessionCodec.java",
            code=(
                "class SessionCodec {\n"
                "  Object decode(byte[] b) throws Exception {\n"
                "    ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b));\n"
                "    return in.readObject();\n"
                "  }\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="src/main/java/com/acme/Money.java",
            code=(
                "class Money implements Serializable {\n"
                "  private void readObject(ObjectInputStream in) throws Exception {\n"
                "    in.defaultReadObject();\n"
                "    extra = in.readObject();\n"
                "  }\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="app/controllers/prefs_controller.rb",
            code="config = YAML.safe_load(params[:config])\nraw = YAML.load_file('config/x.yml')\n",
        ),
        RuleCase(
            path="app/Http/Controllers/CartController.php",
            code=(
                "<?php\n$cart = unserialize($raw, ['allowed_classes' => false]);\n$j = "
                "json_decode($raw);\n"
            ),
        ),
        RuleCase(
            path="server/session.js",
            code="const qs = require('qs');\nconst s = codec.unserialize(req.cookies.s);\n",
        ),
    ),
)

# --- cors-any-origin-with-credentials -------------------------------------------------------

CORS_ID = "cors-any-origin-with-credentials"
_CREDENTIALS = re.compile(
    r"\b[Aa]llow(?:Credentials|_credentials)\b\s*[:=]\s*\"?true\b|\bcredentials\s*:\s*true\b"
)


def _braced(match: re.Match[str], text: str, language: str) -> str:
    return " ".join(call_arguments(text, match.end() - 1, language))


def _express(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    body = _braced(match, text, file.language or "")
    if re.search(r"\borigin\s*:\s*(['\"`]\*['\"`]|true)\b|\borigin\s*:\s*['\"`]\*", body) and (
        _CREDENTIALS.search(body)
    ):
        return "Every origin is allowed and cookies are sent along."
    return False


def _go_cors(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    body = _braced(match, text, "go")
    any_origin = re.search(
        r"AllowAllOrigins\s*:\s*true|Allow(?:ed)?Origins\s*:\s*\[\]string\s*\{\s*\"\*\"", body
    ) or re.search(r"AllowOriginFunc\s*:\s*func[^{]*\{\s*return\s+true", body)
    if any_origin and re.search(r"AllowCredentials\s*:\s*true", body):
        return "Every origin is allowed and cookies are sent along."
    return False


def _spring(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    body = _braced(match, text, file.language or "")
    if re.search(
        r"\b(origins|value|originPatterns)\s*+=\s*+\[?\s*+\{?\s*+\"\*\"", body
    ) and re.search(r"allowCredentials\s*=\s*\"true\"", body):
        return "Every origin is allowed and cookies are sent along."
    return False


def _spring_config(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    window = text[match.start() : match.start() + 600]
    if re.search(
        r"allowCredentials\s*\(\s*true\s*\)|setAllowCredentials\s*\(\s*true\s*\)|"
        r"allowCredentials\s*=\s*true",
        window,
    ):
        return "Every origin pattern is allowed and cookies are sent along."
    return False


CORS_PATTERNS = (
    Pattern(CORS_ID, _JS, re.compile(r"\b(?P<at>cors)\s*\(\s*(?=\{)"), _express),
    Pattern(CORS_ID, _JS, re.compile(r"\b(?P<at>enableCors)\s*\(\s*(?=\{)"), _express),
    Pattern(
        CORS_ID, frozenset({"go"}), re.compile(r"\bcors\.(?P<at>Config|Options)\s*\{"), _go_cors
    ),
    Pattern(CORS_ID, _JVM, re.compile(r"@(?P<at>CrossOrigin)\s*\("), _spring),
    Pattern(
        CORS_ID,
        _JVM,
        re.compile(
            r"(?P<at>allowedOriginPatterns|addAllowedOriginPattern|"
            r"setAllowedOriginPatterns)\s*\(\s*(?:List\.of\(|listOf\(|Arrays\.asList\()?"
            r"\s*\"\*\""
        ),
        _spring_config,
    ),
)

CORS_RULE = Rule(
    id=CORS_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="CORS allows any origin together with credentials",
    rationale=(
        "With credentials allowed for every origin (a reflected origin, `origin: true`, an "
        "`AllowOriginFunc` returning true, or an `*` pattern), any web page a logged-in user "
        "visits can call this API with the user's cookies and read the responses: an "
        "attacker's site silently pulls account data, API keys or CSRF tokens and performs "
        "actions as the victim."
    ),
    fix=(
        "List the trusted origins explicitly (`origin: ['https://app.example.com']`, "
        '`AllowOrigins: []string{"https://app.example.com"}`, `@CrossOrigin(origins = '
        '"https://app.example.com")`), or drop credentials for a truly public API.'
    ),
    languages=("javascript", "typescript", "go", "java", "kotlin"),
    positive=(
        RuleCase(
            path="server/app.js",
            code=(
                "const express = require('express');\n"
                "const cors = require('cors');\n"
                "const app = express();\n"
                "app.use(cors({\n"
                "  origin: true,\n"
                "  credentials: true,\n"
                "}));\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="cmd/api/main.go",
            code=(
                "package main\n\n"
                "func setup(r *gin.Engine) {\n"
                "\tr.Use(cors.New(cors.Config{AllowAllOrigins: true, AllowCredentials: true}))\n"
                "}\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="src/main/java/com/acme/web/UserController.java",
            code=(
                "@RestController\n"
                '@CrossOrigin(origins = "*", allowCredentials = "true")\n'
                "class UserController {}\n"
            ),
            lines=(2,),
        ),
        RuleCase(
            path="src/main/kotlin/com/acme/web/Cors.kt",
            code=(
                "class Cors : WebMvcConfigurer {\n"
                "    override fun addCorsMappings(r: CorsRegistry) {\n"
                '        r.addMapping("/**").allowedOriginPatterns("*").allowCredentials(true)\n'
                "    }\n"
                "}\n"
            ),
            lines=(3,),
        ),
    ),
    negative=(
        RuleCase(
            path="server/app.ts",
            code=(
                "import express from 'express';\n"
                "app.use(cors({ origin: ['https://app.example.com'], credentials: true }));\n"
                "app.use(cors({ origin: '*' }));\n"
            ),
        ),
        RuleCase(
            path="cmd/api/main.go",
            code=(
                "package main\n\n"
                'var c = cors.Options{AllowedOrigins: []string{"https://app.example.com"}, '
                "AllowCredentials: true}\n"
            ),
        ),
        RuleCase(
            path="src/main/java/com/acme/web/UserController.java",
            code='@CrossOrigin(origins = "*")\nclass UserController {}\n',
        ),
    ),
)


class JvmSqlInjection(FlowPatternCheck):
    """Java, Kotlin and Scala report from flows (request input reaching the SQL text)."""

    name = "security:jvm-sql-injection"
    rules = (JVM_SQL_RULE,)
    languages = _JVM | frozenset({"scala"})
    flow_languages = frozenset({"java", "kotlin", "scala"})
    kinds = _CODE_KINDS
    patterns = (Pattern(JVM_SQL_ID, _JVM, _JVM_SQL, sql_call(_JVM_ALWAYS_SQL)),)
    hint = re.compile(r"\+|\$|format")


class UnsafeDeserialization(FlowPatternCheck):
    """Java, Kotlin, Ruby, PHP, C# and Scala report from flows (request input reaching the
    deserializer); Java and JavaScript keep their patterns here until their switch."""

    name = "security:unsafe-deserialization"
    rules = (DESER_RULE,)
    flow_languages = frozenset({"java", "kotlin", "ruby", "php", "csharp", "scala"})
    languages = frozenset(DESER_RULE.languages)
    kinds = _CODE_KINDS
    patterns = DESER_PATTERNS
    hint = re.compile(r"readObject|readUnshared|Marshal\.|YAML\.|Psych\.|unserialize")


class CorsAnyOriginWithCredentials(PatternCheck):
    name = "security:cors-any-origin-with-credentials"
    rules = (CORS_RULE,)
    languages = frozenset(CORS_RULE.languages)
    kinds = _CODE_KINDS
    patterns = CORS_PATTERNS
    hint = re.compile(r"(?i)credentials")


CHECKS: list[Check] = [JvmSqlInjection(), UnsafeDeserialization(), CorsAnyOriginWithCredentials()]
