"""`weak-hash`: MD5 or SHA-1 (MD2/MD4 too) computed where it may protect something, in
every backend language.

The algorithm is read through constants: a literal, a local or a constant assigned one,
or a properties/environment lookup with a literal default (`getProperty("alg", "MD5")`).
A digest the code itself marks as not protecting anything is left alone: Python's
`usedforsecurity=False`, or a digest for an ETag, a cache key, deduplication, sharding,
a Gravatar URL or an S3 `Content-MD5` header, named so in the statement or the function.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot import lazyre as re
from bot.lines import line_of
from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.lib.code_text import call_arguments, code_text
from bot.rules.lib.fold import constant_text
from bot.rules.lib.scopes import scopes, words
from bot.select import is_test_path

RULE_ID = "weak-hash"
RULE = catalog_rule(RULE_ID)

_WEAK = re.compile(r"(?i)^(?:md2|md4|md5|sha|sha-?1|sha1WithRSA\w*|ripemd)$")


@dataclass(frozen=True)
class Site:
    """A call that hashes with a named algorithm: its regex, and where the name is
    (`arg`: that argument of the call, folded through constants; None: the regex's
    `alg` group names it)."""

    regex: re.Pattern[str]
    arg: int | None = None


_JVM_SITES = (
    Site(re.compile(r"\bMessageDigest\s*\.\s*getInstance\s*\("), arg=0),
    Site(re.compile(r"\bDigestUtils\s*\.\s*(?P<alg>md5|sha1|sha|md2)(?:Hex)?\s*\(")),
    Site(re.compile(r"\bHashing\s*\.\s*(?P<alg>md5|sha1)\s*\(\s*\)")),
    Site(re.compile(r"\bMessageDigestAlgorithms\s*\.\s*(?P<alg>MD5|SHA_1|MD2)\b")),
)

SITES: dict[str, tuple[Site, ...]] = {
    "python": (
        Site(re.compile(r"(?<![\w.])(?:hashlib\s*\.\s*)?(?P<alg>md5|sha1|md4)\s*\(")),
        Site(re.compile(r"(?<![\w.])hashlib\s*\.\s*new\s*\("), arg=0),
        Site(
            re.compile(
                r"(?<![\w])(?:Crypto|Cryptodome)\s*\.\s*Hash\s*\.\s*(?P<alg>MD5|MD4|MD2|SHA1|SHA)\s*\.\s*new\s*\("
            )
        ),
        Site(re.compile(r"(?<![\w.])(?P<alg>MD5|MD4|MD2|SHA1|SHA)\s*\.\s*new\s*\(")),
        Site(re.compile(r"(?<![\w])hashes\s*\.\s*(?P<alg>MD5|SHA1)\s*\(")),
    ),
    "java": _JVM_SITES,
    "kotlin": _JVM_SITES,
    "scala": _JVM_SITES,
    "csharp": (
        Site(re.compile(r"\b(?P<alg>MD5|SHA1)\s*\.\s*(?:Create|HashData|HashDataAsync)\s*\(")),
        Site(re.compile(r"\bnew\s+(?P<alg>MD5|SHA1)(?:CryptoServiceProvider|Managed|Cng)\s*\(")),
        Site(re.compile(r"\bHashAlgorithm\s*\.\s*Create\s*\("), arg=0),
    ),
    "go": (Site(re.compile(r"(?<![\w.])(?P<alg>md5|sha1)\s*\.\s*(?:New|Sum)\s*\(")),),
    "javascript": (Site(re.compile(r"\bcreateHash\s*\("), arg=0),),
    "typescript": (Site(re.compile(r"\bcreateHash\s*\("), arg=0),),
    "ruby": (
        Site(re.compile(r"\bDigest::(?P<alg>MD5|SHA1)\b")),
        Site(re.compile(r"\bOpenSSL::Digest::(?P<alg>MD5|SHA1)\b")),
        Site(re.compile(r"\bOpenSSL::Digest\s*\.\s*(?:new|digest|hexdigest)\s*\(?"), arg=0),
    ),
    "php": (
        Site(re.compile(r"(?<![\w$>:\\])(?P<alg>md5|sha1)\s*\(")),
        Site(re.compile(r"(?<![\w$>:\\])hash(?:_init)?\s*\("), arg=0),
    ),
}

# Words in the statement, the variable or the function that say the digest protects
# nothing: HTTP caching, cache keys, deduplication, sharding, and fixed external formats.
_NOT_SECURITY = frozenset(
    {
        "etag",
        "etags",
        "cache",
        "cached",
        "caching",
        "memo",
        "memoize",
        "dedup",
        "dedupe",
        "deduplicate",
        "shard",
        "bucket",
        "partition",
        "gravatar",
        "avatar",
        "identicon",
        "color",
        "colour",
        # A name-based (version 3) UUID is defined with MD5 (RFC 4122 §4.3).
        "uuid",
        "guid",
    }
)
_NOT_SECURITY_TEXT = re.compile(
    r"(?i)usedforsecurity\s*=\s*False|Content-MD5|ContentMD5|content_md5|If-None-Match"
)


# The line's own suppression of exactly this check by another tool (ruff S324/S303,
# bandit B303/B324, a bare `nosec`) is the author saying the hash protects nothing.
_OTHER_TOOL_SAYS_SO = re.compile(
    r"#.*?(?:\bnoqa:[\s\w,]*\bS(?:303|324)\b|\bnosec\b(?![:\s]*B(?!303|324)\d))", re.I
)


# .NET's own weak-hash analyzers (CA5350 SHA-1, CA5351 MD5) suppressed on the method or
# around the line: the author already said, with a justification, why the digest is there.
_DOTNET_SUPPRESSED = re.compile(
    r"SuppressMessage\([^)]*\bCA535[01]\b|#pragma\s+warning\s+disable\b[^\n]*\bCA535[01]\b"
)
_ATTRIBUTE_LINES = 12


def _analyzer_suppressed(raw: str, first: int, last: int) -> bool:
    window = "\n".join(raw.split("\n")[first - 1 : last])
    return bool(_DOTNET_SUPPRESSED.search(window))


def _with_pairs(parts: list[str]) -> list[str]:
    """The words and each two neighbours joined: `GenerateETag` splits to `e`, `tag`."""
    return [*parts, *(a + b for a, b in zip(parts, parts[1:], strict=False))]


def _not_security(statement: str, function: str, raw_line: str) -> bool:
    if _NOT_SECURITY_TEXT.search(statement) or _OTHER_TOOL_SAYS_SO.search(raw_line):
        return True
    names = {*_with_pairs(words(function)), function.lower()}
    for ident in re.findall(r"[A-Za-z_][\w]*", statement):
        names.update((*_with_pairs(words(ident)), ident.lower()))
    # `cache` in a word pair like `cache_key` or `CacheKey` splits to `cache`.
    return bool(names & _NOT_SECURITY)


def _statement(text: str, index: int) -> str:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    line = text[start : end if end >= 0 else len(text)]
    # A chain or an argument list continued on the next lines belongs to it.
    depth = line.count("(") - line.count(")")
    while depth > 0 and end >= 0:
        nxt = text.find("\n", end + 1)
        piece = text[end + 1 : nxt if nxt >= 0 else len(text)]
        line += "\n" + piece
        depth += piece.count("(") - piece.count(")")
        end = nxt
    return line


class WeakHashCheck(Check):
    name = "security:weak-hash"
    rules = (RULE,)
    languages = frozenset(SITES)
    kinds = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
    hint = re.compile(
        r"(?i)md5|sha1|sha-1|\"sha\"|md4|md2|getInstance|createHash|hashlib|Digest|hash\s*\("
    )

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []  # test code is not deployed: nothing there is protected
        language = file.language or ""
        sites = SITES.get(language, ())
        raw = file.visible_text()
        if not self.hint.search(raw):
            return []
        text = code_text(file)
        functions: list[tuple[int, int, str]] | None = None
        hits: list[Hit] = []
        for site in sites:
            for match in site.regex.finditer(text):
                algorithm = self._algorithm(site, match, text, language)
                if algorithm is None or not _WEAK.match(algorithm.strip()):
                    continue
                line = line_of(text, match.start())
                if functions is None:
                    functions = [(s.first, s.last, s.name) for s in scopes(text, language)[:-1]]
                function = next((n for a, b, n in functions if a <= line <= b), "")
                raw_line = file.line_text(line) or ""
                if _not_security(_statement(text, match.start()), function, raw_line):
                    continue
                start = next((a for a, b, _ in functions if a <= line <= b), line)
                if _analyzer_suppressed(raw, max(1, start - _ATTRIBUTE_LINES), line):
                    continue
                hits.append(
                    Hit(
                        RULE_ID,
                        file.path,
                        line,
                        line,
                        detail=f"The digest here is {algorithm.upper()}.",
                    )
                )
        return hits

    @staticmethod
    def _algorithm(site: Site, match: re.Match[str], text: str, language: str) -> str | None:
        if site.arg is None:
            return match.group("alg")
        open_paren = match.end() - 1
        if text[open_paren] != "(":
            # Ruby's `OpenSSL::Digest.new "md5"` without parentheses.
            rest = re.match(r"\s*[\"'](\w[\w-]*)[\"']", text[match.end() :])
            return rest.group(1) if rest else None
        args = call_arguments(text, open_paren, language)
        if len(args) <= site.arg:
            return None
        value = constant_text(args[site.arg], text, match.start())
        if value is None:
            return None
        # `hashlib.new("md5")`, `createHash("sha1")`, `hash("md5", ...)`, `"SHA-1"`.
        return value.strip()


CHECKS: list[Check] = [WeakHashCheck()]
