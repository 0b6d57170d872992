"""C# security rules. `sql-injection` reports from flows: request input
(an action parameter, `Request.Query`) that reaches the SQL text of a query call. The
others here are configuration patterns: weak ciphers, cookie
flags, CORS, credentials in connection strings. TLS and JWT validation switched off and
XXE are ast-grep rules in their rule.yml."""

from __future__ import annotations

from collections.abc import Iterable

from bot import lazyre as re
from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, Hit, catalog_rule, catalog_rules
from bot.rules.lib.code_text import call_arguments
from bot.rules.lib.lang_patterns import lead_in, statement, window
from bot.rules.lib.patterns import Pattern, PatternCheck
from bot.rules.taint.api import flow_hits

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_CSHARP = frozenset({"csharp"})

CS_SQL_ID = "sql-injection"
CS_SQL_RULE = catalog_rule(CS_SQL_ID)

CRYPTO_ID = "weak-cipher"
COOKIE_ID = "cookie-insecure"
CORS_ID = "cors-any-origin-with-credentials"
CONN_ID = "csharp-connection-string-password"


PATTERN_RULES = catalog_rules(CRYPTO_ID, COOKIE_ID, CORS_ID, CONN_ID)


def _cors(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if "AllowCredentials" not in statement(text, match.start()):
        return False
    return f"`{match.group('at')}` together with `AllowCredentials()`."


# A CSRF token cookie of the double-submit pattern (Angular's `XSRF-TOKEN`, ASP.NET's
# antiforgery request token): the page's script must read it and echo it in a header, so
# `HttpOnly` is off by design, and it authenticates nothing on its own (a session it is not).
_CSRF_COOKIE = re.compile(r"(?i)[xc]srf|anti-?forgery|\bRequestToken\b")


def _csrf_cookie(text: str, index: int) -> bool:
    # The flag sits in an options initialiser; the cookie's name is a few lines above.
    around = lead_in(text, index, 3) + statement(text, index)
    return _CSRF_COOKIE.search(around) is not None


def _cookie_flag(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    # The object being initialised is the last `new X` before the flag; a property
    # chain (`o.Cookie.HttpOnly = false`) names the cookie on the same line.
    before = lead_in(text, match.start())
    created = before.rfind("new ")
    owner = before[created:] if created >= 0 else before[before.rfind("\n") + 1 :]
    if "Cookie" not in owner:
        return False
    if _csrf_cookie(text, match.start()):
        return False
    return f"The cookie is set with `{match.group('at')} = false`."


# A cookie named for a display preference (`ThemeHelpers.CookieThemeKey`, the culture
# cookie of `CookieRequestCultureProvider`, `"lang"`): it carries no session or token, and
# the page's script may read it.
_PREFERENCE_NAME = re.compile(
    r"(?i)theme|culture|lang(?:uage)?\b|locale|time_?zone|consent|dark_?mode|sidebar|layout|font"
)
_SESSION_NAME = re.compile(r"(?i)sess|token|auth|jwt|remember|login|identity|secret|ticket")
# A cookie being cleared: an empty value, an expiry already past or a zero age.
_EMPTY_VALUE = re.compile(r'""|(?:[Ss]tring\.Empty)|null')
_EXPIRED = re.compile(
    r"\bExpires\s*=\s*(?:DateTime(?:Offset)?\s*\.\s*(?:MinValue|UnixEpoch)"
    r"|DateTime(?:Offset)?\s*\.\s*(?:Now|UtcNow)\s*\.\s*Add\w+\s*\(\s*-)"
    r"|\bMaxAge\s*=\s*TimeSpan\s*\.\s*Zero\b"
)


def _append_options(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    args = call_arguments(text, match.end() - 1, "csharp")
    if len(args) < 2 or _CSRF_COOKIE.search(", ".join(args[:2])):
        return False
    if _PREFERENCE_NAME.search(args[0]) and not _SESSION_NAME.search(args[0]):
        return False
    if _EMPTY_VALUE.fullmatch(args[1].strip()) or (len(args) > 2 and _EXPIRED.search(args[2])):
        return False  # the cookie is being cleared: no session or token travels in it
    if len(args) == 2:
        return "The cookie is appended without `CookieOptions`: `Secure` defaults to false."
    options = args[2].strip()
    if not options.startswith("new"):
        return False  # options built elsewhere may set the flags
    if re.search(r"\bSecure\s*=\s*(?!false\b)", options):
        return False
    if re.search(r"\bSecure\s*=\s*false\b", options):
        return False  # reported by the `Secure = false` pattern
    return "The `CookieOptions` do not set `Secure = true`."


# Design-time tooling (`dotnet ef migrations`) builds the context from this class; it
# never runs in the deployed application.
_DESIGN_TIME = re.compile(r"\bIDesignTimeDbContextFactory\s*<")
# A database on the developer's own machine: its password opens nothing anyone else has.
_LOCAL_SERVER = re.compile(
    r"(?i)(?:server|data source|host|addr(?:ess)?)\s*=\s*(?:tcp:)?"
    r"(?:localhost|127\.0\.0\.1|\[?::1\]?|\.|\(local(?:db)?\)[^;\"]*)\s*(?:[,:;\"]|$)"
)


def _password_literal(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    value = match.group("v")
    if value.startswith(("{", "$", "%", "<", "*")) or value.lower() in {"password", "pwd"}:
        return False
    if _DESIGN_TIME.search(text):
        return False
    if _LOCAL_SERVER.search(window(text, match.start(), 0, 0)):
        return False
    return "The connection string carries a literal password."


_CS = frozenset({"csharp"})
PATTERNS = (
    Pattern(
        CRYPTO_ID,
        _CS,
        re.compile(
            r"\b(?P<at>DES|TripleDES|RC2)\s*\.\s*Create\s*\(|"
            r"\bnew\s+(?P<x>DESCryptoServiceProvider|TripleDESCryptoServiceProvider"
            r"|RC2CryptoServiceProvider)\b|\b(?P<y>CipherMode\s*\.\s*ECB)\b"
        ),
        lambda m, t, f: "A broken cipher or the ECB mode is used.",
    ),
    Pattern(
        COOKIE_ID,
        _CS,
        re.compile(r"\b(?P<at>Secure|HttpOnly)\s*=\s*false\b"),
        _cookie_flag,
    ),
    Pattern(
        COOKIE_ID,
        _CS,
        re.compile(r"\bCookies\s*\.\s*(?P<at>Append)\s*\("),
        _append_options,
    ),
    Pattern(
        COOKIE_ID,
        _CS,
        re.compile(r"\b(?P<at>CookieSecurePolicy\s*\.\s*None)\b"),
        lambda m, t, f: "The cookie may be sent over plain HTTP.",
    ),
    Pattern(
        CORS_ID,
        _CS,
        re.compile(
            r"\b(?P<at>SetIsOriginAllowed)\s*\(\s*\w+\s*=>\s*true\s*\)|"
            r"\b(?P<x>AllowAnyOrigin)\s*\(\s*\)"
        ),
        _cors,
    ),
    Pattern(
        CONN_ID,
        _CS,
        re.compile(r"(?i)(?<![\w{])(?P<at>password|pwd)\s*=\s*(?P<v>[^;\"'\s]+)"),
        lambda m, t, f: (
            _password_literal(m, t, f)
            if re.search(r"(?i)(?:server|data source|host)\s*=", window(t, m.start(), 0, 0))
            else False
        ),
    ),
)


class CSharpPatterns(PatternCheck):
    name = "security:csharp-patterns"
    rules = PATTERN_RULES
    languages = _CSHARP
    kinds = _CODE_KINDS
    patterns = PATTERNS
    hint = re.compile(r"DES|RC2|ECB|Secure|Append|HttpOnly|Origin|(?i:password|pwd)")


class CSharpSqlInjection(Check):
    name = "security:csharp-sql-injection"
    rules = (CS_SQL_RULE,)
    languages = _CSHARP
    kinds = _CODE_KINDS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return flow_hits(file, {CS_SQL_ID})


CHECKS: list[Check] = [CSharpSqlInjection(), CSharpPatterns()]
