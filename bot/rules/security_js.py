"""The code-evaluation and JWT rules across JS/TS, Ruby, PHP and the JVM languages
(`eval-injection`, `jwt-verification-disabled`), as regex patterns over the file's
comment-blanked text (`bot.rules.lib.patterns`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from bot import lazyre as re
from bot.models import ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, catalog_rule, join_detail
from bot.rules.lib.cli_scripts import command_line_only
from bot.rules.lib.code_text import (
    call_arguments,
    dynamic_part,
    is_string_literal,
    short,
)
from bot.rules.lib.patterns import Pattern, PatternCheck
from bot.rules.taint.api import flow_hits
from bot.rules.taint.checks import function_spans
from bot.select import is_test_path

# --- eval-injection ---------------------------------------------------------------------

EVAL_ID = "eval-injection"
_JS = frozenset({"javascript", "typescript"})


# Possessive runs: `async` and a blank run before `=>` backtracked cubically.
_FUNCTION_START = re.compile(r"^(?:async\s++)?(?:function\b|\(?[\w, ]*+\)?\s*+=>)")


def _non_literal_first(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    language = file.language or ""
    args = call_arguments(text, match.end() - 1, language)
    if not args:
        return False
    first = args[0].strip()
    if is_string_literal(first, language) or first.startswith("<<"):  # Ruby heredoc
        return False
    if _FUNCTION_START.match(first):  # setTimeout(() => …)
        return False
    return f"The code evaluated here is `{short(first)}`, a value computed at run time."


def _timer(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    """A string (not a function) given to setTimeout/setInterval is evaluated; only one
    with a value spliced in is worth a finding."""
    args = call_arguments(text, match.end() - 1, file.language or "")
    if not args or _FUNCTION_START.match(args[0].strip()):
        return False  # a callback: the strings inside its body are never evaluated
    found = dynamic_part(args[0], file.language or "")
    return f"The timer evaluates a string built from `{short(found)}`." if found else False


def _new_function(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    language = file.language or ""
    args = call_arguments(text, match.end() - 1, language)
    for arg in args:
        if not is_string_literal(arg, language):
            return f"The function body or parameters come from `{short(arg)}`."
    return False


# `%w[group user].each do |model|` (or `%i[...]`, `[:a, "b"].each { |model| ...`): the block
# variable only ever holds one of the words written there.
_WORD_LOOP = (
    r"(?:%[wiWI](?:\[[^\]]*\]|\([^)]*\)|\{{[^}}]*\}})|\[[\s\w:'\",]*\])"
    r"\s*\.\s*each(?:_with_index)?\s*(?:do\s*|\{{\s*)\|\s*{name}\s*[|,]"
)
_INTERPOLATION = re.compile(r"#\{([^}]*)\}")


def _fixed_words_only(argument: str, before: str) -> bool:
    """A code string whose every `#{...}` is the variable of an enclosing loop over a
    literal word list (`%w[group user].each do |model| class_eval %{def #{model}_ids=...}`):
    the code is one of a few fixed texts, metaprogramming rather than evaluated input."""
    if not argument.startswith(("%", '"', "<<")):
        return False
    names = _INTERPOLATION.findall(argument)
    if not names:
        return False
    for name in set(names):
        if not re.fullmatch(r"[a-z_]\w*", name.strip()):
            return False
        loop = re.compile(_WORD_LOOP.format(name=re.escape(name.strip())))
        if not loop.search(before[-4000:]):
            return False
    return True


def _ruby_eval(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    rest = text[match.end() :]
    if match.group("paren"):
        args = call_arguments(text, match.end() - 1, "ruby")
        first = args[0].strip() if args else ""
        # `instance_eval(&condition)`: a block (a Proc written in the code), not text.
        if re.match(r"&(?!&)\s*[\w:@.]+$", first):
            return False
        if _fixed_words_only(first, text[: match.start()]):
            return False
        return _non_literal_first(match, text, file)
    argument = rest.split("\n", 1)[0].strip()
    if not argument or argument.startswith(("do", "{", "<<", "&")):
        return False
    first = argument.split(",")[0].strip()
    if is_string_literal(first, "ruby"):
        return False
    return f"The code evaluated here is `{short(first)}`, a value computed at run time."


EVAL_PATTERNS = (
    Pattern(EVAL_ID, _JS, re.compile(r"(?<![\w$.])(?P<at>eval)\s*\("), _non_literal_first),
    Pattern(EVAL_ID, _JS, re.compile(r"(?<![\w$.])(?P<at>set(?:Timeout|Interval))\s*\("), _timer),
    Pattern(
        EVAL_ID,
        _JS,
        re.compile(r"\bvm\.(?P<at>run(?:InNewContext|InThisContext|InContext))\s*\("),
        _non_literal_first,
    ),
    Pattern(EVAL_ID, _JS, re.compile(r"\bnew\s+(?P<at>Function)\s*\("), _new_function),
    Pattern(
        EVAL_ID,
        frozenset({"php"}),
        re.compile(r"(?<![\w$>:])(?P<at>eval)\s*\("),
        _non_literal_first,
    ),
    Pattern(
        EVAL_ID,
        frozenset({"php"}),
        re.compile(r"(?<![\w$>:])(?P<at>create_function)\s*\("),
        _new_function,
    ),
    Pattern(
        EVAL_ID,
        frozenset({"ruby"}),
        re.compile(
            r"(?<![\w:])(?P<at>(?:instance_|class_|module_)eval|(?<!\.)eval)(?:(?P<p"
            r"aren>\()|[ \t]+)"
        ),
        _ruby_eval,
    ),
)

EVAL_RULE = catalog_rule(EVAL_ID)

# --- jwt-verification-disabled --------------------------------------------------------------

JWT_ID = "jwt-verification-disabled"

# `jwt.decode` alone is fine for reading `exp` before a refresh; it is the bug when the
# same file takes the payload as the caller's identity and never verifies anywhere.
_JWT_TRUSTED = re.compile(r"\breq\.(?:user|auth)\s*=|\bnext\s*\(|\.(?:sub|role|roles|isAdmin)\b")
_JWT_VERIFIED = re.compile(r"\b(?:verify|jwtVerify)\s*\(")
# A file that imports a JWT library: its `jwt.decode` is that library's.
_JS_JWT_LIBRARY = re.compile(r"""['"](?:jsonwebtoken|jose|jws|jwt-simple|jwt-decode)['"]""")

