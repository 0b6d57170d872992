"""Cross-language web security rules: passwords under a fast hash, DES/ECB ciphers, HTTP
clients without a timeout, reflected XSS, XXE, SSRF, a route without the auth guard its
siblings carry, and Laravel CORS.

Python goes through the `ast` finders of `lib.python_finders`; the other languages
through the comment-blanked text and argument extraction of `lib.code_text`. Request
data is recognised by each framework's accessors (`req.query`, `r.FormValue`,
`request.getParameter`, `params[...]`, `$_GET`), directly or through one local variable
assigned from them in the same function. SSRF needs request data at the *start* of the
URL (it picks the host); `https://api.example.com/users/${id}` is not a forged
destination."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from bot import lazyre as re
from bot.lines import line_of
from bot.models import ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, catalog_languages, catalog_rule, join_detail
from bot.rules.lib.code_text import (
    call_arguments,
    code_text,
    dynamic_part,
    is_string_literal,
    literal_text,
    scope_before,
    short,
)
from bot.rules.lib.patterns import Accept, Pattern, Verdict, run_patterns
from bot.rules.lib.python_ast import Finder, names_password, python_hits
from bot.rules.lib.python_finders import (
    AUTH_NAME,
    find_auth_guard,
    find_password_hash,
    find_ssrf,
    find_weak_cipher,
    find_xss,
    find_xxe,
    is_public,
)
from bot.rules.lib.responses import typed_responses
from bot.rules.lib.scopes import enclosing_function
from bot.rules.taint.api import flow_hits
from bot.rules.taint.mixed import FlowFirst
from bot.select import is_test_path

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_JS = frozenset({"javascript", "typescript"})
_JVM = frozenset({"java", "kotlin"})
_GO = frozenset({"go"})
_RUBY = frozenset({"ruby"})
_PHP = frozenset({"php"})

# --- request data ---------------------------------------------------------------------------

_SOURCES: dict[str, re.Pattern[str]] = {
    "javascript": re.compile(
        r"\b(?:req|request|ctx\.request|ctx)\.(?:query|params|body|headers|cookies)\b"
    ),
    "go": re.compile(
        r"\br\.(?:FormValue|PostFormValue|URL\.Query\(\)\.Get|Header\.Get)\s*\(|"
        r"\bc\.(?:Query|Param|PostForm|QueryParam|FormValue|DefaultQuery|GetHeader)\s*\(|"
        r"\bchi\.URLParam\s*\(|\bmux\.Vars\s*\("
    ),
    "java": re.compile(
        r"\b(?:request|req|httpRequest|servletRequest|httpServletRequest)\."
        r"(?:getParameter|getHeader|getQueryString|getParameterValues)\s*\("
    ),
    "ruby": re.compile(
        r"\bparams\s*\[|\bparams\.(?:fetch|require|dig)\b|"
        r"\brequest\.(?:params|headers|query_string|body|referer)\b|\bcookies\s*\["
    ),
    "php": re.compile(
        r"\$_(?:GET|POST|REQUEST|COOKIE)\b|\$request->(?:input|get|query|post|header)\s*\(|"
        r"(?<![\w$>:])request\(\s*['\"]|\bInput::get\s*\(|\bRequest::(?:input|get|query)\s*\("
    ),
}
_SOURCES["typescript"] = _SOURCES["javascript"]
_SOURCES["kotlin"] = _SOURCES["java"]

# Spring binds request values to parameters: `@RequestParam String url`, `@RequestParam url:`.
_SPRING_PARAM = re.compile(
    r"@(?:RequestParam|PathVariable|RequestHeader|CookieValue)\b(?:\s*\([^)]*\))?\s+"
    r"(?:final\s+)?(?:(?:String|URI|URL)\s+(?P<java>\w+)|(?P<kotlin>\w+)\s*:\s*(?:String|URI))"
)
_WRAPPER = re.compile(
    r"^(?:new\s+)?(?:URL|URI|URI\.parse|URI\.create|url\.Parse|String|decodeURIComponent|"
    r"decodeURI|encodeURI|trim|urldecode|rawurldecode|Kernel\.URI|URI\.join)\s*\("
)
_IDENTIFIER = re.compile(r"^\$?[A-Za-z_][\w]*")


def _source(language: str) -> re.Pattern[str] | None:
    return _SOURCES.get(language)


def _unwrap(expr: str, language: str) -> str:
    """`new URL(x)`, `URI(x)`, `url.Parse(x)` -> `x`; a leading interpolation -> its code."""
    expr = expr.strip()
    for _ in range(4):
        found = _WRAPPER.match(expr)
        if found:
            args = call_arguments(expr, found.end() - 1, language)
            if not args:
                return expr
            expr = args[0].strip()
            continue
        for opener in ("`${", '"#{', '"${', '"{$', '"$'):
            if expr.startswith(opener):
                expr = expr[len(opener) - (1 if opener.endswith("$") else 0) :].lstrip("{")
                if opener == '"$' or opener == '"{$':
                    expr = "$" + expr.lstrip("$")
                break
        else:
            return expr
    return expr


def _spring_params(scope: str) -> set[str]:
    return {m.group("java") or m.group("kotlin") for m in _SPRING_PARAM.finditer(scope)}


def _last_assignment(scope: str, name: str) -> str | None:
    regex = re.compile(
        rf"(?<![\w$.]){re.escape(name)}\s*(?::\s*[\w<>?,. ]+)?\s*(?::=|=)(?![=>])\s*"
        r"(?P<rhs>[^;\n]+)"
    )
    matches = list(regex.finditer(scope))
    return matches[-1].group("rhs").strip() if matches else None


def tainted(expr: str, text: str, at: int, language: str, *, leading: bool) -> str | None:
    """The request data in `expr` (anywhere, or deciding how it starts with `leading`),
    directly or through the last assignment of the variable it names."""
    source = _source(language)
    if source is None:
        return None
    scope = scope_before(text, at, language)
    for hop in range(2):
        head = _unwrap(expr, language) if leading else expr
        hit = source.match(head) if leading else source.search(head)
        if hit:
            return short(expr)
        names = [m.group(0) for m in _IDENTIFIER.finditer(head)] if leading else []
        if not leading:
            word = r"\$?[A-Za-z_]\w*" if language == "php" else r"[A-Za-z_]\w*"
            names = re.findall(word, _code_only(head, language))
        if language in _JVM and set(names) & _spring_params(scope):
            return short(expr)
        if hop:
            return None
        for name in names:
            rhs = _last_assignment(scope, name)
            if rhs is None:
                continue
            inner = _unwrap(rhs, language) if leading else rhs
            if (source.match(inner) if leading else source.search(inner)) or (
                language in _JVM and _IDENTIFIER.match(inner) and inner in _spring_params(scope)
            ):
                return f"{name} = {short(rhs, 40)}"
            if leading:
                break
    return None


def _code_only(expr: str, language: str) -> str:
    """Identifiers outside string literals, plus those inside interpolations."""
    spliced = dynamic_part(expr, language) or ""
    stripped = re.sub(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"", " ", expr) if spliced == "" else expr
    return stripped


def _args(text: str, end: int, language: str) -> list[str]:
    """The arguments of the call whose name ends at `end` (Ruby: parentheses optional)."""
    rest = text[end : end + 2000]
    stripped = rest.lstrip(" \t")
    if stripped.startswith("("):
        return call_arguments(text, end + len(rest) - len(stripped), language)
    if language == "ruby" and stripped and stripped[0] not in "\n.=)":
        line = stripped.split("\n", 1)[0]
        line = re.split(r"(?<!\s)\s+(?:do|if|unless)\b|\{", line, maxsplit=1)[0]
        return call_arguments(f"({line})", 0, language)
    return []


def _arg(index: int) -> Callable[[list[str]], str | None]:
    return lambda args: args[index] if len(args) > index else None


# --- password-fast-hash ---------------------------------------------------------------------

PASSWORD_ID = "password-fast-hash"


def _password_in(args: Iterable[str]) -> str | None:
    for arg in args:
        for token in re.findall(r"[A-Za-z_]\w*", arg):
            if names_password(token):
                return token
    return None


# HTTP Digest authentication (RFC 2617/7616) stores HA1 = MD5(username:realm:password):
# the protocol fixes the hash, so a slow one cannot replace it. The hashed text shows it
# by colons between its parts (`"#{user}:#{realm}:#{pass}"`, `$u . ':' . $realm`,
# `[user, realm, pass].join(":")`, `"%s:%s:%s"`) and a realm, or a user name, a middle
# part and the password.
_COLON_SEP = re.compile(r"""['"`]\s*:\s*['"`]|%[sv](?=:%[sv])|\}(?=:[#$]?\{)|\w(?=:\$\w)""")
_COLON_JOIN = re.compile(r"""\b(?:join|implode|Join)\s*\(\s*['"`]:['"`]|,\s*['"`]:['"`]\s*\)""")
_THREE_LIST = re.compile(r"\[\s*([^\[\],]+),\s*([^\[\],]+),\s*([^\[\],]+)\]")
_USER = re.compile(r"(?i)user|login")
_HA1_NOTE = (
    "This looks like HTTP Digest authentication's HA1, MD5 of `username:realm:password` "
    "(RFC 2617/7616): the protocol fixes the hash, so noted in the summary."
)


