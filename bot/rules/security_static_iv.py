"""`static-iv` for an IV held in a named field or variable (Java, Kotlin, Scala).

The declarative patterns (`catalog/security/static-iv/<lang>.yml`) see an IV written in the
call (`new IvParameterSpec(new byte[16])`) or a constant named in capitals. Here the call
names any field or local (`legacyIv`, `zeroIv`, `iv`) whose one declaration in the file is
a value fixed by the code: a zero-filled array (`new byte[16]`, `new Array[Byte](16)`,
`ByteArray(16)`, `Array.fill[Byte](8)(0)`) that nothing in the file fills with random bytes
(`nextBytes(iv)`), an array of literal bytes, or the bytes of a string literal. A name
declared twice in the file, or assigned again, is not judged.
"""

from __future__ import annotations

from functools import lru_cache

from bot import lazyre as re
from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, catalog_rule
from bot.rules.lib.patterns import Pattern, PatternCheck

RULE_ID = "static-iv"
RULE = catalog_rule(RULE_ID)

_LANGUAGES = frozenset({"java", "kotlin", "scala"})
# `new IvParameterSpec(name)`, `IvParameterSpec(name, 0, 16)`, `GCMParameterSpec(128, name)`.
_USE = re.compile(
    r"\b(?:IvParameterSpec\s*\(\s*(?P<iv>[A-Za-z_]\w*)\s*[,)]"
    r"|GCMParameterSpec\s*\(\s*[^,()]+,\s*(?P<nonce>[A-Za-z_]\w*)\s*[,)])"
)
# What the declaration binds, after `=`: zeros of a given length, literal bytes, or the
# bytes of a literal string.
_ZEROS = re.compile(
    r"^(?:new\s+byte\s*\[\s*\w+\s*\]|new\s+Array\s*\[\s*Byte\s*\]\s*\(\s*\w+\s*\)"
    r"|ByteArray\s*\(\s*\w+\s*\)|Array\s*\.\s*fill\s*\[\s*Byte\s*\]\s*\(\s*\w+\s*\)\s*\(\s*0\s*(?:\.toByte)?\s*\))"
    r"\s*(?:;\s*)?$"
)
_LITERAL = re.compile(
    r"""^(?:new\s+byte\s*\[\s*\]\s*\{[-\d\s,xXa-fA-F()byte]*\}|byteArrayOf\s*\([-\d\s,xXa-fA-F.()toByte]*\)"""
    r"""|Array\s*(?:\[\s*Byte\s*\])?\s*\([-\d\s,xXa-fA-F.()toByte]*\)"""
    r"""|"[^"\n]*"\s*\.\s*(?:getBytes|toByteArray)\b[^;\n]*"""
    # Text written in the code, decoded: `Base64.getDecoder().decode("q1w2…")`,
    # `Hex.decodeHex("00ff…")`, `HexFormat.of().parseHex("…")`.
    r"""|(?:[\w.]*Base64\s*\.\s*(?:getDecoder\s*\(\s*\)\s*\.\s*)?decode\w*|[\w.]*Hex\s*\.\s*decodeHex"""
    r"""|HexFormat\s*\.\s*of\s*\(\s*\)\s*\.\s*parseHex)\s*\(\s*"[^"\n]*"\s*\))"""
)


@lru_cache(maxsize=64)
def _declarations(text: str, name: str) -> tuple[re.Match[str], ...]:
    """The declarations of `name` in `text`: one search per name, however many calls use it."""
    return tuple(
        re.finditer(
            rf"(?:\b(?:val|var|final)\s+|\bbyte\s*\[\s*\]\s+|\bByteArray\s+)"
            rf"{re.escape(name)}\b(?:\s*:\s*[\w\[\]<>]+)?\s*=\s*(?P<init>[^\n]+)",
            text,
        )
    )


@lru_cache(maxsize=64)
def _assigned_again(text: str, name: str, after: int) -> bool:
    again = re.compile(rf"(?<![\w.]){re.escape(name)}\s*(?:\[[^\]\n]*\]\s*)?=(?!=)")
    return again.search(text, after) is not None


@lru_cache(maxsize=64)
def _filled(text: str, name: str) -> bool:
    """`nextBytes(iv)` (or another fill) somewhere in the file."""
    return (
        re.search(rf"\b(?:nextBytes|getBytes|randomize|fill)\s*\(\s*{re.escape(name)}\b", text)
        is not None
    )


def _accept(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    name = match.group("iv") or match.group("nonce")
    if name is None or name.isupper() or name in ("null", "this"):
        return False  # capitals: the declarative pattern's case
    found = _declarations(text, name)
    if len(found) != 1:
        return False
    if _assigned_again(text, name, found[0].end()):
        return False
    init = found[0].group("init").strip()
    if _ZEROS.match(init):
        if _filled(text, name):
            return False  # filled with random bytes before use
        return f"`{name}` is an array of zeros declared in this file, the same for every message."
    # A literal array may run over several lines (`byteArrayOf(\n 0x1f, ...\n)`).
    if _LITERAL.match(text[found[0].start("init") : found[0].start("init") + 600]):
        return f"`{name}` holds bytes written in the code, the same for every message."
    return False


PATTERNS = (Pattern(RULE_ID, _LANGUAGES, _USE, _accept),)


class NamedStaticIv(PatternCheck):
    name = "security:static-iv-named"
    rules = (RULE,)
    languages = _LANGUAGES
    kinds = frozenset({FileKind.CODE})
    patterns = PATTERNS
    hint = re.compile(r"IvParameterSpec|GCMParameterSpec")


CHECKS: list[Check] = [NamedStaticIv()]