JWT_PATTERNS = (
    Pattern(
        JWT_ID,
        _JS,
        re.compile(r"\b(?P<at>algorithms)\s*:\s*\[[^\]]*['\"`]none['\"`]", re.IGNORECASE),
        lambda m, t, f: "`none` is in the accepted algorithms: unsigned tokens verify.",
    ),
    Pattern(
        JWT_ID,
        _JS,
        # The library's module (`jwt.decode`), not a property of the app's own object
        # (`this.app.authManager.jwt.decode(token)`, a service that verifies).
        re.compile(r"(?<![\w.$])(?:jwt|jsonwebtoken|jose)\.(?P<at>decode|decodeJwt)\s*\("),
        lambda m, t, f: (
            f"`{m.group('at')}` reads the token without checking its signature, and this "
            "file trusts what it reads."
            if _JWT_TRUSTED.search(t) and not _JWT_VERIFIED.search(t) and _JS_JWT_LIBRARY.search(t)
            else False
        ),
    ),
    Pattern(
        JWT_ID,
        frozenset({"go"}),
        re.compile(r"\bjwt\.(?P<at>UnsafeAllowNoneSignatureType|SigningMethodNone)\b"),
        lambda m, t, f: f"`jwt.{m.group('at')}` lets a token with `alg: none` through.",
    ),
    Pattern(
        JWT_ID,
        frozenset({"java", "kotlin"}),
        re.compile(
            r"\.(?P<at>parseClaimsJwt|parseUnsecuredClaims|unsecured)\s*\(|\bAlgorit"
            r"hm\.(?P<none>none)\s*\("
        ),
        lambda m, t, f: "This accepts tokens that carry no signature at all.",
    ),
    Pattern(
        JWT_ID,
        frozenset({"java", "kotlin"}),
        # auth0 java-jwt: `JWT.decode` only parses; in a file that never verifies a token
        # (`JWT.require(...)...verify`), its claims are trusted unchecked.
        re.compile(r"\bJWT\.(?P<at>decode)\s*\("),
        lambda m, t, f: (
            False
            if re.search(r"\.verify\s*\(|JWT\.require\s*\(", t)
            else "`JWT.decode` reads the claims without checking the signature."
        ),
    ),
    Pattern(
        JWT_ID,
        frozenset({"ruby"}),
        re.compile(r"\bJWT\.(?P<at>decode)\s*\("),
        lambda m, t, f: (
            "`JWT.decode` is called with verification off (third argument `false`)."
            if len(a := call_arguments(t, m.end() - 1, "ruby")) >= 3 and a[2].strip() == "false"
            else False
        ),
    ),
    Pattern(
        JWT_ID,
        frozenset({"ruby", "php"}),
        re.compile(
            r"\b(?P<at>algorithms?)['\"]?\s*(?::|=>)\s*\[?\s*['\"]none['\"]|"
            r"JWT::decode\s*\([^;\n]*(?P<arr>\[\s*)['\"]none['\"]",
            re.IGNORECASE,
        ),
        lambda m, t, f: "`none` is an accepted algorithm: a token without a signature passes.",
    ),
    Pattern(
        JWT_ID,
        frozenset({"scala"}),
        # jwt-scala: `JwtJson.decodeJson(token, JwtOptions(signature = false))`.
        re.compile(r"\b(?P<at>JwtOptions)\s*\([^)\n]*\bsignature\s*=\s*false\b"),
        lambda m, t, f: "`JwtOptions(signature = false)`: the token's signature is not checked.",
    ),
    Pattern(
        JWT_ID,
        frozenset({"php"}),
        # The claims read by hand from the token's middle part: nothing checks the signature.
        # The parts may be split first (`$parts = explode('.', $token)`, then `$parts[1]`).
        re.compile(
            r"\b(?P<at>base64_decode)\s*\(\s*(?:strtr\s*\(|str_replace\s*\([^;\n]{0,40},)?\s*"
            r"(?:explode\s*\(\s*['\"]\.['\"]\s*,\s*\$\w+\s*\)|\$(?P<parts>\w+))\s*\[\s*1\s*\]"
        ),
        lambda m, t, f: (
            False
            if re.search(r"JWT::decode\s*\(|hash_hmac\s*\(|openssl_verify\s*\(", t)
            or (
                m.group("parts") is not None
                and not re.search(rf"\${m.group('parts')}\s*=\s*explode\s*\(\s*['\"]\.['\"]", t)
            )
            else "The token's claims are decoded by hand and its signature is never checked."
        ),
    ),
    Pattern(
        JWT_ID,
        frozenset({"php"}),
        # The middle part copied to a variable first (`$payload = strtr($parts[1], '-_',
        # '+/')`, then `base64_decode($payload)`).
        re.compile(r"\b(?P<at>base64_decode)\s*\(\s*\$(?P<var>\w+)\s*\)"),
        lambda m, t, f: _php_claims_variable(m, t),
    ),
)