def _digest_ha1(hashed: str) -> bool:
    joined = _COLON_JOIN.search(hashed)
    separators = len(_COLON_SEP.findall(hashed))
    if not (joined or separators):
        return False
    if re.search(r"(?i)realm", hashed):
        return True
    if separators >= 2:
        return bool(_USER.search(hashed))
    three = _THREE_LIST.search(hashed) if joined else None
    return bool(three and _USER.search(three.group(1)) and _password_in([three.group(3)]))


def _helper_body(arg: str, text: str) -> str:
    """The first lines of the function of the file that `arg` calls (`credentials(pw)`),
    where the hashed text may be built."""
    called = re.match(r"(?:(?:self|this|\$this)\s*(?:\.|->)\s*)?([A-Za-z_]\w*)\s*\(", arg)
    if called is None:
        return ""
    name = re.escape(called.group(1))
    found = re.search(
        rf"(?:\bdef\s+(?:self\.)?|\bfunction\s+|\bfunc\s+(?:\([^)]*\)\s*)?|"
        rf"\b(?!return\b|new\b|await\b|else\b|throw\b)[\w<>\[\]]+\s+){name}\s*(?:\(|$)",
        text,
        re.M,
    )
    return text[found.end() : found.end() + 400] if found else ""


def _hashes_password(pick: Callable[[list[str]], list[str]]) -> Accept:
    def accept(match: re.Match[str], text: str, file: ChangedFile) -> str | bool | Verdict:
        args = pick(_args(text, match.end(), file.language or ""))
        if not args or all(is_string_literal(a, file.language or "") for a in args):
            return False
        name = _password_in(args)
        if name is None:
            return False
        algorithm = match.groupdict().get("alg") or "fast digest"
        detail = f"`{name}` is hashed with a plain `{algorithm}`."
        if any(_digest_ha1(a) or _digest_ha1(_helper_body(a.strip(), text)) for a in args):
            return Verdict(f"{detail} {_HA1_NOTE}", Severity.INFO)
        return detail

    return accept


# `match ($this->algorithm) { 'bcrypt' => password_hash(…), 'sha1md5' => sha1(md5($p)) }`:
# the digest is one arm of a choice by the algorithm stored with each hash, beside a
# password hash, so it checks the hashes an older version wrote (new ones take the slow
# arm). Judged on real commits (bench/security_precision.py, set R).
_ARM = re.compile(
    r"""(?im)^[ \t]*(?:case\s+|when\s+)?['"](?:md5|sha\w*|whirlpool|\w*md5\w*|\w*sha\w*)['"]\s*"""
    r"""(?:=>|:|->|then\b)|==\s*['"](?:md5|sha\w*|\w*md5\w*)['"]"""
    # A branch whose test names the old format: `} else if (has_md5_password($user)) {`,
    # `elif is_legacy_sha1(stored):`.
    r"""|^[ \t]*\}?[ \t]*(?:else\s*if|elseif|elif|elsif|if)\b[^\n]*?(?:md5|sha1|legacy)\w*\s*\("""
)
_BRANCH = re.compile(r"(?i)^[ \t]*\}?[ \t]*(?:else\s*if|elseif|elif|elsif|if|case|when)\b")
_SLOW_HASH = re.compile(
    r"(?i)\b(password_hash|password_verify|bcrypt\w*|argon2\w*|scrypt|pbkdf2\w*"
    r"|BCryptPasswordEncoder|make_password|check_password|hashpw|checkpw|\w*phpass\w*)\s*[(.]"
    r"|\b(PASSWORD_(?:BCRYPT|ARGON2I?D?|DEFAULT))\b"
)
_LEGACY_ARM_NOTE = (
    "It is one arm of a choice by stored algorithm, beside `{slow}`: it verifies hashes an "
    "older version wrote, while new ones take the slow arm. Whether old hashes are rehashed "
    "on the next login is not shown here; noted in the summary."
)


# A hasher that answers "rehash" for what it verifies (Symfony's `needsRehash`, Django's
# `must_update`, PHP's `password_needs_rehash`): old hashes are replaced at the next login.
_REHASHES = re.compile(
    r"\b(?:needsRehash|needs_rehash|password_needs_rehash|must_update|mustUpdate|upgradeEncoding)\b"
)
_VERIFY_NAMES = re.compile(r"(?i)^(?:verify|check|matches|isPasswordValid|is_valid|validate)\w*$")
_REHASH_NOTE = (
    "The digest is computed in the hasher's verification of a stored hash, and the hasher "
    "asks for a rehash (`needsRehash`): it reads hashes an older version wrote, which are "
    "replaced at the next login. Noted in the summary."
)


def _verifies_then_rehashes(file: ChangedFile, rows: Sequence[str], line: int) -> bool:
    """The digest is inside a verify method of a file whose hasher requests rehashing."""
    text = "\n".join(rows)
    if not _REHASHES.search(text):
        return False
    own = enclosing_function(text, file.language or "", line)
    return own is not None and bool(_VERIFY_NAMES.match(own[0]))


