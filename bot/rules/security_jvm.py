"""Java/Kotlin SQL injection (`sql-injection`) and the cross-language
`unsafe-deserialization` and `cors-any-origin-with-credentials` rules."""

from __future__ import annotations

from bot import lazyre as re
from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, catalog_languages, catalog_rule
from bot.rules.lib.code_text import call_arguments, is_string_literal
from bot.rules.lib.patterns import Pattern, PatternCheck, Verdict
from bot.rules.lib.sql_calls import sql_call
from bot.rules.taint.mixed import FlowPatternCheck

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_JVM = frozenset({"java", "kotlin"})
_JS = frozenset({"javascript", "typescript"})

# --- sql-injection ----------------------------------------------------------------------

JVM_SQL_ID = "sql-injection"
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

JVM_SQL_RULE = catalog_rule(JVM_SQL_ID)

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

DESER_RULE = catalog_rule(DESER_ID)

# --- cors-any-origin-with-credentials -------------------------------------------------------

CORS_ID = "cors-any-origin-with-credentials"
_CREDENTIALS = re.compile(
    r"\b[Aa]llow(?:Credentials|_credentials)\b\s*[:=]\s*\"?true\b|\bcredentials\s*:\s*true\b"
)


def _braced(match: re.Match[str], text: str, language: str) -> str:
    return " ".join(call_arguments(text, match.end() - 1, language))


def _express(match: re.Match[str], text: str, file: ChangedFile) -> Verdict | bool:
    body = _braced(match, text, file.language or "")
    if re.search(r"\borigin\s*:\s*(['\"`]\*['\"`]|true)\b|\borigin\s*:\s*['\"`]\*", body) and (
        _CREDENTIALS.search(body)
    ):
        # The finding reaches the `origin` and `credentials` entries of a spread-out object.
        window = text[match.end() : match.end() + len(body) + 200]
        last = max(
            (m.end() for m in re.finditer(r"\b(?:origin|credentials)\s*:", window)), default=0
        )
        end = text.count("\n", 0, match.end() + last) + 1
        return Verdict("Every origin is allowed and cookies are sent along.", end_line=end)
    return False


def _go_cors(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    """Only a configuration that echoes the request's Origin leaks credentialed
    responses: a literal `*` is refused by browsers when credentials are allowed.
    gin-contrib/cors (`cors.Config`) answers `*` for `AllowAllOrigins` or an `"*"` entry
    and never echoes it, nor does go-chi/cors for `"*"`; rs/cors (`cors.Options`) echoes
    the Origin when `AllowCredentials` is on, and an `AllowOriginFunc` accepting every
    origin is echoed by all of them."""
    body = _braced(match, text, "go")
    if not re.search(r"AllowCredentials\s*:\s*true", body):
        return False
    reflects = re.search(r"AllowOriginFunc\s*:\s*func[^{]*\{\s*return\s+true", body) or (
        match.group("at") == "Options"
        and "go-chi/cors" not in text
        and re.search(r"AllowedOrigins\s*:\s*\[\]string\s*\{\s*\"\*\"", body)
    )
    if reflects:
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
    # Fastify: `app.register(cors, { origin: true, credentials: true })`.
    Pattern(
        CORS_ID,
        _JS,
        re.compile(r"\.(?P<at>register)\s*\((?=\s*(?:cors|fastifyCors|FastifyCors)\s*,\s*\{)"),
        _express,
    ),
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

CORS_RULE = catalog_rule(CORS_ID)


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
    languages = catalog_languages(DESER_ID, "security_jvm")
    kinds = _CODE_KINDS
    patterns = DESER_PATTERNS
    hint = re.compile(r"readObject|readUnshared|Marshal\.|YAML\.|Psych\.|unserialize")


class CorsAnyOriginWithCredentials(PatternCheck):
    name = "security:cors-any-origin-with-credentials"
    rules = (CORS_RULE,)
    languages = catalog_languages(CORS_ID, "security_jvm")
    kinds = _CODE_KINDS
    patterns = CORS_PATTERNS
    hint = re.compile(r"(?i)credentials")


CHECKS: list[Check] = [JvmSqlInjection(), UnsafeDeserialization(), CorsAnyOriginWithCredentials()]