@lru_cache(maxsize=16)
def _php_verifies(text: str) -> bool:
    return re.search(r"JWT::decode\s*\(|hash_hmac\s*\(|openssl_verify\s*\(", text) is not None


@lru_cache(maxsize=64)
def _split_token(text: str, parts: str) -> bool:
    """`$parts = explode('.', $token)` somewhere in the file."""
    return re.search(rf"\${parts}\s*=\s*explode\s*\(\s*['\"]\.['\"]", text) is not None


def _php_claims_variable(match: re.Match[str], text: str) -> str | bool:
    # Whole-file facts are looked up once per file, however many decodes it holds.
    if _php_verifies(text):
        return False
    var = match.group("var")
    start = match.start()
    made = re.search(rf"\${var}\s*=\s*([^;\n]+)", text[max(0, start - 2000) : start])
    if made is None:
        return False
    part = re.search(r"\$(\w+)\s*\[\s*1\s*\]", made.group(1))
    if part is None or not _split_token(text, part.group(1)):
        return False
    return "The token's claims are decoded by hand and its signature is never checked."


JWT_RULE = catalog_rule(JWT_ID)

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})


_SHAPE_ONLY = (
    "No request value was traced to this text within the function, so this is in the "
    "summary: whether outside input can reach it depends on code the change does not show."
)


