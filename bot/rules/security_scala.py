"""Scala pattern rules: weak ciphers and Play's CSRF filter
switched off in code (TLS validation off is an ast-grep rule in its rule.yml). Injection
findings for Scala come from flows (`sql-injection`, `command-injection`, ...
through their own modules)."""

from __future__ import annotations

from bot import lazyre as re
from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, catalog_rules
from bot.rules.lib.lang_patterns import window
from bot.rules.lib.patterns import Pattern, PatternCheck

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_SCALA = frozenset({"scala"})
# Play's `conf/application.conf` (HOCON) can switch the CSRF filter off too.
_PLAY_CONF = frozenset({"scala", "hocon"})


CRYPTO_ID = "weak-cipher"
CSRF_ID = "csrf-disabled"

RULES = catalog_rules(CRYPTO_ID, CSRF_ID)


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
        re.compile(r'\bCipher\.(?P<at>getInstance)\s*\(\s*"(?P<name>[^"\n]{1,60})"'),
        _cipher,
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
    hint = re.compile(r"Cipher|CSRFFilter")


CHECKS: list[Check] = [ScalaPatterns()]
