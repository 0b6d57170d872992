"""Scala pattern rules: weak crypto, predictable random secrets, TLS validation off
and Play's CSRF filter switched off in code. Injection findings for Scala come from
flows (`jvm-sql-injection`, `command-injection`, ... through their own modules)."""

from __future__ import annotations

import re

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Rule, RuleCase
from bot.rules.lang_patterns import when_near, window
from bot.rules.security_js import Pattern, PatternCheck

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_SCALA = frozenset({"scala"})
# Play's `conf/application.conf` (HOCON) can switch the CSRF filter off too.
_PLAY_CONF = frozenset({"scala", "hocon"})
_SVC = "app/services/"


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
        languages=("scala",),
        positive=(positive,),
        negative=(negative,),
    )


def _case(path: str, code: str, *lines: int) -> RuleCase:
    return RuleCase(path=path, code=code, lines=tuple(lines))


CRYPTO_ID = "scala-weak-crypto"
RANDOM_ID = "scala-insecure-random"
TLS_ID = "scala-tls-validation-disabled"
CSRF_ID = "play-csrf-disabled"

RULES = (
    _rule(
        CRYPTO_ID,
        Severity.HIGH,
        "Broken hash for passwords, or a broken cipher mode",
        "CWE-916 / CWE-327. MD5 and SHA-1 are fast: leaked password hashes are cracked "
        "at billions of guesses a second. DES keys are brute-forced, and ECB (also what "
        'a bare `Cipher.getInstance("AES")` gives) encrypts equal blocks to equal '
        "ciphertext, so patterns in the data show through.",
        "Hash passwords with bcrypt/Argon2 or PBKDF2 (`PBKDF2WithHmacSHA256`, a salt and "
        'a high iteration count); encrypt with `Cipher.getInstance("AES/GCM/NoPadding")` '
        "and a random nonce.",
        _case(
            _SVC + "Accounts.scala",
            "class Accounts {\n"
            "  def hashPassword(password: String): Array[Byte] =\n"
            '    MessageDigest.getInstance("MD5").digest(password.getBytes("UTF-8"))\n'
            '  val cipher = Cipher.getInstance("DES/CBC/PKCS5Padding")\n'
            '  val aes = Cipher.getInstance("AES")\n'
            "}\n",
            3,
            4,
            5,
        ),
        _case(
            _SVC + "Accounts.scala",
            "class Accounts {\n"
            '  def etag(body: Array[Byte]) = MessageDigest.getInstance("MD5").digest(body)\n'
            '  val cipher = Cipher.getInstance("AES/GCM/NoPadding")\n'
            "}\n",
        ),
    ),
    _rule(
        RANDOM_ID,
        Severity.HIGH,
        "`scala.util.Random` used for a secret value",
        "CWE-338. `scala.util.Random` (a `java.util.Random`) is predictable: from a few "
        "outputs an attacker computes the next reset token, session id or one-time code.",
        "Use `java.security.SecureRandom` for anything secret (`new SecureRandom()`, "
        "then `nextBytes` into a buffer and encode it).",
        _case(
            _SVC + "Tokens.scala",
            "object Tokens {\n"
            "  def resetToken(): String = Random.alphanumeric.take(32).mkString\n"
            "  def otp(): Int = new scala.util.Random().nextInt(1000000)\n"
            "}\n",
            2,
            3,
        ),
        _case(
            _SVC + "Tokens.scala",
            "object Tokens {\n"
            "  private val rng = new SecureRandom()\n"
            "  def resetToken(): String = { val b = new Array[Byte](32); rng.nextBytes(b); "
            "Base64.getUrlEncoder.encodeToString(b) }\n"
            "  def jitter(): Int = Random.nextInt(250)\n"
            "}\n",
        ),
    ),
    _rule(
        TLS_ID,
        Severity.HIGH,
        "TLS certificate or host-name validation is turned off",
        "CWE-295. A trust manager that accepts every chain, a host-name verifier that "
        "returns `true`, or Play WS `loose.acceptAnyCertificate` lets anyone on the network "
        "path present their own certificate and read or rewrite every request.",
        "Keep the default validation; trust an internal CA through a trust store "
        "(`ws.ssl.trustManager.stores`) instead of disabling checks.",
        _case(
            "app/clients/Billing.scala",
            "object TrustAll extends X509TrustManager {\n"
            "  override def checkServerTrusted(c: Array[X509Certificate], t: String): Unit = ()\n"
            "  val verifier: HostnameVerifier = (_: String, _: SSLSession) => true\n"
            '  val conf = Configuration("play.ws.ssl.loose.acceptAnyCertificate" -> true)\n'
            "}\n",
            2,
            3,
            4,
        ),
        _case(
            "app/clients/Billing.scala",
            "object Pinned extends X509TrustManager {\n"
            "  override def checkServerTrusted(chain: Array[X509Certificate], t: String): Unit =\n"
            "    delegate.checkServerTrusted(chain, t)\n"
            "}\n",
        ),
    ),
    _rule(
        CSRF_ID,
        Severity.HIGH,
        "Play's CSRF filter is switched off",
        "CWE-352. Without the CSRF filter any web page the user visits can submit forms to "
        "the application with their session cookie: change the e-mail, the password, "
        "make a payment.",
        "Keep `CSRFFilter` enabled; exempt only endpoints that take no cookie "
        "authentication (token APIs) through `play.filters.csrf.header` or the `nocsrf` "
        "route modifier, one route at a time.",
        _case(
            "app/AppLoader.scala",
            "class AppComponents(ctx: Context) extends BuiltInComponentsFromContext(ctx) {\n"
            "  override def configuration = super.configuration ++ Configuration(\n"
            '    "play.filters.disabled" -> Seq("play.filters.csrf.CSRFFilter"))\n'
            "  override def httpFilters: Seq[EssentialFilter] = Seq(securityHeadersFilter)\n"
            "}\n",
            3,
        ),
        _case(
            "app/AppLoader.scala",
            "class AppComponents(ctx: Context) extends BuiltInComponentsFromContext(ctx)\n"
            "    with CSRFComponents {\n"
            "  override def httpFilters: Seq[EssentialFilter] = Seq(csrfFilter, "
            "securityHeadersFilter)\n"
            "}\n",
        ),
    ),
)