def _legacy_arm(rows: Sequence[str], line: int) -> str | None:
    """The password hash named beside the digest on `line` (1-based) when the digest is
    an arm of a dispatch on the algorithm, else None."""
    if not 0 < line <= len(rows):
        return None
    before = rows[max(0, line - 9) : line - 1]
    # The arm is the digest's own line (`'sha1' => sha1($p)`) or the nearest branch test
    # above it within four lines (`elif algorithm == "sha1":`, `case 'sha1':`).
    head = next((row for row in reversed(before[-4:]) if _BRANCH.match(row)), "")
    if not (_ARM.search(rows[line - 1]) or _ARM.search(head)):
        return None
    slow = _SLOW_HASH.search("\n".join([*before, *rows[line : line + 8]]))
    return (slow.group(1) or slow.group(2)) if slow else None


def _needs(regex: re.Pattern[str], accept: Accept) -> Accept:
    """`accept`, only in files that also match `regex` (e.g. a MessageDigest is in use)."""

    def wrapped(match: re.Match[str], text: str, file: ChangedFile) -> str | bool | Verdict:
        return accept(match, text, file) if regex.search(text) else False

    return wrapped


_FIRST: Callable[[list[str]], list[str]] = lambda a: a[:1]  # noqa: E731
_SECOND: Callable[[list[str]], list[str]] = lambda a: a[1:2]  # noqa: E731
_ALGS = r"(?P<alg>md5|sha1|sha224|sha256|sha384|sha512|sha3-\d+)"

PASSWORD_PATTERNS = (
    Pattern(
        PASSWORD_ID,
        _JS,
        re.compile(rf"createHash\s*\(\s*['\"`]{_ALGS}['\"`]\s*\)\s*\.\s*(?P<at>update)(?=\s*\()"),
        _hashes_password(_FIRST),
    ),
    Pattern(
        PASSWORD_ID,
        _JS,
        re.compile(
            r"(?:\bCryptoJS\.(?P<alg>MD5|SHA1|SHA256|SHA512|SHA3)|(?<![\w$.])"
            r"(?P<bare>md5|sha1|sha256|sha512))(?=\s*\()"
        ),
        _hashes_password(_FIRST),
    ),
    Pattern(
        PASSWORD_ID,
        _JVM,
        re.compile(
            r"\b(?:DigestUtils\.(?P<alg>md5|sha1|sha256|sha384|sha512|sha|md2)(?:Hex)?|"
            r"Hashing\.(?P<g>md5|sha1|sha256|sha512)\s*\(\s*\)\s*\.\s*hash\w*)(?=\s*\()"
        ),
        _hashes_password(_FIRST),
    ),
    Pattern(
        PASSWORD_ID,
        _JVM,
        re.compile(r"\.(?P<at>digest|update)(?=\s*\()"),
        _needs(
            re.compile(r"MessageDigest\.getInstance\s*\(\s*\"(?:MD5|SHA-?1|SHA-?256|SHA-?512)"),
            _hashes_password(_FIRST),
        ),
    ),
    Pattern(
        PASSWORD_ID,
        _RUBY,
        re.compile(
            r"\bDigest::(?P<alg>MD5|SHA1|SHA256|SHA384|SHA512|SHA2)\.(?:hexdigest|digest|"
            r"base64digest)\b"
        ),
        _hashes_password(_FIRST),
    ),
    Pattern(
        PASSWORD_ID,
        _PHP,
        re.compile(r"(?<![\w$>:\\])(?P<alg>md5|sha1)(?=\s*\()"),
        _hashes_password(_FIRST),
    ),
    Pattern(
        PASSWORD_ID,
        _PHP,
        re.compile(rf"(?<![\w$>:])hash(?=\s*\(\s*['\"]{_ALGS}['\"])"),
        _hashes_password(_SECOND),
    ),
    Pattern(
        PASSWORD_ID,
        _GO,
        re.compile(r"\b(?P<alg>md5|sha1|sha256|sha512)\.Sum(?:224|256|384|512)?(?=\s*\()"),
        _hashes_password(_FIRST),
    ),
    Pattern(
        PASSWORD_ID,
        _GO,
        re.compile(r"\.(?P<at>Write)(?=\s*\()"),
        _needs(re.compile(r"\b(?:md5|sha1|sha256|sha512)\.New\(\)"), _hashes_password(_FIRST)),
    ),
    # .NET: `MD5.Create()` then `.ComputeHash(bytes)`, or the static `SHA256.HashData(bytes)`.
    Pattern(
        PASSWORD_ID,
        frozenset({"csharp"}),
        re.compile(
            r"\b(?:(?P<alg>MD5|SHA1|SHA256|SHA384|SHA512)\.(?P<s>HashData)|\.(?P<at>ComputeHash))(?=\s*\()"
        ),
        _needs(
            re.compile(
                r"\b(?:MD5|SHA1|SHA256|SHA384|SHA512)(?:\.(?:Create|HashData)\b|CryptoServiceProvider|Managed)"
            ),
            _hashes_password(_FIRST),
        ),
    ),
    # Scala on the JDK's MessageDigest, as Java.
    Pattern(
        PASSWORD_ID,
        frozenset({"scala"}),
        re.compile(r"\.(?P<at>digest|update)(?=\s*\()"),
        _needs(
            re.compile(r"MessageDigest\.getInstance\s*\(\s*\"(?:MD5|SHA-?1|SHA-?256|SHA-?512)"),
            _hashes_password(_FIRST),
        ),
    ),
)

PASSWORD_RULE = catalog_rule(PASSWORD_ID)

# --- weak-cipher ----------------------------------------------------------------------------

CIPHER_ID = "weak-cipher"
_WEAK_ALGORITHMS = frozenset({"DES", "DESEDE", "TRIPLEDES", "3DES", "RC4", "ARCFOUR", "RC2"})


