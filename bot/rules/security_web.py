"""Cross-language web security rules: passwords under a fast hash, DES/ECB ciphers, HTTP
clients without a timeout, reflected XSS, XXE, SSRF, a route without the auth guard its
siblings carry, and Laravel CORS.

Python goes through `security_python`'s `ast` finders; the other languages through the
comment-blanked text and argument extraction of `security_js`. Request data is recognised
by each framework's accessors (`req.query`, `r.FormValue`, `request.getParameter`,
`params[...]`, `$_GET`), directly or through one local variable assigned from them in the
same function. SSRF needs request data at the *start* of the URL (it picks the host);
`https://api.example.com/users/${id}` is not a forged destination.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.rules.security_js import (
    Pattern,
    call_arguments,
    code_text,
    dynamic_part,
    is_string_literal,
    line_of,
    literal_text,
    run_patterns,
    scope_before,
    short,
)
from bot.rules.security_python import (
    AUTH_NAME,
    Finder,
    find_auth_guard,
    find_password_hash,
    find_ssrf,
    find_weak_cipher,
    find_xss,
    find_xxe,
    is_public,
    is_test_path,
    names_password,
    python_hits,
)
from bot.rules.taint.api import flow_hits
from bot.rules.taint.mixed import FlowFirst

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_JS = frozenset({"javascript", "typescript"})
_JVM = frozenset({"java", "kotlin"})
_GO = frozenset({"go"})
_RUBY = frozenset({"ruby"})
_PHP = frozenset({"php"})
Accept = Callable[[re.Match[str], str, ChangedFile], str | bool]

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


def _hashes_password(pick: Callable[[list[str]], list[str]]) -> Accept:
    def accept(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
        args = pick(_args(text, match.end(), file.language or ""))
        if not args or all(is_string_literal(a, file.language or "") for a in args):
            return False
        name = _password_in(args)
        if name is None:
            return False
        algorithm = match.groupdict().get("alg") or "fast digest"
        return f"`{name}` is hashed with a plain `{algorithm}`."

    return accept


def _needs(regex: re.Pattern[str], accept: Accept) -> Accept:
    """`accept`, only in files that also match `regex` (e.g. a MessageDigest is in use)."""

    def wrapped(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
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
)

PASSWORD_RULE = Rule(
    id=PASSWORD_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="Password hashed with a fast digest instead of a password hash",
    rationale=(
        "MD5, SHA-1 and SHA-256 are built to be fast: one GPU tries billions of guesses a "
        "second, so when the users table leaks (a backup, an SQL injection, a stolen replica) "
        "most passwords are recovered within hours — unsalted ones instantly from lookup "
        "tables — and reused on other sites. A password hash (bcrypt, scrypt, argon2, "
        "PBKDF2) is slow and salted on purpose, which turns that into years."
    ),
    fix=(
        "Use the framework's password hasher: Django `make_password`, `bcrypt.hashpw`/"
        "`argon2-cffi` in Python, `bcrypt`/`argon2` in Node, Spring `BCryptPasswordEncoder`, "
        "Rails `has_secure_password`, PHP `password_hash($p, PASSWORD_DEFAULT)`, Go "
        "`golang.org/x/crypto/bcrypt`. Rehash on next login to migrate existing rows."
    ),
    languages=("python", "javascript", "typescript", "go", "java", "kotlin", "ruby", "php"),
    positive=(
        RuleCase(
            path="app/accounts.py",
            code=(
                "import hashlib\n\n"
                "def set_password(user, password):\n"
                "    user.password = hashlib.sha256(password.encode()).hexdigest()\n"
                "    digest = hashlib.md5(request.POST['password'].encode())\n"
            ),
            lines=(4, 5),
        ),
        RuleCase(
            path="server/users.js",
            code=(
                "const crypto = require('crypto');\n"
                "function hash(password) {\n"
                "  return crypto.createHash('sha256').update(password).digest('hex');\n"
                "}\n"
            ),
            lines=(3,),
        ),
        RuleCase(
            path="src/server/users.ts",
            code="export const h = (pwd: string) => CryptoJS.SHA256(salt + pwd).toString();\n",
            lines=(1,),
        ),
        RuleCase(
            path="internal/users/hash.go",
            code=(
                "package users\n\n"
                "func Hash(password string) [32]byte {\n"
                "\treturn sha256.Sum256([]byte(password))\n"
                "}\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="src/main/java/com/acme/Users.java",
            code=(
                "class Users {\n"
                "  String hash(String rawPassword) {\n"
                "    return DigestUtils.sha256Hex(rawPassword);\n"
                "  }\n"
                "}\n"
            ),
            lines=(3,),
        ),
        RuleCase(
            path="src/main/kotlin/com/acme/Users.kt",
            code=(
                "fun hash(password: String): ByteArray {\n"
                '    val md = MessageDigest.getInstance("SHA-256")\n'
                "    return md.digest(password.toByteArray())\n"
                "}\n"
            ),
            lines=(3,),
        ),
        RuleCase(
            path="app/models/user.rb",
            code=(
                "class User\n"
                "  def password=(value)\n"
                "    self.password_digest = Digest::SHA256.hexdigest(value + password_salt)\n"
                "    @check = Digest::MD5.hexdigest params[:password]\n"
                "  end\n"
                "end\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="app/Services/Auth.php",
            code=(
                "<?php\n"
                "function store($request) {\n"
                "    $a = md5($request->input('password'));\n"
                "    $b = hash('sha256', $password);\n"
                "}\n"
            ),
            lines=(3, 4),
        ),
    ),
    negative=(
        RuleCase(
            path="app/accounts.py",
            code=(
                "import hashlib\n"
                "from django.contrib.auth.hashers import make_password\n\n"
                "def store(user, password, reset_token):\n"
                "    user.password = make_password(password)\n"
                "    user.reset = hashlib.sha256(reset_token.encode()).hexdigest()\n"
                "    key = hashlib.pbkdf2_hmac('sha256', password.encode(), salt, 600000)\n"
            ),
        ),
        RuleCase(
            path="server/users.js",
            code=(
                "const etag = crypto.createHash('sha1').update(body).digest('hex');\n"
                "const hashed = await bcrypt.hash(password, 12);\n"
            ),
        ),
        RuleCase(
            path="internal/users/hash.go",
            code=(
                "package users\n\n"
                "func ETag(body []byte) [32]byte { return sha256.Sum256(body) }\n"
                "func Hash(password string) ([]byte, error) {\n"
                "\treturn bcrypt.GenerateFromPassword([]byte(password), 12)\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="src/main/java/com/acme/Users.java",
            code=(
                "class Users {\n"
                "  String hash(String rawPassword) { return encoder.encode(rawPassword); }\n"
                "  String etag(byte[] body) { return DigestUtils.sha256Hex(body); }\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="app/models/user.rb",
            code=(
                "class User\n  has_secure_password\n"
                "  def key = Digest::SHA256.hexdigest(email)\nend\n"
            ),
        ),
        RuleCase(
            path="app/Services/Auth.php",
            code=(
                "<?php\n"
                "$a = password_hash($password, PASSWORD_DEFAULT);\n"
                "$b = md5($email);\n"
                "$c = hash_hmac('sha256', $password, $key);\n"
            ),
        ),
    ),
)

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

CIPHER_RULE = Rule(
    id=CIPHER_ID,
    category=Category.SECURITY,
    severity=Severity.MEDIUM,
    title="Data encrypted with DES or in ECB mode",
    rationale=(
        "DES keys are 56 bits and are brute-forced in about a day on rented hardware; 3DES "
        "and other 64-bit-block ciphers leak plaintext after a few gigabytes (Sweet32). ECB "
        "mode encrypts equal blocks to equal ciphertext, so the structure of the data shows "
        "through — equal card numbers, equal passwords, image outlines — and blocks can be "
        "cut and pasted between messages to forge new ones without the key."
    ),
    fix=(
        "Use an authenticated mode of a modern cipher: AES-GCM (`AES/GCM/NoPadding` with a "
        "random 12-byte nonce per message, `aes-256-gcm`, `AESGCM` in `cryptography`) or "
        "ChaCha20-Poly1305; better, a high-level API (libsodium/`secretbox`, Tink, "
        "`Fernet`)."
    ),
    languages=("python", "javascript", "typescript", "go", "java", "kotlin", "ruby", "php"),
    positive=(
        RuleCase(
            path="app/crypto.py",
            code=(
                "from Crypto.Cipher import AES, DES\n\n"
                "def seal(key, data):\n"
                "    a = AES.new(key, AES.MODE_ECB).encrypt(data)\n"
                "    return a + DES.new(key, DES.MODE_CBC, iv).encrypt(data)\n"
            ),
            lines=(4, 5),
        ),
        RuleCase(
            path="server/crypto.js",
            code="const c = crypto.createCipheriv('aes-128-ecb', key, null);\n",
            lines=(1,),
        ),
        RuleCase(
            path="src/server/crypto.ts",
            code="export const c = createCipheriv('des-ede3-cbc', key, iv);\n",
            lines=(1,),
        ),
        RuleCase(
            path="internal/crypto/seal.go",
            code="package crypto\n\nfunc seal(k []byte) { b, _ := des.NewCipher(k); _ = b }\n",
            lines=(3,),
        ),
        RuleCase(
            path="src/main/java/com/acme/Seal.java",
            code=(
                "class Seal {\n"
                '  Cipher a = Cipher.getInstance("AES/ECB/PKCS5Padding");\n'
                '  Cipher b = Cipher.getInstance("AES");\n'
                "}\n"
            ),
            lines=(2, 3),
        ),
        RuleCase(
            path="src/main/kotlin/com/acme/Seal.kt",
            code='val c: Cipher = Cipher.getInstance("DESede/CBC/PKCS5Padding")\n',
            lines=(1,),
        ),
        RuleCase(
            path="app/services/seal.rb",
            code="cipher = OpenSSL::Cipher.new('aes-256-ecb')\n",
            lines=(1,),
        ),
        RuleCase(
            path="app/Support/Seal.php",
            code="<?php\n$c = openssl_encrypt($data, 'aes-128-ecb', $key);\n",
            lines=(2,),
        ),
    ),
    negative=(
        RuleCase(
            path="app/crypto.py",
            code=(
                "from Crypto.Cipher import AES\n\n"
                "def seal(key, data):\n"
                "    return AES.new(key, AES.MODE_GCM).encrypt_and_digest(data)\n"
            ),
        ),
        RuleCase(
            path="server/crypto.js",
            code="const c = crypto.createCipheriv('aes-256-gcm', key, iv);\n",
        ),
        RuleCase(
            path="internal/crypto/seal.go",
            code="package crypto\n\nfunc seal(k []byte) { b, _ := aes.NewCipher(k); _ = b }\n",
        ),
        RuleCase(
            path="src/main/java/com/acme/Seal.java",
            code=(
                "class Seal {\n"
                '  Cipher a = Cipher.getInstance("AES/GCM/NoPadding");\n'
                '  Cipher r = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");\n'
                "}\n"
            ),
        ),
        RuleCase(
            path="app/services/seal.rb",
            code="cipher = OpenSSL::Cipher.new('aes-256-gcm')\n",
        ),
        RuleCase(
            path="app/Support/Seal.php",
            code="<?php\n$c = openssl_encrypt($data, 'aes-256-gcm', $key, 0, $iv, $tag);\n",
        ),
    ),
)

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


def _rest_template(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if re.search(r"setRequestFactory|setConnectTimeout|setReadTimeout|requestFactory", text):
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

TIMEOUT_RULE = Rule(
    id=TIMEOUT_ID,
    category=Category.SECURITY,
    severity=Severity.MEDIUM,
    title="Outbound HTTP client without a timeout",
    rationale=(
        "These clients wait forever by default (axios `timeout: 0`, Java's `HttpClient` and "
        "`RestTemplate`'s default factory, Guzzle `timeout: 0`). When the remote service "
        "hangs — a stuck load balancer, a dropped connection with no RST — every request "
        "that calls it holds a worker thread or connection until the pool is exhausted, and "
        "the whole service stops answering even though only one dependency is down."
    ),
    fix=(
        "Set connect and overall timeouts: `axios.create({ timeout: 5000 })`, "
        "`HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))` plus "
        "`HttpRequest.newBuilder().timeout(...)`, `RestTemplateBuilder().setConnectTimeout"
        "(...).setReadTimeout(...)`, `new Client(['timeout' => 5, 'connect_timeout' => 2])`."
    ),
    languages=("javascript", "typescript", "java", "kotlin", "php"),
    positive=(
        RuleCase(
            path="server/clients.js",
            code="const api = axios.create({ baseURL: process.env.API_URL });\n",
            lines=(1,),
        ),
        RuleCase(
            path="src/server/clients.ts",
            code="export const api = axios.create();\n",
            lines=(1,),
        ),
        RuleCase(
            path="src/main/java/com/acme/Client.java",
            code=(
                "class Client {\n"
                "  HttpClient http = HttpClient.newHttpClient();\n"
                "  RestTemplate rest = new RestTemplate();\n"
                "}\n"
            ),
            lines=(2, 3),
        ),
        RuleCase(
            path="src/main/kotlin/com/acme/Client.kt",
            code="val rest = RestTemplate()\n",
            lines=(1,),
        ),
        RuleCase(
            path="app/Services/Api.php",
            code=(
                "<?php\nuse GuzzleHttp\\Client;\n"
                "$client = new Client(['base_uri' => 'https://api.example.com']);\n"
            ),
            lines=(3,),
        ),
    ),
    negative=(
        RuleCase(
            path="server/clients.js",
            code="const api = axios.create({ baseURL: URL, timeout: 5000 });\n",
        ),
        RuleCase(
            path="src/main/java/com/acme/Client.java",
            code=(
                "class Client {\n"
                "  HttpClient http = HttpClient.newBuilder()\n"
                "      .connectTimeout(Duration.ofSeconds(5)).build();\n"
                "  RestTemplate rest = builder.setConnectTimeout(d).build();\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="app/Services/Api.php",
            code=(
                "<?php\nuse GuzzleHttp\\Client;\n"
                "$client = new Client(['base_uri' => $url, 'timeout' => 5]);\n"
            ),
        ),
    ),
)

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

XSS_RULE = Rule(
    id=XSS_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="Request data is written into HTML without escaping (XSS)",
    rationale=(
        "A value from the request goes into the HTML response as markup. An attacker sends "
        "a victim a link whose parameter holds `<script>…</script>`; the page runs it in the "
        "victim's browser with their session — it reads what they can read, submits forms "
        "as them, and captures what they type. Admins who click such a link hand over the "
        "admin account."
    ),
    fix=(
        "Render through the template engine with escaping on, or escape at the point of "
        "output: `format_html('<b>{}</b>', value)`/`escape()` in Django, `markupsafe.escape` "
        "in Flask, `htmlspecialchars($v, ENT_QUOTES)` in PHP, `html/template` with plain "
        "strings in Go, `ERB::Util.html_escape`/`sanitize` in Rails, a JSON response "
        "(`res.json`) or an escaping helper in Express, OWASP Encoder in Java."
    ),
    languages=("python", "javascript", "typescript", "go", "java", "kotlin", "ruby", "php"),
    positive=(
        RuleCase(
            path="app/views.py",
            code=(
                "from django.utils.safestring import mark_safe\n\n"
                "def greet(request):\n"
                "    name = request.GET.get('name', '')\n"
                "    return HttpResponse(mark_safe(f'<h1>Hello {name}</h1>'))\n"
            ),
            lines=(5,),
        ),
        RuleCase(
            path="server/routes/search.js",
            code=(
                "router.get('/search', (req, res) => {\n"
                "  res.send(`<p>No results for ${req.query.q}</p>`);\n"
                "});\n"
            ),
            lines=(2,),
        ),
        RuleCase(
            path="src/routes/search.ts",
            code="app.get('/e', (req, res) => res.send('<b>' + req.query.msg + '</b>'));\n",
            lines=(1,),
        ),
        RuleCase(
            path="internal/web/search.go",
            code=(
                "package web\n\n"
                "func search(w http.ResponseWriter, r *http.Request) {\n"
                '\tq := template.HTML(r.FormValue("q"))\n'
                '\tfmt.Fprintf(w, "<p>No results for %s</p>", r.FormValue("q"))\n'
                "\t_ = q\n"
                "}\n"
            ),
            lines=(4, 5),
        ),
        RuleCase(
            path="src/main/java/com/acme/SearchServlet.java",
            code=(
                "class SearchServlet extends HttpServlet {\n"
                "  void doGet(HttpServletRequest request, HttpServletResponse response) {\n"
                '    response.getWriter().write("<p>" + request.getParameter("q") + "</p>");\n'
                "  }\n"
                "}\n"
            ),
            lines=(3,),
        ),
        RuleCase(
            path="src/main/kotlin/com/acme/Search.kt",
            code=(
                "fun doGet(request: HttpServletRequest, response: HttpServletResponse) {\n"
                '    val q = request.getParameter("q")\n'
                '    response.getWriter().println("<p>$q</p>")\n'
                "}\n"
            ),
            lines=(3,),
        ),
        RuleCase(
            path="app/controllers/search_controller.rb",
            code=(
                "class SearchController < ApplicationController\n"
                "  def show\n"
                '    @title = "<b>#{params[:q]}</b>".html_safe\n'
                "    render html: params[:body]\n"
                "  end\n"
                "end\n"
            ),
            lines=(3, 4),
        ),
        RuleCase(
            path="public/search.php",
            code="<?php\necho 'Results for ' . $_GET['q'];\n",
            lines=(2,),
        ),
    ),
    negative=(
        RuleCase(
            path="app/views.py",
            code=(
                "from django.utils.html import format_html\n\n"
                "def greet(request):\n"
                "    name = request.GET.get('name', '')\n"
                "    return HttpResponse(format_html('<h1>Hello {}</h1>', name))\n"
            ),
        ),
        RuleCase(
            path="server/routes/search.js",
            code=(
                "router.get('/search', (req, res) => {\n"
                "  res.json({ q: req.query.q });\n"
                "  res.send(`<p>${escapeHtml(title)}</p>`);\n"
                "});\n"
            ),
        ),
        RuleCase(
            path="internal/web/search.go",
            code=(
                "package web\n\n"
                "func search(w http.ResponseWriter, r *http.Request) {\n"
                '\tfmt.Fprintf(w, "total: %d", count(r.FormValue("q")))\n'
                '\tt := template.HTML("<b>static</b>")\n'
                "\t_ = t\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="src/main/java/com/acme/SearchServlet.java",
            code=(
                "class SearchServlet extends HttpServlet {\n"
                "  void doGet(HttpServletRequest request, HttpServletResponse response) {\n"
                '    response.getWriter().write(Encode.forHtml("ok"));\n'
                "  }\n"
                "}\n"
            ),
        ),
        RuleCase(
            # Internal values, constants, an allow-listed choice and a helper's parameter:
            # none of them comes from the request.
            path="server/routes/page.js",
            code=(
                "const express = require('express');\n"
                "function badge(res, label) {\n"
                "  res.send(`<b>${label}</b>`);\n"
                "}\n"
                "router.get('/page', async (req, res) => {\n"
                "  const theme = THEMES.includes(req.query.theme) ? req.query.theme : 'light';\n"
                "  const user = await users.findById(req.session.userId);\n"
                '  res.send(`<body class="${theme}"><p>${VERSION}</p><i>${user.id}</i>`);\n'
                "});\n"
            ),
        ),
        RuleCase(
            path="src/main/java/com/acme/StatusServlet.java",
            code=(
                "class StatusServlet extends HttpServlet {\n"
                "  void doGet(HttpServletRequest request, HttpServletResponse response) {\n"
                "    int open = tickets.countOpen();\n"
                '    response.getWriter().write("<p>" + open + " open, build " + BUILD + "</p>");\n'
                "  }\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="app/views.py",
            code=(
                "from django.utils.safestring import mark_safe\n\n"
                "def banner(text):\n"
                "    return HttpResponse(mark_safe(f'<div>{text}</div>'))\n\n"
                "def status(request):\n"
                "    return HttpResponse(mark_safe(f'<p>{settings.VERSION}</p>'))\n"
            ),
        ),
        RuleCase(
            path="app/controllers/search_controller.rb",
            code=(
                "class SearchController < ApplicationController\n"
                "  def show\n"
                '    @title = "<b>Search</b>".html_safe\n'
                "  end\n"
                "end\n"
            ),
        ),
        RuleCase(
            path="public/search.php",
            code="<?php\necho 'Results for ' . htmlspecialchars($_GET['q'], ENT_QUOTES);\n",
        ),
    ),
)

# --- xxe --------------------------------------------------------------------------------------

XXE_ID = "xxe"
_JAVA_HARDENED = re.compile(
    r"disallow-doctype-decl|external-general-entities|external-parameter-entities|"
    r"FEATURE_SECURE_PROCESSING|ACCESS_EXTERNAL_DTD|SUPPORT_DTD|IS_SUPPORTING_EXTERNAL_ENTITIES|"
    r"load-external-dtd|setExpandEntityReferences\s*\(\s*false"
)


def _java_factory(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if _JAVA_HARDENED.search(text):
        return False
    return (
        f"`{match.group('at')}` resolves external entities unless DOCTYPEs are disallowed, "
        "and nothing in this file does so."
    )


XXE_PATTERNS = (
    Pattern(
        XXE_ID,
        _JVM,
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

XXE_RULE = Rule(
    id=XXE_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="XML parser resolves external entities (XXE)",
    rationale=(
        "A parser that expands external entities lets an uploaded or posted XML document "
        'say `<!ENTITY x SYSTEM "file:///etc/passwd">` and get the file\'s content back in '
        "the parsed result — application secrets, cloud credentials from "
        "`http://169.254.169.254/`, internal services reached from inside the network — and "
        "a billion-laughs document exhausts the server's memory."
    ),
    fix=(
        'Disallow DOCTYPEs: Java `factory.setFeature("http://apache.org/xml/features/'
        'disallow-doctype-decl", true)` (or `XMLInputFactory.SUPPORT_DTD` false); drop '
        "`LIBXML_NOENT`/`noent`; in Python use `defusedxml` and keep lxml's "
        "`resolve_entities=False`."
    ),
    languages=("python", "javascript", "typescript", "java", "kotlin", "ruby", "php"),
    positive=(
        RuleCase(
            path="app/imports.py",
            code=(
                "from lxml import etree\n\n"
                "def load(data):\n"
                "    parser = etree.XMLParser(resolve_entities=True)\n"
                "    return etree.fromstring(data, parser)\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="server/import.js",
            code="const doc = libxmljs.parseXml(body, { noent: true });\n",
            lines=(1,),
        ),
        RuleCase(
            path="src/server/import.ts",
            code="export const doc = libxml.parseXmlString(xml, { noent: true, dtdload: true });\n",
            lines=(1,),
        ),
        RuleCase(
            path="src/main/java/com/acme/Import.java",
            code=(
                "class Import {\n"
                "  Document read(InputStream in) throws Exception {\n"
                "    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();\n"
                "    return f.newDocumentBuilder().parse(in);\n"
                "  }\n"
                "}\n"
            ),
            lines=(3,),
        ),
        RuleCase(
            path="src/main/kotlin/com/acme/Import.kt",
            code="val factory = XMLInputFactory.newInstance()\n",
            lines=(1,),
        ),
        RuleCase(
            path="app/services/import.rb",
            code="doc = Nokogiri::XML(body) { |config| config.strict.noent }\n",
            lines=(1,),
        ),
        RuleCase(
            path="app/Services/Import.php",
            code="<?php\n$doc = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NOENT);\n",
            lines=(2,),
        ),
    ),
    negative=(
        RuleCase(
            path="app/imports.py",
            code=(
                "from lxml import etree\n\n"
                "def load(data):\n"
                "    parser = etree.XMLParser(resolve_entities=False, no_network=True)\n"
                "    return etree.fromstring(data, parser)\n"
            ),
        ),
        RuleCase(
            path="server/import.js",
            code="const doc = libxmljs.parseXml(body, { noent: false });\n",
        ),
        RuleCase(
            path="src/main/java/com/acme/Import.java",
            code=(
                "class Import {\n"
                "  Document read(InputStream in) throws Exception {\n"
                "    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();\n"
                '    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);\n'
                "    return f.newDocumentBuilder().parse(in);\n"
                "  }\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="app/services/import.rb",
            code="doc = Nokogiri::XML(body) { |config| config.strict.nonet }\n",
        ),
        RuleCase(
            path="app/Services/Import.php",
            code="<?php\n$doc = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NONET);\n",
        ),
    ),
)

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

SSRF_RULE = Rule(
    id=SSRF_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="Server fetches a URL taken from the request (SSRF)",
    rationale=(
        "The server requests whatever URL the caller supplies, from inside the network. An "
        "attacker points it at `http://169.254.169.254/latest/meta-data/iam/` to read the "
        "cloud instance's credentials, at `http://localhost:6379/` or internal admin panels "
        "that trust the private network, or at `file:///` paths — the response or its "
        "timing comes back to them. Capital One's 2019 breach started exactly this way."
    ),
    fix=(
        "Do not fetch arbitrary URLs: map the request to a fixed set of destinations (an id "
        "that selects a configured URL), or validate the parsed URL against an allow-list of "
        "hosts and schemes, resolve it and reject private, loopback and link-local addresses "
        "(and re-check after redirects, or disable them)."
    ),
    languages=("python", "javascript", "typescript", "go", "java", "kotlin", "ruby", "php"),
    positive=(
        RuleCase(
            path="app/views.py",
            code=(
                "import requests\n\n"
                "def preview(request):\n"
                "    url = request.GET.get('url')\n"
                "    page = requests.get(url, timeout=5)\n"
                "    return requests.post(request.POST['hook'], json={}, timeout=5)\n"
            ),
            lines=(5, 6),
        ),
        RuleCase(
            path="server/routes/preview.js",
            code=(
                "router.get('/preview', async (req, res) => {\n"
                "  const page = await axios.get(req.query.url);\n"
                "  res.json(page.data);\n"
                "});\n"
            ),
            lines=(2,),
        ),
        RuleCase(
            path="src/routes/preview.ts",
            code=(
                "app.post('/hook', async (req, res) => {\n"
                "  const target = new URL(req.body.callback);\n"
                "  await fetch(target, { method: 'POST' });\n"
                "});\n"
            ),
            lines=(3,),
        ),
        RuleCase(
            path="internal/web/preview.go",
            code=(
                "package web\n\n"
                "func preview(w http.ResponseWriter, r *http.Request) {\n"
                '\tresp, _ := http.Get(r.URL.Query().Get("url"))\n'
                "\t_ = resp\n"
                "}\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="src/main/java/com/acme/Preview.java",
            code=(
                "class Preview {\n"
                '  @GetMapping("/preview")\n'
                "  String preview(@RequestParam String url) {\n"
                "    return restTemplate.getForObject(url, String.class);\n"
                "  }\n"
                "}\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="src/main/kotlin/com/acme/Preview.kt",
            code=(
                "fun preview(request: HttpServletRequest): String {\n"
                '    val u = request.getParameter("url")\n'
                "    return URL(u).readText()\n"
                "}\n"
            ),
            lines=(3,),
        ),
        RuleCase(
            path="app/controllers/preview_controller.rb",
            code=(
                "class PreviewController < ApplicationController\n"
                "  def show\n"
                "    body = Net::HTTP.get(URI(params[:url]))\n"
                "    render plain: HTTParty.get(params[:other]).body\n"
                "  end\n"
                "end\n"
            ),
            lines=(3, 4),
        ),
        RuleCase(
            path="public/preview.php",
            code="<?php\n$page = file_get_contents($_GET['url']);\n",
            lines=(2,),
        ),
    ),
    negative=(
        RuleCase(
            path="app/views.py",
            code=(
                "import requests\n\n"
                "def user(request):\n"
                "    uid = request.GET['id']\n"
                "    return requests.get(f'https://api.example.com/users/{uid}', timeout=5)\n"
            ),
        ),
        RuleCase(
            path="server/routes/preview.js",
            code=(
                "router.get('/u', async (req, res) => {\n"
                "  const u = await axios.get(`${API}/users/${req.params.id}`);\n"
                "  res.json(u.data);\n"
                "});\n"
            ),
        ),
        RuleCase(
            path="internal/web/preview.go",
            code=(
                "package web\n\n"
                "func preview(w http.ResponseWriter, r *http.Request) {\n"
                '\tresp, _ := http.Get(apiBase + "/users/" + r.FormValue("id"))\n'
                "\t_ = resp\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="src/main/java/com/acme/Preview.java",
            code=(
                "class Preview {\n"
                "  String preview(@RequestParam String id) {\n"
                '    return restTemplate.getForObject(BASE + "/items/" + id, String.class);\n'
                "  }\n"
                "}\n"
            ),
        ),
        RuleCase(
            # A configured base URL, a constant table of destinations and a helper's
            # parameter: the request picks at most a path or an entry, never the host.
            path="src/main/java/com/acme/Items.java",
            code=(
                "class Items {\n"
                '  @GetMapping("/items/{id}")\n'
                "  String item(@PathVariable String id) {\n"
                '    return client.getForObject(props.getBaseUrl() + "/items/" + id, String.class);\n'  # noqa: E501
                "  }\n"
                "  String fetch(String url) {\n"
                "    return restTemplate.getForObject(url, String.class);\n"
                "  }\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="server/routes/hooks.js",
            code=(
                "const express = require('express');\n"
                "const HOOKS = { slack: 'https://hooks.slack.com/x', teams: 'https://teams/x' };\n"
                "async function ping(url) {\n"
                "  return axios.get(url);\n"
                "}\n"
                "router.post('/notify', async (req, res) => {\n"
                "  await axios.post(HOOKS[req.body.channel], { text: 'hi' });\n"
                "  await fetch(`${config.apiBase}/users/${req.params.id}`);\n"
                "  res.json({ ok: true });\n"
                "});\n"
            ),
        ),
        RuleCase(
            path="app/views.py",
            code=(
                "import requests\n\n"
                "def download(url):\n"
                "    return requests.get(url, timeout=5)\n\n"
                "def avatar(request):\n"
                "    uid = request.GET['id']\n"
                "    return requests.get(settings.CDN + '/avatars/' + uid, timeout=5)\n"
            ),
        ),
        RuleCase(
            path="app/controllers/preview_controller.rb",
            code=(
                "class PreviewController < ApplicationController\n"
                "  def show\n"
                '    body = Net::HTTP.get(URI("https://api.example.com/#{params[:id]}"))\n'
                "  end\n"
                "end\n"
            ),
        ),
        RuleCase(
            path="public/preview.php",
            code="<?php\n$page = file_get_contents('https://api.example.com/' . $_GET['id']);\n",
        ),
    ),
)

# --- route-missing-auth-guard ---------------------------------------------------------------

AUTH_ID = "route-missing-auth-guard"


@dataclass(frozen=True)
class RouteGuards:
    line: int
    label: str  # path or handler name, for the detail and the public-endpoint test
    group: str  # routes are compared only with siblings of the same group
    guards: frozenset[str]


def missing_guards(routes: list[RouteGuards]) -> Iterator[tuple[RouteGuards, str]]:
    """Routes lacking an auth guard that every sibling (two or more) carries."""
    for route in routes:
        others = [r for r in routes if r is not route and r.group == route.group]
        if len(others) < 2 or is_public(route.label):
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
                line_of(text, match.start()), label, "", frozenset(names & _SECURITY_ANNOTATIONS)
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


AUTH_RULE = Rule(
    id=AUTH_ID,
    category=Category.SECURITY,
    severity=Severity.MEDIUM,
    title="New route without the authentication guard its siblings use",
    rationale=(
        "Every other route in this file requires an authenticated caller, and this one does "
        "not: anyone on the internet can call it. New endpoints are where this slips in — "
        "the handler is copied without its middleware or annotation, tests call it with a "
        "logged-in client and pass, and the data or action behind it is exposed. Some "
        "endpoints are public on purpose (sign-up, webhooks, health checks); paths that "
        "look like those are not reported, and a deliberate exception deserves a "
        "`bastion: ignore[route-missing-auth-guard]` comment saying so."
    ),
    fix=(
        "Add the same guard as the neighbouring routes (`requireAuth` middleware, "
        "`Depends(get_current_user)`, `@login_required`, `@PreAuthorize(...)`, "
        "`permission_classes = [IsAuthenticated]`), or better, apply it once to the router, "
        "blueprint or controller so new routes are covered by default."
    ),
    languages=("python", "javascript", "typescript", "java", "kotlin"),
    positive=(
        RuleCase(
            path="server/routes/users.js",
            code=(
                "router.get('/users', requireAuth, listUsers);\n"
                "router.get('/users/:id', requireAuth, getUser);\n"
                "router.delete('/users/:id', requireAuth, requireAdmin, deleteUser);\n"
                "router.post('/users/:id/export', exportUser);\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="src/routes/orders.ts",
            code=(
                "router.get('/orders', authenticate, list);\n"
                "router.get('/orders/:id', authenticate, show);\n"
                "router.patch('/orders/:id', update);\n"
            ),
            lines=(3,),
        ),
        RuleCase(
            path="app/api/items.py",
            code=(
                "from fastapi import APIRouter, Depends\n"
                "router = APIRouter()\n\n"
                '@router.get("/items")\n'
                "def list_items(user=Depends(get_current_user)):\n"
                "    return []\n\n"
                '@router.get("/items/{item_id}")\n'
                "def get_item(item_id: int, user=Depends(get_current_user)):\n"
                "    return {}\n\n"
                '@router.delete("/items/{item_id}")\n'
                "def delete_item(item_id: int):\n"
                "    return None\n"
            ),
            lines=(13,),
        ),
        RuleCase(
            path="app/api/views.py",
            code=(
                "from rest_framework.permissions import AllowAny\n\n"
                "class ExportView(APIView):\n"
                "    permission_classes = [AllowAny]\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="src/main/java/com/acme/UserController.java",
            code=(
                "@RestController\n"
                '@RequestMapping("/users")\n'
                "class UserController {\n"
                "  @PreAuthorize(\"hasRole('ADMIN')\")\n"
                "  @GetMapping\n"
                "  List<User> list() { return repo.findAll(); }\n\n"
                '  @GetMapping("/{id}")\n'
                '  @PreAuthorize("isAuthenticated()")\n'
                "  User get(@PathVariable long id) { return repo.find(id); }\n\n"
                '  @DeleteMapping("/{id}")\n'
                "  void delete(@PathVariable long id) { repo.delete(id); }\n"
                "}\n"
            ),
            lines=(12,),
        ),
        RuleCase(
            path="src/main/kotlin/com/acme/UserController.kt",
            code=(
                "@RestController\n"
                "class UserController {\n"
                '    @Secured("ROLE_USER") @GetMapping("/a") fun a() = 1\n'
                '    @Secured("ROLE_USER") @GetMapping("/b") fun b() = 2\n'
                '    @PostMapping("/c") fun c() = 3\n'
                "}\n"
            ),
            lines=(5,),
        ),
    ),
    negative=(
        RuleCase(
            path="server/routes/users.js",
            code=(
                "router.get('/users', requireAuth, listUsers);\n"
                "router.get('/users/:id', requireAuth, getUser);\n"
                "router.post('/login', login);\n"
                "router.post('/users/:id/export', requireAuth, exportUser);\n"
            ),
        ),
        RuleCase(
            path="app/api/items.py",
            code=(
                "from flask import Blueprint\n"
                "bp = Blueprint('items', __name__)\n\n"
                "@bp.route('/items')\n"
                "@login_required\n"
                "def items():\n"
                "    return []\n\n"
                "@bp.route('/items/<int:i>')\n"
                "@login_required\n"
                "def item(i):\n"
                "    return {}\n\n"
                "@bp.route('/health')\n"
                "def health():\n"
                "    return 'ok'\n"
            ),
        ),
        RuleCase(
            path="app/api/views.py",
            code=(
                "from rest_framework.permissions import AllowAny\n\n"
                "class SignupView(APIView):\n"
                "    permission_classes = [AllowAny]\n"
            ),
        ),
        RuleCase(
            path="src/main/java/com/acme/UserController.java",
            code=(
                "@RestController\n"
                '@PreAuthorize("isAuthenticated()")\n'
                "class UserController {\n"
                "  @GetMapping List<User> list() { return repo.findAll(); }\n"
                '  @GetMapping("/{id}") User get(@PathVariable long id) { return null; }\n'
                '  @DeleteMapping("/{id}") void delete(@PathVariable long id) { }\n'
                "}\n"
            ),
        ),
    ),
)

# --- php-cors-any-origin-with-credentials ---------------------------------------------------

PHP_CORS_ID = "php-cors-any-origin-with-credentials"


def _laravel_cors(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if not re.search(r"['\"]supports_credentials['\"]\s*=>\s*true\b", text):
        return False
    return (
        "`allowed_origins` is `*` and `supports_credentials` is true: the CORS middleware "
        "echoes back any caller's origin."
    )


PHP_CORS_PATTERNS = (
    Pattern(
        PHP_CORS_ID,
        _PHP,
        re.compile(r"['\"](?P<at>allowed_origins)['\"]\s*=>\s*(?:\[|array\()\s*['\"]\*['\"]"),
        _laravel_cors,
    ),
)

PHP_CORS_RULE = Rule(
    id=PHP_CORS_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="CORS allows any origin together with credentials",
    rationale=(
        "With `allowed_origins => ['*']` and `supports_credentials => true`, Laravel's CORS "
        "middleware answers every site with that site's own origin and "
        "`Access-Control-Allow-Credentials: true`. Any page a logged-in user visits can then "
        "call the API with their session cookie and read the answers — their data, CSRF "
        "tokens, anything the session can see — and act as them."
    ),
    fix=(
        "List the front-end origins: `'allowed_origins' => [env('FRONTEND_URL')]` (or "
        "`allowed_origins_patterns` anchored to your domain), or turn credentials off for a "
        "public API."
    ),
    languages=("php",),
    positive=(
        RuleCase(
            path="config/cors.php",
            code=(
                "<?php\n\nreturn [\n"
                "    'paths' => ['api/*'],\n"
                "    'allowed_origins' => ['*'],\n"
                "    'supports_credentials' => true,\n"
                "];\n"
            ),
            lines=(5,),
        ),
    ),
    negative=(
        RuleCase(
            path="config/cors.php",
            code=(
                "<?php\n\nreturn [\n"
                "    'allowed_origins' => ['*'],\n"
                "    'supports_credentials' => false,\n"
                "];\n"
            ),
        ),
    ),
)

# --- checks -----------------------------------------------------------------------------------

# Languages whose XSS and SSRF findings come from flows only (h10-langs2): C# and Scala
# had no pattern here. The other languages keep their patterns until their switch.
_FLOW_ONLY = frozenset({"csharp", "scala"})


# Where `bot.rules.taint` follows request input; there the injection claims come from flows.
_FLOW_LANGUAGES = frozenset({"python", "javascript", "typescript", "java", "go", "ruby", "php"})


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


class WeakCipher(CrossLanguageCheck):
    name = "security:weak-cipher"
    rules = (CIPHER_RULE,)
    languages = frozenset(CIPHER_RULE.languages)
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


class Xxe(CrossLanguageCheck):
    name = "security:xxe"
    rules = (XXE_RULE,)
    languages = frozenset(XXE_RULE.languages)
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
    hint = re.compile(r"allowed_origins")


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
