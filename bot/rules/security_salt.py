"""`static-salt`: a password key-derivation call whose salt is the same for every password.

The call is PBKDF2, scrypt or Argon2 in each language's usual API; it is reported when the
value hashed is named as a password (password, passphrase, passwd, pwd, PIN) and the salt is
text written in the code: a string literal (as bytes: `"x".getBytes()`, `b"x"`,
`Buffer.from("x")`, `[]byte("x")`, `Encoding.UTF8.GetBytes("x")`) or a constant named for a
salt (`SALT`, `PASSWORD_SALT`). A fixed salt on a key derived from a random application
secret (Rails' key generator, an HKDF `info` label) is deliberate and not reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot import lazyre as re
from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, catalog_rule
from bot.rules.lib.code_text import call_arguments
from bot.rules.lib.patterns import Pattern, PatternCheck

RULE_ID = "static-salt"
RULE = catalog_rule(RULE_ID)

_PASSWORD = re.compile(
    r"(?i)\bpass(?:word|wd|phrase|code)?\b|pwd|\bpw\b|\bpin\b|password|passphrase"
)
# A salt written in the code: quoted text, maybe turned into bytes (whitespace outside the
# quotes removed first), or a constant named for a salt.
_LITERAL = re.compile(
    r"""^(?:b|Buffer\.from\(|\[\]byte\(|(?:System\.Text\.)?Encoding\.\w+\.GetBytes\(|bytes\()?"""
    r"""(?:"[^"\n]*"|'[^'\n]*'|`[^`$\n]*`)(?:\)|\.b\b|\.(?:getBytes|toByteArray|encode|to_s)\([^)\n]*\))*$"""
)
_CONSTANT = re.compile(r"(?:\w+\.|self::|static::)?[A-Z][A-Z0-9_]*")
_OUTSIDE_SPACE = re.compile(r"\s+(?=[.()\]])|(?<=[.(\[])\s+")


def _written_salt(salt: str) -> bool:
    if _CONSTANT.fullmatch(salt) is not None:
        return "SALT" in salt.rsplit(".", 1)[-1].rsplit(":", 1)[-1]
    return _LITERAL.match(_OUTSIDE_SPACE.sub("", salt)) is not None


# A local name for the salt (`salt = "static-salt"` a few lines up, then `salt.encode()`):
# the name, maybe turned into bytes, and where an assignment to it starts.
_SALT_NAME = re.compile(
    r"^(?:Buffer\.from\(|\[\]byte\(|(?:System\.Text\.)?Encoding\.\w+\.GetBytes\(|bytes\()?"
    r"\$?(?P<name>[a-z_]\w*)\)?(?:\.(?:getBytes|toByteArray|encode|to_s)\([^)\n]*\))?$"
)
_LOOK_BACK = 3000


def _local_literal(salt: str, before: str) -> str | None:
    """The text last assigned to the local name the salt argument is (within the lines
    just before the call), when it is one; else None."""
    name = _SALT_NAME.match(_OUTSIDE_SPACE.sub("", salt))
    if name is None:
        return None
    assign = re.compile(
        rf"(?:^|[\s(;{{,])\$?{re.escape(name.group('name'))}(?::[ \t]*[\w\[\]<>.]+)?[ \t]*:?="
        r"(?!=)[ \t]*(?P<value>[^;\n]+)"
    )
    last = None
    for found in assign.finditer(before):
        last = found
    return last.group("value").strip() if last is not None else None


@dataclass(frozen=True)
class _Kdf:
    password: int  # position of the password argument
    salt: int | str  # position, or keyword name, of the salt


_CALLS: dict[str, dict[str, _Kdf]] = {
    "javascript": {
        "pbkdf2Sync": _Kdf(0, 1),
        "pbkdf2": _Kdf(0, 1),
        "scryptSync": _Kdf(0, 1),
        "scrypt": _Kdf(0, 1),
    },
    "python": {"pbkdf2_hmac": _Kdf(1, 2), "scrypt": _Kdf(0, "salt")},
    "java": {"PBEKeySpec": _Kdf(0, 1)},
    "csharp": {"Rfc2898DeriveBytes": _Kdf(0, 1), "Pbkdf2": _Kdf(0, 1)},
    "go": {"Key": _Kdf(0, 1), "IDKey": _Kdf(0, 1)},
    "php": {"hash_pbkdf2": _Kdf(1, 2)},
    "ruby": {"pbkdf2_hmac": _Kdf(0, 1), "pbkdf2_hmac_sha1": _Kdf(0, 1)},
}
_CALLS["typescript"] = _CALLS["javascript"]
_CALLS["kotlin"] = _CALLS["java"]
_CALLS["scala"] = _CALLS["java"]
# Go's `Key` is too common a name: only pbkdf2's, scrypt's and argon2's.
_GO_PACKAGES = re.compile(r"\b(?:pbkdf2|scrypt|argon2)\.(?:Key|IDKey)\s*\($")


def _salt_argument(args: list[str], where: int | str) -> str | None:
    if isinstance(where, int):
        positional = [a for a in args if not re.match(r"^\s*\w+\s*[=:](?![=:])", a)]
        return positional[where].strip() if len(positional) > where else None
    for arg in args:
        named = re.match(rf"^\s*{where}\s*[=:]\s*(.+)$", arg, re.S)
        if named:
            return named.group(1).strip()
    return None


def _accept(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    language = file.language or ""
    name = match.group("at")
    kdf = _CALLS.get(language, {}).get(name)
    if kdf is None:
        return False
    if language == "go" and not _GO_PACKAGES.search(text[max(0, match.start() - 10) : match.end()]):
        return False
    args = call_arguments(text, match.end() - 1, language)
    if len(args) <= kdf.password or not _PASSWORD.search(args[kdf.password]):
        return False
    salt = _salt_argument(args, kdf.salt)
    if salt is not None and not _written_salt(salt):
        salt = _local_literal(salt, text[max(0, match.start() - _LOOK_BACK) : match.start()])
    if salt is None or not _written_salt(salt):
        return False
    return f"`{name}` hashes a password with the salt `{salt[:60]}`, the same for every password."


PATTERNS = (
    Pattern(
        RULE_ID,
        frozenset(_CALLS),
        re.compile(
            r"\b(?P<at>pbkdf2Sync|pbkdf2|scryptSync|scrypt|pbkdf2_hmac(?:_sha1)?|PBEKeySpec"
            r"|Rfc2898DeriveBytes|Pbkdf2|Key|IDKey|hash_pbkdf2)\s*\("
        ),
        _accept,
    ),
)


class StaticSalt(PatternCheck):
    name = "security:static-salt"
    rules = (RULE,)
    languages = frozenset(_CALLS)
    kinds = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})  # a model hashes passwords too
    patterns = PATTERNS
    hint = re.compile(r"pbkdf2|PBKDF2|scrypt|PBEKeySpec|Rfc2898|Pbkdf2|argon2")


CHECKS: list[Check] = [StaticSalt()]