class EvalInjection(PatternCheck):
    """In PHP and Ruby a computed `eval` is reported from its shape (JS/TS from flows);
    a command-line script that reads no request is left out: what it evaluates comes
    from whoever runs it."""

    name = "security:eval-injection"
    rules = (EVAL_RULE,)
    languages = frozenset({"javascript", "typescript", "php", "ruby"})
    kinds = _CODE_KINDS
    patterns = EVAL_PATTERNS
    hint = re.compile(r"eval|Function|setTimeout|setInterval|\bvm\.|create_function")
    flow_languages = _JS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if file.language in ("php", "ruby") and command_line_only(file):
            return []
        hits = super().check_file(file)
        if file.language not in ("php", "ruby"):
            return hits
        # The shape alone says only that the text is computed; the flow check of the same
        # rule reports (inline, at the same line) when request input reaches it. What is
        # left is metaprogramming over names the code picks, as a rule: summary.
        return [
            replace(hit, severity=Severity.INFO, detail=join_detail(hit.detail, _SHAPE_ONLY))
            for hit in hits
        ]


class JwtVerificationDisabled(PatternCheck):
    name = "security:jwt-verification-disabled"
    rules = (JWT_RULE,)
    languages = frozenset(
        {"javascript", "typescript", "go", "java", "kotlin", "ruby", "php", "scala"}
    )
    kinds = _CODE_KINDS
    patterns = JWT_PATTERNS
    hint = re.compile(
        r"none|None|parseClaimsJwt|parseUnsecuredClaims|unsecured|JWT\.decode|\.decode(?:Jwt)?\s*\("
        r"|JwtOptions"
        r"|explode\s*\(\s*['\"]\.['\"]"
    )

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        hits = list(super().check_file(file))
        if file.language not in _JWT_FLOW_LANGUAGES or is_test_path(file.path):
            return hits
        lines: list[str] | None = None
        spans: list[tuple[int, int]] | None = None
        for hit in flow_hits(file, {JWT_ID}):
            if _app_service_decode(hit, file):
                continue
            lines = file.visible_text().splitlines() if lines is None else lines
            spans = function_spans(file, lines) if spans is None else spans
            if not _verified_in_function(lines, spans, hit.line):
                hits.append(hit)
        return hits


# Where a request's token is read unverified and the file does verify elsewhere (another
# middleware), only the flow shows the problem; reading `kid` or `iss` before verifying the
# same token in the same function is the safe way to pick a key.
_JWT_FLOW_LANGUAGES = frozenset({"javascript", "typescript", "go", "java", "kotlin"})
_VERIFIES = re.compile(
    r"\b(?:verify|verifyAsync|jwtVerify|ParseWithClaims|verifyWith|setSigningKey)\s*\("
    r"|\bJWT\.require\s*\(|\bjwt\.Parse\s*\("
)


_SINK = re.compile(r"reaches `([^`]+)`")
_NEST_JWT = re.compile(r"""['"]@nestjs/jwt['"]""")


def _app_service_decode(hit: Hit, file: ChangedFile) -> bool:
    """A JS/TS `decode` that is not a JWT library's: `jwt.decode` in a file that imports
    none (`const jwt = this.app.authManager.jwt`, the application's own service, which may
    verify), or `this.jwt.decode` outside a file that imports NestJS's `JwtService`."""
    sink = _SINK.search(hit.title or "")
    if sink is None or file.language not in ("javascript", "typescript"):
        return False
    text = file.visible_text()
    if sink.group(1).split(".", 1)[0] in ("jwt", "jsonwebtoken", "jose"):
        return not _JS_JWT_LIBRARY.search(text)
    return not _NEST_JWT.search(text)


def _verified_in_function(lines: list[str], spans: list[tuple[int, int]], line: int) -> bool:
    span = next((s for s in spans if s[0] <= line <= s[1]), None)
    if span is None:
        return False
    return any(_VERIFIES.search(text) for text in lines[span[0] - 1 : span[1]])


CHECKS: list[Check] = [EvalInjection(), JwtVerificationDisabled()]