_PASSWORDS = re.compile(r"(?i)passw|pwd|passphrase")
_SECRETS = re.compile(r"(?i)token|secret|passw|otp|nonce|salt|apikey|api_key|reset|session")


def _cipher(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    name = match.group("name").upper()
    algorithm, _, rest = name.partition("/")
    if algorithm in {"DES", "DESEDE", "RC2", "RC4", "BLOWFISH"}:
        return f"`{name}` is a broken cipher."
    if "/ECB/" in f"/{rest}/" or (algorithm == "AES" and not rest):
        return f"`{name}` encrypts in ECB mode."
    return False


def _csrf_disabled(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if "CSRFFilter" not in window(text, match.start(), 0, 1):
        return False
    return "The CSRF filter is listed in `play.filters.disabled`."


PATTERNS = (
    Pattern(
        CRYPTO_ID,
        _SCALA,
        re.compile(r'\bMessageDigest\.(?P<at>getInstance)\s*\(\s*"(?:MD5|SHA-?1)"'),
        when_near(_PASSWORDS, "A fast, broken hash is applied to a password.", 2, 1),
    ),
    Pattern(
        CRYPTO_ID,
        _SCALA,
        re.compile(r'\bCipher\.(?P<at>getInstance)\s*\(\s*"(?P<name>[^"\n]{1,60})"'),
        _cipher,
    ),
    Pattern(
        RANDOM_ID,
        _SCALA,
        re.compile(
            r"\bnew\s+(?:scala\.util\.|java\.util\.)?(?P<at>Random)\s*\(|"
            r"(?<![\w.])(?:scala\.util\.)?(?P<x>Random)\.(?:alphanumeric|nextString|nextInt"
            r"|nextLong|nextBytes|nextPrintableChar)\b"
        ),
        when_near(_SECRETS, "A predictable generator produces a value used as a secret.", 0, 0),
    ),
    Pattern(
        TLS_ID,
        _SCALA,
        re.compile(
            r"\bdef\s+(?P<at>checkServerTrusted)\s*\([^()]*+\)\s*+(?::\s*+Unit\s*+)?="
            r"\s*+(?:\(\s*\)|\{\s*\})"
        ),
        lambda m, t, f: "This trust manager accepts every certificate chain.",
    ),
    Pattern(
        TLS_ID,
        _SCALA,
        re.compile(
            r"(?P<at>HostnameVerifier)\b[^\n=]*+=\s*+\([^()\n]*+\)\s*+=>\s*+true\b|"
            r"(?P<x>acceptAnyCertificate)\W{1,12}true\b|\b(?P<y>NoopHostnameVerifier)\b"
        ),
        lambda m, t, f: "Certificates or host names are not checked.",
    ),
    Pattern(
        CSRF_ID,
        _PLAY_CONF,
        re.compile(r"(?P<at>play\.filters\.disabled)\b"),
        _csrf_disabled,
    ),
)


class ScalaPatterns(PatternCheck):
    name = "security:scala-patterns"
    rules = RULES
    languages = _PLAY_CONF
    kinds = _CODE_KINDS | {FileKind.CONFIG}
    patterns = PATTERNS
    hint = re.compile(
        r"MessageDigest|Cipher|Random|checkServerTrusted|HostnameVerifier|acceptAnyCertificate"
        r"|CSRFFilter"
    )


CHECKS: list[Check] = [ScalaPatterns()]