def _java_transformation(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    spec = match.group("spec").upper()
    algorithm = spec.split("/", 1)[0]
    if algorithm in _WEAK_ALGORITHMS:
        return f'`"{match.group("spec")}"` uses a retired cipher.'
    if algorithm.startswith("RSA"):
        return False  # "RSA/ECB/…" is the JCE's name for plain RSA, not block ECB
    if "/ECB" in spec:
        return f'`"{match.group("spec")}"` uses ECB mode.'
    if "/" not in spec and algorithm in {"AES", "BLOWFISH"}:
        return f'`"{match.group("spec")}"` alone means `{algorithm}/ECB/PKCS5Padding`.'
    return False


def _weak_name(name: str) -> str | None:
    lowered = name.lower()
    if "ecb" in lowered.split("-") or lowered.endswith("ecb"):
        return "ECB mode"
    if lowered.startswith(("des", "rc4", "rc2", "bf-", "3des")):
        return "a retired cipher"
    return None


def _named_cipher(index: int) -> Accept:
    def accept(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
        language = file.language or ""
        args = _args(text, match.end(), language)
        if len(args) <= index or not is_string_literal(args[index], language):
            return False
        name = literal_text(args[index], language).strip("'\"`")
        why = _weak_name(name)
        return f"`{name}` is {why}." if why else False

    return accept


CIPHER_PATTERNS = (
    Pattern(
        CIPHER_ID,
        _JVM,
        re.compile(r"\bCipher\.(?P<at>getInstance)\s*\(\s*\"(?P<spec>[^\"]+)\""),
        _java_transformation,
    ),
    Pattern(
        CIPHER_ID,
        _GO,
        re.compile(r"\b(?:des\.(?P<at>NewCipher|NewTripleDESCipher)|rc4\.NewCipher)\s*\("),
        lambda m, t, f: "DES/RC4 are retired ciphers.",
    ),
    Pattern(CIPHER_ID, _PHP, re.compile(r"\b(?P<at>openssl_(?:en|de)crypt)\b"), _named_cipher(1)),
    Pattern(
        CIPHER_ID, _JS, re.compile(r"\b(?P<at>create(?:De)?[Cc]ipher(?:iv)?)\b"), _named_cipher(0)
    ),
    Pattern(CIPHER_ID, _RUBY, re.compile(r"\bOpenSSL::Cipher\.(?P<at>new)\b"), _named_cipher(0)),
)

CIPHER_RULE = catalog_rule(CIPHER_ID)

# --- http-client-no-timeout -----------------------------------------------------------------

TIMEOUT_ID = "http-client-no-timeout"


def _axios_create(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    args = call_arguments(text, match.end() - 1, file.language or "")
    if not args:
        return "`axios.create()` without options: requests never time out."
    first = args[0].strip()
    if first.startswith("{") and not re.search(r"(?<![\w$])timeout\s*:", first):
        if "..." in first:
            return False  # options spread in from elsewhere may carry the timeout
        return "The axios instance has no `timeout`: its default is 0, wait forever."
    return False


def _java_client(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if re.search(r"\.timeout\s*\(|connectTimeout", text):
        return False
    return "`HttpClient.newHttpClient()` has no connect timeout and its requests no timeout."


def _java_builder(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    chain = text[match.end() : match.end() + 800].split(".build()", 1)[0]
    if "connectTimeout" in chain or re.search(r"\.timeout\s*\(", text):
        return False
    return "The `HttpClient` builder sets no `connectTimeout`, and no request sets a timeout."


# `new RestTemplate().getMessageConverters()`, Kotlin's `RestTemplate().messageConverters`:
# a template made only to read its defaults (converters, handlers) and dropped; it never
# sends a request.
_TEMPLATE_DEFAULTS_READ = re.compile(
    r"\s*\)\s*\.\s*(?:get(?:MessageConverters|UriTemplateHandler|ErrorHandler|Interceptors)\s*\("
    r"|(?:messageConverters|uriTemplateHandler|errorHandler|interceptors)\b(?!\s*[(=]))"
)


def _rest_template(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if re.search(r"setRequestFactory|setConnectTimeout|setReadTimeout|requestFactory", text):
        return False
    if _TEMPLATE_DEFAULTS_READ.match(text, match.end() - 1):
        return False
    return "`new RestTemplate()` uses a request factory with infinite connect and read timeouts."


def _guzzle(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if "GuzzleHttp" not in text:
        return False
    args = call_arguments(text, match.end() - 1, "php")
    if not args:
        return "`new Client()` without options: Guzzle's default `timeout` is 0, wait forever."
    first = args[0].strip()
    if first.startswith(("[", "array(")) and not re.search(r"['\"]timeout['\"]", first):
        return "The Guzzle client has no `timeout`: its default is 0, wait forever."
    return False


TIMEOUT_PATTERNS = (
    Pattern(TIMEOUT_ID, _JS, re.compile(r"\baxios\.(?P<at>create)\s*\("), _axios_create),
    Pattern(
        TIMEOUT_ID, _JVM, re.compile(r"\bHttpClient\.(?P<at>newHttpClient)\s*\(\s*\)"), _java_client
    ),
    Pattern(
        TIMEOUT_ID, _JVM, re.compile(r"\bHttpClient\.(?P<at>newBuilder)\s*\(\s*\)"), _java_builder
    ),
    Pattern(
        TIMEOUT_ID,
        _JVM,
        re.compile(
            r"(?:\bnew\s+|(?<![\w.])(?=RestTemplate\s*\(\s*\)))(?P<at>RestTemplate)\s*\(\s*\)"
        ),
        _rest_template,
    ),
    Pattern(
        TIMEOUT_ID,
        _PHP,
        re.compile(r"\bnew\s+\\?(?:GuzzleHttp\\)?(?P<at>Client)\s*\("),
        _guzzle,
    ),
)

TIMEOUT_RULE = catalog_rule(TIMEOUT_ID)

# --- reflected-xss --------------------------------------------------------------------------

XSS_ID = "reflected-xss"
_PHP_ESCAPES = re.compile(
    r"\b(?:htmlspecialchars|htmlentities|e|esc_html|esc_attr|intval|floatval|json_encode|"
    r"urlencode|rawurlencode|strip_tags|filter_var|filter_input|number_format|count|isset|"
    r"empty|basename|strlen|escape)\s*\(|\(\s*(?:int|float|bool)\s*\)"
)


def _xss_args(index: int | None, *, literal_markup: bool = False) -> Accept:
    """Request data anywhere in argument `index` (None: any argument after the first)."""

    def accept(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
        language = file.language or ""
        args = _args(text, match.end(), language)
        chosen = args[index : index + 1] if index is not None else args[1:]
        if literal_markup and not any("<" in literal_text(a, language) for a in args):
            return False
        for arg in chosen:
            found = tainted(arg, text, match.start(), language, leading=False)
            if found:
                return f"Request data reaches the page unescaped: `{found}`."
        return False

    return accept


def _express_send(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    language = file.language or ""
    args = call_arguments(text, match.end() - 1, language)
    if not args:
        return False
    first = args[0].strip()
    direct = re.match(
        r"^(?:req|request)\.(?:query|params|cookies|headers)(?:\.\w+|\[[^\]]+\])$", first
    )
    if not direct and dynamic_part(first, language) is None:
        return False
    found = tainted(first, text, match.start(), language, leading=False)
    return f"Request data is sent back as HTML: `{found}`." if found else False


def _php_echo(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    statement = re.split(r";|\?>", text[match.end() : match.end() + 800], maxsplit=1)[0]
    if _PHP_ESCAPES.search(statement):
        return False
    found = tainted(statement, text, match.start(), "php", leading=False)
    return f"Request data is echoed unescaped: `{found}`." if found else False


def _go_writer(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if re.search(r"Content-Type\"\s*,\s*\"(?!text/html)", scope_before(text, match.start(), "go")):
        return False
    args = _args(text, match.end(), "go")
    data = args[1:] if match.group("at") != "Write" else args
    for arg in data:
        found = tainted(arg, text, match.start(), "go", leading=True)
        if found:
            return f"Request data is written first, so the response is sniffed as HTML: `{found}`."
    return False


def _ruby_html_safe(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    line_start = text.rfind("\n", 0, match.start()) + 1
    receiver = re.split(r"(?<![=!<>])=(?!=)|<%=", text[line_start : match.start()])[-1]
    found = tainted(receiver, text, match.start(), "ruby", leading=False)
    return f"Request data is marked as safe HTML: `{found}`." if found else False


def _ruby_render(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    rest = text[match.end() : match.end() + 400].split("\n", 1)[0]
    found = tainted(rest, text, match.start(), "ruby", leading=False)
    return f"Request data is rendered as markup: `{found}`." if found else False


XSS_PATTERNS = (
    Pattern(
        XSS_ID,
        _JS,
        re.compile(r"\b(?:res|response|reply)\.(?P<at>send|write|end)\s*\("),
        _express_send,
    ),
    Pattern(
        XSS_ID,
        _PHP,
        re.compile(r"(?:^|(?<=[;{}\n]))[ \t]*(?P<at>echo|print)\b|(?P<short><\?=)", re.M),
        _php_echo,
    ),
    Pattern(
        XSS_ID,
        _GO,
        re.compile(r"\btemplate\.(?P<at>HTML|JS|HTMLAttr|JSStr|CSS|URL)(?=\s*\()"),
        _xss_args(0),
    ),
    Pattern(
        XSS_ID,
        _GO,
        re.compile(
            r"\bfmt\.(?P<f>Fprintf)(?=\s*\(\s*w\s*,)|\bfmt\.(?P<at>Fprint|Fprintln)(?=\s*\(\s*w\s*,)|"
            r"\bio\.(?P<io>WriteString)(?=\s*\(\s*w\s*,)|\bw\.(?P<w>Write)(?=\s*\()"
        ),
        lambda m, t, f: (
            _xss_args(None, literal_markup=True)(m, t, f) if m.group("f") else _go_writer(m, t, f)
        ),
    ),
    Pattern(
        XSS_ID,
        _JVM,
        re.compile(
            r"\.getWriter\s*\(\s*\)\s*\.\s*(?P<at>write|print|println|append|printf)(?=\s*\()"
        ),
        _xss_args(0),
    ),
    Pattern(XSS_ID, _RUBY, re.compile(r"\.(?P<at>html_safe)\b"), _ruby_html_safe),
    Pattern(
        XSS_ID,
        _RUBY,
        re.compile(r"\brender\s+(?P<at>html|inline):|(?<![\w.])(?P<raw>raw)\b(?=\s*\(?\s*\S)"),
        lambda m, t, f: _xss_args(0)(m, t, f) if m.group("raw") else _ruby_render(m, t, f),
    ),
)

XSS_RULE = catalog_rule(XSS_ID)

# --- xxe --------------------------------------------------------------------------------------

XXE_ID = "xxe"
_JAVA_HARDENED = re.compile(
    r"disallow-doctype-decl|external-general-entities|external-parameter-entities|"
    r"FEATURE_SECURE_PROCESSING|ACCESS_EXTERNAL_DTD|SUPPORT_DTD|IS_SUPPORTING_EXTERNAL_ENTITIES|"
    r"load-external-dtd|setExpandEntityReferences\s*\(\s*false"
)


# What a parser factory's product does with its input: the line the untrusted XML is read.
_XML_READ = re.compile(
    r"\.(?:parse|createXMLStreamReader|createXMLEventReader|unmarshal|read)\s*\("
)


def _java_factory(match: re.Match[str], text: str, file: ChangedFile) -> str | bool | Verdict:
    """A factory made in a function is judged by that function (another method of the
    file hardening its own factory does not harden this one); one made outside every
    function, a field, by the whole file."""
    line = line_of(text, match.start())
    span = enclosing_function(text, file.language or "", line)
    rows = text.split("\n")
    body = "\n".join(rows[span[1] - 1 : span[2]]) if span is not None else text
    if _JAVA_HARDENED.search(body):
        return False
    detail = (
        f"`{match.group('at')}` resolves external entities unless DOCTYPEs are disallowed, "
        "and nothing here does so."
    )
    if span is None:
        return detail
    read = next((n for n in range(line, span[2] + 1) if _XML_READ.search(rows[n - 1])), None)
    return Verdict(detail, end_line=read) if read is not None and read - line <= 15 else detail


XXE_PATTERNS = (
    Pattern(
        XXE_ID,
        _JVM | {"scala"},
        re.compile(
            r"\b(?P<at>DocumentBuilderFactory|SAXParserFactory|XMLInputFactory)\."
            r"(?:newInstance|newFactory|newDefaultInstance|newDefaultFactory)\s*\(|"
            r"\bnew\s+(?P<dom>SAXReader|SAXBuilder)\s*\(\s*\)|(?<![\w.])(?=SAXReader\s*\(\s*\))"
            r"(?P<kt>SAXReader)\s*\(\s*\)"
        ),
        lambda m, t, f: (
            _java_factory(m, t, f)
            if m.group("at")
            else (
                "dom4j/JDOM readers expand external entities by default."
                if not _JAVA_HARDENED.search(t)
                else False
            )
        ),
    ),
    Pattern(
        XXE_ID,
        _PHP,
        re.compile(r"\b(?P<at>libxml_disable_entity_loader)\s*\(\s*false\s*\)"),
        lambda m, t, f: "The entity loader is switched back on for every parse.",
    ),
    Pattern(
        XXE_ID,
        _PHP,
        re.compile(r"\b(?P<at>LIBXML_NOENT)\b|->(?P<sub>substituteEntities)\s*=\s*true"),
        lambda m, t, f: "Entity substitution is on: external entities are read and inlined.",
    ),
    Pattern(
        XXE_ID,
        _RUBY,
        re.compile(r"(?:\.|::)(?P<at>noent|NOENT)\b"),
        lambda m, t, f: "Nokogiri's NOENT option substitutes external entities.",
    ),
    Pattern(
        XXE_ID,
        _JS,
        re.compile(r"\b(?P<at>noent)\s*:\s*true\b"),
        lambda m, t, f: "libxmljs `noent: true` substitutes external entities.",
    ),
)

XXE_RULE = catalog_rule(XXE_ID)

# --- ssrf -------------------------------------------------------------------------------------

SSRF_ID = "ssrf"


def _url_from_request(index: int, *, needs: re.Pattern[str] | None = None) -> Accept:
    def accept(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
        if needs is not None and not needs.search(text):
            return False
        language = file.language or ""
        args = _args(text, match.end(), language)
        if len(args) <= index:
            return False
        found = tainted(args[index], text, match.start(), language, leading=True)
        return f"The URL requested comes from the request: `{found}`." if found else False

    return accept


def _curl_setopt(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    args = _args(text, match.end(), "php")
    if len(args) < 3 or args[1].strip() != "CURLOPT_URL":
        return False
    found = tainted(args[2], text, match.start(), "php", leading=True)
    return f"The URL requested comes from the request: `{found}`." if found else False


_OPENS = re.compile(r"\.(?:openConnection|openStream|readText|readBytes)\s*\(")

SSRF_PATTERNS = (
    Pattern(
        SSRF_ID,
        _JS,
        re.compile(
            r"(?<![\w$.])(?P<at>fetch|got|axios|needle|superagent)(?=\s*\()|"
            r"\b(?:axios|got|http|https|needle|superagent|ky)\.(?P<m>get|post|put|patch|delete|"
            r"head|request|stream)(?=\s*\()"
        ),
        _url_from_request(0),
    ),
    Pattern(
        SSRF_ID,
        _GO,
        re.compile(
            r"\bhttp\.(?P<at>Get|Post|Head|PostForm)(?=\s*\()|\b\w*[Cc]lient\.(?P<c>Get|Post|Head)(?=\s*\()"
        ),
        _url_from_request(0),
    ),
    Pattern(SSRF_ID, _GO, re.compile(r"\bhttp\.(?P<at>NewRequest)(?=\s*\()"), _url_from_request(1)),
    Pattern(
        SSRF_ID,
        _GO,
        re.compile(r"\bhttp\.(?P<at>NewRequestWithContext)(?=\s*\()"),
        _url_from_request(2),
    ),
    Pattern(
        SSRF_ID,
        _JVM,
        re.compile(r"(?:\bnew\s+|(?<![\w.]))(?P<at>URL)(?=\s*\()"),
        _url_from_request(0, needs=_OPENS),
    ),
    Pattern(
        SSRF_ID,
        _JVM,
        re.compile(
            r"\.(?P<at>getForObject|getForEntity|postForObject|postForEntity|patchForObject|"
            r"exchange|headForHeaders)(?=\s*\()|\bJsoup\.(?P<j>connect)(?=\s*\()|"
            r"\bWebClient\.(?P<w>create)(?=\s*\()|\bURI\.(?P<u>create)(?=\s*\()"
        ),
        lambda m, t, f: (
            _url_from_request(0, needs=re.compile(r"HttpRequest|\.uri\s*\("))(m, t, f)
            if m.group("u")
            else _url_from_request(0)(m, t, f)
        ),
    ),
    Pattern(
        SSRF_ID,
        _RUBY,
        re.compile(
            r"\bNet::HTTP\.(?P<at>get|get_response|post_form|start|post)\b|"
            r"\b(?:HTTParty|Faraday|RestClient|Excon|HTTP)\.(?P<m>get|post|put|patch|delete|head)"
            r"\b|\bURI\.(?P<o>open)\b|(?<![\w.:])(?P<k>open)\b(?=\s*\(?\s*params)"
        ),
        _url_from_request(0),
    ),
    Pattern(
        SSRF_ID,
        _PHP,
        re.compile(
            r"(?<![\w$>:])(?P<at>file_get_contents|curl_init|fopen|get_headers|readfile|"
            r"simplexml_load_file)(?=\s*\()|\bHttp::(?P<h>get|post|put|patch|delete|head)(?=\s*\()"
        ),
        _url_from_request(0),
    ),
    Pattern(SSRF_ID, _PHP, re.compile(r"\b(?P<at>curl_setopt)(?=\s*\()"), _curl_setopt),
    Pattern(
        SSRF_ID,
        _PHP,
        re.compile(
            r"\$\w*(?:client|http|guzzle)\w*->(?P<at>get|post|put|patch|delete|head)(?=\s*\()", re.I
        ),
        _url_from_request(0),
    ),
)

SSRF_RULE = catalog_rule(SSRF_ID)

# --- route-missing-auth-guard ---------------------------------------------------------------

AUTH_ID = "route-missing-auth-guard"


@dataclass(frozen=True)
class RouteGuards:
    line: int
    label: str  # path or handler name, for the detail and the public-endpoint test
    group: str  # routes are compared only with siblings of the same group
    guards: frozenset[str]
    # The handler asks who the caller is (`SecurityUtils.getCurrentUserId()`, a `Principal`
    # parameter): it only works for a logged-in caller, so the login it needs is there.
    reads_caller: bool = False


def missing_guards(routes: list[RouteGuards]) -> Iterator[tuple[RouteGuards, str]]:
    """Routes lacking an auth guard that every sibling (two or more) carries."""
    for route in routes:
        others = [r for r in routes if r is not route and r.group == route.group]
        if len(others) < 2 or is_public(route.label) or route.reads_caller:
            continue
        shared = frozenset.intersection(*(r.guards for r in others))
        missing = sorted(g for g in shared - route.guards if AUTH_NAME.search(g))
        if missing:
            yield route, missing[0]


_EXPRESS_ROUTE = re.compile(
    r"(?<![\w$.])(?P<recv>[A-Za-z_$][\w$]*)\.(?P<verb>get|post|put|patch|delete|all)\s*"
    r"(?P<paren>\()\s*(?=['\"`])"
)


def express_routes(text: str, language: str) -> list[RouteGuards]:
    routes = []
    for match in _EXPRESS_ROUTE.finditer(text):
        args = call_arguments(text, match.start("paren"), language)
        if len(args) < 2 or not is_string_literal(args[0], language):
            continue
        names = set()
        for middleware in args[1:-1]:
            name = re.match(r"[\w$.]+", middleware.strip())
            if name:
                names.add(name.group(0))
        path = literal_text(args[0], language)
        routes.append(
            RouteGuards(line_of(text, match.start()), path, match.group("recv"), frozenset(names))
        )
    return routes


_MAPPING = re.compile(r"@(?:Get|Post|Put|Delete|Patch|Request)Mapping\b")
_SECURITY_ANNOTATIONS = frozenset({"PreAuthorize", "Secured", "RolesAllowed", "PostAuthorize"})


def _balanced_back(text: str, close: int) -> int:
    """Index of the `(` matching the `)` at `close`, or -1."""
    depth = 0
    for i in range(close, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _balanced_forward(text: str, open_: int) -> int:
    depth = 0
    for i in range(open_, min(len(text), open_ + 4000)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _annotation_run(text: str, at: int) -> tuple[int, int]:
    """The run of annotations around the one at `at`: (start, index after the last)."""
    start = at
    while True:
        i = start - 1
        while i >= 0 and text[i] in " \t\r\n":
            i -= 1
        if i >= 0 and text[i] == ")":
            i = _balanced_back(text, i) - 1
            if i < 0:
                break
        j = i
        while j >= 0 and (text[j].isalnum() or text[j] in "_."):
            j -= 1
        if j < i and j >= 0 and text[j] == "@":
            start = j
            continue
        break
    end = at
    while True:
        found = re.compile(r"\s*@[\w.]+\s*").match(text, end)
        if not found:
            break
        end = found.end()
        if end < len(text) and text[end] == "(":
            close = _balanced_forward(text, end)
            if close < 0:
                break
            end = close + 1
    return start, end


# The logged-in caller, asked for in a handler's parameters or body: Spring Security's
# holder and principal parameters, and the usual `getCurrentUser…()`/`getLoginUser()` helpers.
_READS_CALLER = re.compile(
    r"\bSecurityContextHolder\b|@AuthenticationPrincipal\b|\b(?:Principal|Authentication)\s+\w+\s*[,)]"
    r"|\bget(?:Current|Login|LoggedIn|Authenticated)(?:User|Member|Account|Principal)\w*\s*\("
)


def _handler_text(text: str, end: int) -> str:
    """A handler's parameters and body, from the end of its annotations: up to the brace
    that closes its body, or at most 2,000 characters."""
    stop = min(len(text), end + 2000)
    opening = text.find("(", end, stop)
    if opening < 0:
        return text[end:stop]
    close = _balanced_forward(text, opening)
    if close < 0:
        return text[end:stop]
    brace = text.find("{", close, stop)
    if brace < 0:
        return text[end:stop]
    depth = 0
    for i in range(brace, stop):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[end : i + 1]
    return text[end:stop]


def spring_routes(text: str) -> list[RouteGuards] | None:
    """Handler methods with their security annotations; None when the class itself is
    guarded (every method is covered)."""
    routes = []
    for match in _MAPPING.finditer(text):
        start, end = _annotation_run(text, match.start())
        signature = text[end : end + 300].split("(", 1)[0].split("{", 1)[0]
        names = set(re.findall(r"@(?:[\w.]*\.)?(\w+)", text[start:end]))
        if re.search(r"\b(?:class|interface|object)\b", signature):
            if names & _SECURITY_ANNOTATIONS:
                return None
            continue
        method = re.findall(r"(?<!\w)(\w+)\s*$", signature.strip() + " ")
        paths = re.findall(r"\"([^\"]*)\"", text[match.end() : end].split("\n@", 1)[0])
        label = f"{method[-1] if method else ''} {' '.join(paths[:1])}"
        routes.append(
            RouteGuards(
                line_of(text, match.start()),
                label,
                "",
                frozenset(names & _SECURITY_ANNOTATIONS),
                bool(_READS_CALLER.search(_handler_text(text, end))),
            )
        )
    return routes


def _guard_hits(file: ChangedFile, routes: list[RouteGuards]) -> list[Hit]:
    return [
        Hit(
            AUTH_ID,
            file.path,
            route.line,
            route.line,
            f"`{route.label.strip()}` lacks `{guard}`, which every other route here has.",
        )
        for route, guard in missing_guards(routes)
    ]


AUTH_RULE = catalog_rule(AUTH_ID)

# --- cors-any-origin-with-credentials ---------------------------------------------------

PHP_CORS_ID = "cors-any-origin-with-credentials"


def _laravel_cors(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if not re.search(r"['\"]supports_credentials['\"]\s*=>\s*true\b", text):
        return False
    return (
        "`allowed_origins` is `*` and `supports_credentials` is true: the CORS middleware "
        "echoes back any caller's origin."
    )


def _reflected_origin(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if not re.search(r"Access-Control-Allow-Credentials\s*:\s*true", text, re.IGNORECASE):
        return False
    if re.search(r"(?:\bif\s*\(|\bin_array\s*\(|\bpreg_match\s*\()[^;\n]{0,200}HTTP_ORIGIN", text):
        return False  # the origin is checked against a list or a pattern first
    return (
        "The caller's `Origin` header is sent back as the allowed origin, with credentials "
        "allowed: every site may read this endpoint's answers as the logged-in user."
    )


PHP_CORS_PATTERNS = (
    Pattern(
        PHP_CORS_ID,
        _PHP,
        re.compile(r"['\"](?P<at>allowed_origins)['\"]\s*=>\s*(?:\[|array\()\s*['\"]\*['\"]"),
        _laravel_cors,
    ),
    # `header('Access-Control-Allow-Origin: ' . $_SERVER['HTTP_ORIGIN'])`, unchecked.
    Pattern(
        PHP_CORS_ID,
        _PHP,
        re.compile(
            r"\bheader\s*\(\s*['\"](?P<at>Access-Control-Allow-Origin)\s*:\s*(?:['\"]\s*\.\s*|\{?)"
            r"\$_SERVER\s*\[\s*['\"]HTTP_ORIGIN['\"]\s*\]",
            re.IGNORECASE,
        ),
        _reflected_origin,
    ),
)

PHP_CORS_RULE = catalog_rule(PHP_CORS_ID)

# --- checks -----------------------------------------------------------------------------------

# Languages whose XSS and SSRF findings come from flows only (h10-langs2): C# and Scala
# had no pattern here. The other languages keep their patterns until their switch.
_FLOW_ONLY = frozenset({"csharp", "scala"})


# Where `bot.rules.taint` follows request input; there the injection claims come from flows.
_FLOW_LANGUAGES = frozenset(
    {"python", "javascript", "typescript", "java", "kotlin", "go", "ruby", "php"}
)


class CrossLanguageCheck(Check):
    """Python through an `ast` finder, the other languages through text patterns."""

    kinds = _CODE_KINDS
    patterns: tuple[Pattern, ...] = ()
    hint: re.Pattern[str] = re.compile(r"(?!)")
    python_hint: re.Pattern[str] = re.compile(r"(?!)")
    python_finder: Finder | None = None
    # Languages where the rule's claim (request input reaches the sink) comes from taint
    # flows rather than the finder or the patterns.
    flow_languages: frozenset[str] = frozenset()

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []
        if file.language in self.flow_languages:
            return flow_hits(file, {rule.id for rule in self.rules})
        if file.language == "python":
            finder = type(self).python_finder
            if finder is None:
                return []
            return python_hits(file, self.rules[0].id, finder, self.python_hint)
        return run_patterns(file, self.patterns, self.hint)


class PasswordFastHash(CrossLanguageCheck):
    name = "security:password-fast-hash"
    rules = (PASSWORD_RULE,)
    languages = frozenset(PASSWORD_RULE.languages)
    patterns = PASSWORD_PATTERNS
    hint = re.compile(r"(?i)passw|passphrase|pwd|\bpw\b|\bpass\b")
    python_hint = re.compile(r"hashlib|\bsha\d|\bmd5")
    python_finder = staticmethod(find_password_hash)

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        hits = list(super().check_file(file))
        if not hits:
            return hits
        rows = file.visible_text().splitlines()
        out: list[Hit] = []
        for hit in hits:
            if _compared_not_stored(rows, hit.line):
                continue
            slow = _legacy_arm(rows, hit.line) if hit.severity is not Severity.INFO else None
            if slow is not None:
                note = _LEGACY_ARM_NOTE.format(slow=slow)
                hit = replace(hit, severity=Severity.INFO, detail=join_detail(hit.detail, note))
            elif hit.severity is not Severity.INFO and _verifies_then_rehashes(
                file, rows, hit.line
            ):
                hit = replace(
                    hit, severity=Severity.INFO, detail=join_detail(hit.detail, _REHASH_NOTE)
                )
            out.append(hit)
        return out


# `secure_compare(Digest::SHA256.hexdigest(user), Digest::SHA256.hexdigest(ENV["USER"]))`:
# both sides digested only so a constant-time compare sees equal lengths (Sidekiq's and
# Rack's documented basic-auth check); nothing is stored, so no hash can be cracked.
_CONSTANT_TIME_COMPARE = re.compile(
    r"\b(?:secure_compare|fixed_length_secure_compare|compare_digest|timingSafeEqual"
    r"|constant_time_compare|ConstantTimeCompare|hash_equals|MessageDigest\.isEqual"
    r"|FixedTimeEquals)\b"
)


def _compared_not_stored(rows: Sequence[str], line: int) -> bool:
    """Whether the hashed password is an argument of a constant-time compare on its line
    or the line before (a call wrapped over two lines)."""
    return any(
        0 < n <= len(rows) and _CONSTANT_TIME_COMPARE.search(rows[n - 1]) for n in (line, line - 1)
    )


class WeakCipher(CrossLanguageCheck):
    name = "security:weak-cipher"
    rules = (CIPHER_RULE,)
    languages = catalog_languages(CIPHER_ID, "security_web")
    patterns = CIPHER_PATTERNS
    hint = re.compile(r"Cipher|des\.|rc4\.|openssl_|(?i:cipher)")
    python_hint = re.compile(r"DES|ECB")
    python_finder = staticmethod(find_weak_cipher)


class HttpClientNoTimeout(CrossLanguageCheck):
    name = "security:http-client-no-timeout"
    rules = (TIMEOUT_RULE,)
    languages = frozenset(TIMEOUT_RULE.languages)
    patterns = TIMEOUT_PATTERNS
    hint = re.compile(r"axios\.create|HttpClient\.new|RestTemplate\s*\(|Client\s*\(")


class ReflectedXss(FlowFirst, CrossLanguageCheck):
    flow_languages = _FLOW_ONLY | _FLOW_LANGUAGES
    name = "security:reflected-xss"
    rules = (XSS_RULE,)
    languages = frozenset(XSS_RULE.languages) | _FLOW_ONLY
    patterns = XSS_PATTERNS
    hint = re.compile(
        r"\.send|\.write|\.end\b|echo|print|<\?=|template\.|Fprint|WriteString|\.Write|"
        r"getWriter|html_safe|render\s+(?:html|inline)|\braw\b"
    )
    python_hint = re.compile(r"mark_safe|Markup|HttpResponse|SafeString|format_html")
    python_finder = staticmethod(find_xss)

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        hits = super().check_file(file)
        if file.language != "python":
            return hits
        return typed_responses(file, hits)


class Xxe(CrossLanguageCheck):
    name = "security:xxe"
    rules = (XXE_RULE,)
    languages = catalog_languages(XXE_ID, "security_web")
    patterns = XXE_PATTERNS
    hint = re.compile(
        r"Factory\.new|SAXReader|SAXBuilder|libxml_disable_entity_loader|LIBXML_NOENT|"
        r"substituteEntities|(?i:noent)"
    )
    python_hint = re.compile(r"XMLParser|feature_external")
    python_finder = staticmethod(find_xxe)


class Ssrf(FlowFirst, CrossLanguageCheck):
    flow_languages = _FLOW_ONLY | _FLOW_LANGUAGES
    name = "security:ssrf"
    rules = (SSRF_RULE,)
    languages = frozenset(SSRF_RULE.languages) | _FLOW_ONLY
    patterns = SSRF_PATTERNS
    hint = re.compile(
        r"fetch|got|axios|needle|superagent|https?\.|Client\.|NewRequest|URL|URI|getFor|postFor|"
        r"exchange|Jsoup|WebClient|Net::HTTP|HTTParty|Faraday|RestClient|Excon|HTTP\.|open|"
        r"file_get_contents|curl_|get_headers|readfile|simplexml_load_file|Http::|->(?:get|post)"
    )
    python_hint = re.compile(r"requests|httpx|urlopen|urlretrieve")
    python_finder = staticmethod(find_ssrf)

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        hits = list(super().check_file(file))
        if not hits or file.language not in _FLOW_LANGUAGES:
            return hits
        lines = file.visible_text().splitlines()
        out: list[Hit] = []
        for hit in hits:
            text = lines[hit.line - 1] if 0 < hit.line <= len(lines) else ""
            note = None
            if hit.severity is not Severity.INFO and _CONFIGURED_BASE.search(text):
                note = _CONFIGURED_BASE_NOTE
            elif hit.severity is not Severity.INFO and (name := _service_address(hit)):
                note = _SERVICE_ADDRESS_NOTE.format(name=name)
            if note is not None:
                detail = f"{hit.detail}\n\n{note}" if hit.detail else note
                hit = replace(hit, severity=Severity.INFO, detail=detail)
            out.append(hit)
        return out


# `axios.post(`${ollamaBaseUrl}/api/chat`)` with `ollamaBaseUrl` from the request body: the
# address of a service the signed-in user connects (their model server, their instance,
# an API base). Reaching it is the feature; whether such addresses should be kept off
# internal hosts depends on who runs the app for whom (self-hosted for one team, or a
# service for strangers), which the repository does not show. A plain `url` to fetch
# (an image, a file to import) stays a comment.
_FLOW_SUBJECT = re.compile(r"^[^`]*`([^`]+)` from `")
_SERVICE_ADDRESS = re.compile(
    r"(?i)(?:base_?(?:url|uri|path)|api_?(?:url|uri|base|endpoint|host)|endpoint|server_?(?:url|uri)"
    r"|instance_?(?:url|uri)|host_?(?:url|name)?|(?:ollama|openai|llm|model|provider)\w*_?(?:url|uri)"
    r"|(?:ollama|openai|llm|model|provider)_?base\w*)$"
)
_SERVICE_ADDRESS_NOTE = (
    "`{name}` is the address of a service the user connects (a model server, an instance, "
    "an API base): reaching it is the feature. Whether such addresses must stay off internal "
    "hosts depends on who the deployment serves, which the repository does not show; noted "
    "in the summary."
)


def _service_address(hit: Hit) -> str | None:
    found = _FLOW_SUBJECT.match(hit.title or "")
    if found is None:
        return None
    name = found.group(1).rsplit(".", 1)[-1].strip("[]'\"$")
    return name if _SERVICE_ADDRESS.search(name) else None


# `requests.get(settings.CHANGES_URL + body.filename)`, `` fetch(`${config.apiBase}${id}`) ``:
# the input follows a configured base URL directly. Where the request goes is that
# base's host unless the base is a bare origin with no `/` at its end (then `@evil` or
# `.evil.com` moves it), which the change does not show: noted in the summary.
_CONFIGURED_BASE = re.compile(
    r"""(?:\b(?:settings|config|conf|cfg|app\.config|current_app\.config|Config|CONFIG)"""
    r"""(?:\.|\[\s*['"])[\w.]*?|\b[A-Z][A-Z0-9_]*?_?)(?i:url|uri|base|endpoint|host|origin|api)\w*"""
    r"""(?:['"]\s*\])?\s*(?:\+\s*(?![\s'"`]*/)|\}\s*(?:\{|\$\{))"""
)
_CONFIGURED_BASE_NOTE = (
    "The URL starts with a configured base and the input follows it directly: the request "
    "stays on that host when the base ends in a path or `/`, which the change does not "
    "show; noted in the summary."
)


class RouteMissingAuthGuard(Check):
    name = "security:route-missing-auth-guard"
    rules = (AUTH_RULE,)
    languages = frozenset(AUTH_RULE.languages)
    kinds = _CODE_KINDS
    _hints: dict[str, re.Pattern[str]] = {
        "python": re.compile(
            r"^[ \t]*@[\w.]+\.(?:route|get|post|put|patch|delete|api_route)\s*\(|AllowAny", re.M
        ),
        "javascript": re.compile(r"\.(?:get|post|put|patch|delete|all)\s*\(\s*['\"`]"),
        "typescript": re.compile(r"\.(?:get|post|put|patch|delete|all)\s*\(\s*['\"`]"),
        "java": re.compile(r"Mapping\b"),
        "kotlin": re.compile(r"Mapping\b"),
    }

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        language = file.language or ""
        hint = self._hints.get(language)
        if hint is None or is_test_path(file.path):
            return []
        if language == "python":
            return python_hits(file, AUTH_ID, find_auth_guard, hint)
        if not hint.search(file.visible_text()):
            return []
        text = code_text(file)
        if language in _JS:
            return _guard_hits(file, express_routes(text, language))
        routes = spring_routes(text)
        return _guard_hits(file, routes) if routes else []


class PhpCorsAnyOriginWithCredentials(CrossLanguageCheck):
    name = "security:php-cors-any-origin-with-credentials"
    rules = (PHP_CORS_RULE,)
    languages = _PHP
    patterns = PHP_CORS_PATTERNS
    hint = re.compile(r"allowed_origins|HTTP_ORIGIN")


CHECKS: list[Check] = [
    PasswordFastHash(),
    WeakCipher(),
    HttpClientNoTimeout(),
    ReflectedXss(),
    Xxe(),
    Ssrf(),
    RouteMissingAuthGuard(),
    PhpCorsAnyOriginWithCredentials(),
]
