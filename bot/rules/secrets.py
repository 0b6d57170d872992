"""Secrets committed in a change (`secret-literal`), on added lines of any backend file.

detect-secrets' detectors are used as plain objects, line by line: its `scan_diff`
drops files that do not exist in the working directory, and its global settings
would also switch on network verification. The high-entropy detectors are left out
(they flag hashes, ids and base64 fixtures by the hundred); our own patterns add
the tokens detect-secrets does not know (OpenAI project keys, Anthropic, Google,
npm, fine-grained GitHub tokens, credentials in URLs). Placeholders (`changeme`,
`${DB_PASSWORD}`, `<your-token>`, AWS's documented example key …) are not secrets.

The secret itself never leaves this module: findings carry a masked prefix only.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Any

from bot import lazyre as re

# detect-secrets (and the HTTP stack its plugin base imports) costs ~0.1 s to import,
# so it is loaded only once an added line passes the cheap pre-filters below.
from bot.models import ChangedFile, Severity
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.loader import builtin_catalog
from bot.select import is_test_path

RULE_ID = "secret-literal"
_KEYWORD_LABEL = "hard-coded password or secret"
_MIN_LOOSE_LENGTH = 6  # shorter keyword/URL values are placeholders or test data
_ALLOWLIST_MARK = "pragma: allowlist secret"  # detect-secrets' own inline allowlist


@dataclass(frozen=True)
class TokenPattern:
    label: str
    anchors: tuple[str, ...]  # the regex runs only on lines holding one of these
    regex: re.Pattern[str]
    group: int = 0
    loose: bool = False  # the value has no fixed shape: apply the placeholder filters


def _p(
    label: str, anchors: str, pattern: str, group: int = 0, *, loose: bool = False
) -> TokenPattern:
    return TokenPattern(label, tuple(anchors.split()), re.compile(pattern), group, loose)


# Most specific first: the first pattern that matches names the finding.
_OWN_PATTERNS: tuple[TokenPattern, ...] = (
    _p("private key", "PRIVATE", r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
    _p("Anthropic API key", "sk-", r"\bsk-ant-[A-Za-z0-9]+\d*-[A-Za-z0-9_-]{20,}"),
    _p("OpenAI API key", "sk-", r"\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}"),
    _p("OpenAI API key", "sk-", r"\bsk-[A-Za-z0-9]{40,}(?![\w-])"),
    _p("Google API key", "AIza", r"\bAIza[0-9A-Za-z_-]{35}(?![\w-])"),
    _p("npm access token", "npm_", r"\bnpm_[A-Za-z0-9]{36}(?!\w)"),
    _p(
        "GitHub token",
        "ghp_ gho_ ghu_ ghs_ ghr_",
        r"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}(?!\w)",
    ),
    _p("GitHub fine-grained token", "github_pat_", r"\bgithub_pat_[A-Za-z0-9_]{50,}"),
    # Slack's tokens carry numeric ids (`xoxb-1234567890-...`); `xoxp-valid-slack-code`
    # in a test is a made-up stand-in of the same prefix.
    _p("Slack token", "xox", r"\bxox[abeoprs]-(?=[A-Za-z-]*\d)[A-Za-z0-9-]{10,}"),
    _p(
        "Slack webhook URL",
        "hooks.slack.com",
        r"https://hooks\.slack\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+",
    ),
    _p("Stripe live key", "_live_", r"\b(?:sk|rk)_live_[A-Za-z0-9]{16,}"),
    _p("AWS access key id", "AKIA ASIA", r"\b(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Z])"),
    _p(
        "AWS secret access key",
        "aws_secret awssecret AWS_SECRET AWSSECRET aws_Secret",
        r"(?i)aws_?secret_?access_?key\W{0,4}[=:]\W{0,3}([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])",
        1,
    ),
    # A key that signs or encrypts, under its name (`SIGNING_KEY = "…"`, `jwtKey: "…"`):
    # detect-secrets' keyword list knows `api_key` and `secret`, not these.
    _p(
        "hard-coded password or secret",
        "KEY Key key",
        r"(?i)(?<![\w.])\w{0,30}(?:signing|jwt|hmac|encryption|encrypt|cipher|master|webhook)"
        r"_?key\b[\"']?\s{0,3}(?::\s{0,3}[\w.\[\]]{1,30}\s{0,3})?(?:=|:)\s{0,3}[\"']([^\"'\s]{8,200})[\"']",
        1,
        loose=True,
    ),
    _p(
        "credentials in a URL",
        "://",
        r"\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://([^\s:/@'\"`]+):([^\s/@'\"`]+)@([^\s/'\"`:?#]+)",
        2,
        loose=True,
    ),
)

# A line is only handed to a detector if it holds one of these: most code lines hold
# none, and the detectors' regexes are what makes a big PR slow. The words are the
# stems of detect-secrets' keyword list.
_KEYWORD_STEMS = ("key", "pass", "pwd", "secret", "contrase")
_GATE_MARKS = (
    "://",
    "PRIVATE KEY",
    "AKIA",
    "ASIA",
    "ABIA",
    "ACCA",
    "A3T",
    "AIza",
    "sk-",
    "sk_",
    "rk_",
    "npm_",
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "ghr_",
    "github_pat_",
    "glpat-",
    "GR1348941",
    "xox",
    "eyJ",
    "SG.",
    "sq0",
    "pypi-",
    "AccountKey",
)
_LONG_RUN = re.compile(r"[\w-]{24,}")

_PLACEHOLDER_WORDS = (
    "example",
    "changeme",
    "change_me",
    "change-me",
    "placeholder",
    "dummy",
    "xxxx",
    "your_",
    "your-",
    "yourtoken",
    "yourkey",
    "yourpass",
    "redacted",
    "replace",
    "insert",
    "sample",
    "fake",
    "notreal",
    "not_real",
    "not-a-real",
    "not_a_real",
    "mock",
    "not-a-secret",
    "notasecret",
    "secret",
    "password",
    "passwd",
    "tiger",  # scott/tiger: the demo login of a generation of database manuals
    # `"somethingElseInProd"`, `"overrideInProduction"`: the value says production has another
    "inprod",
    "in_prod",
    "in-prod",
    "todo",
    "tbd",
    "****",
    "....",
    "…",
    "${",
    "#{",  # Ruby and CoffeeScript interpolation: the value is filled in at run time
    "{{",
    "%(",
    "<",
    "$(",
)
_REFERENCE = re.compile(
    r"^(?:os\.|env\.|settings\.|config\.|process\.env|ENV\[|getenv|environ|secrets\.|vault:|ref\+)"
    r"|^[A-Z][A-Z0-9_]{2,}$"  # the name of an environment variable, not its value
    r"|[()\[\]]|\s"
)
# `SECRET_KEY_PREFIX = "django-insecure-"`, `PASSWORD_FIELD_NAME = "pass"`: the name says
# the value describes a secret (its prefix, its form field, its header), not that it is one.
_DESCRIBING_NAME = re.compile(
    # after a declaration's modifiers and type (`private static final String`, `const`)
    r"""^\s*(?:[\w<>\[\]?]+\s+){0,6}["']?[\w.-]*?[_.-](?:prefix|suffix|name|field|header|param|label|pattern|regex"""
    r"""|format|template|length|env|env_var|var|scheme|type|scope|claim|property|key_name"""
    # `RESET_PASSWORD_TEMPLATE_ID = '8275…'`, `TOKEN_ENDPOINT = "user/token/%s"`: the id of
    # something about the secret, or where it is sent.
    r"""|id|endpoint|url|uri|path|route"""
    # `MISSING_CLIENT_SECRET_ERROR = "accounts.E002"`, `WEAK_PASSWORD_MSG = "..."`: the
    # id or text of a message about the secret (a system check's code, a form error).
    r"""|error|errors|warning|msg|message|hint|help|description|title|text)"""
    r"""["']?\s*(?::=|=|:)""",
    re.IGNORECASE,
)
# The same in camelCase (`hostSecretPath = "elasticsearch/…/private_host"`, `apiKeyName`):
# where the secret is kept or what it is called.
_DESCRIBING_CAMEL = re.compile(
    r"""^\s*(?:[\w<>\[\]?]+\s+){0,6}["']?[\w.-]{0,60}?[a-z0-9](?:Prefix|Suffix|Name|Field|Header"""
    r"""|Param|Label|Pattern|Path|Id|Endpoint|Url|Uri|Route|Ref|Arn|Env|Var)["']?\s*(?::=|=|:)"""
)
# Kubernetes and Helm name a Secret object by these keys (`secretName: argocd-tls`,
# `existingSecret: db-creds`, `secretKeyRef: {name: ..., key: password}`): the value is the
# name of where the secret is kept, not the secret.
_SECRET_REFERENCE = re.compile(
    r"""^\s*-?\s*["']?(?:\w*secretName|existingSecret\w*|secretRef|secretKeyRef|\w*SecretRef"""
    r"""|secretProviderClass|secretStoreRef)["']?\s*:""",
    re.IGNORECASE,
)
# A password hash or digest (`PasswordHash = "AQAAAAEAACcQ…"` in a seeded user) is what a
# store keeps instead of the password; it logs no one in.
_HASH_NAME = re.compile(
    r"""^\s*(?:[\w<>\[\]?]+\s+){0,6}["']?[\w.-]*?(?:hash|digest)["']?\s*(?::=|=|:)""", re.IGNORECASE
)
# The defaults a server's own image documents (`postgres`, MinIO's `minioadmin`, the JDK
# keystore's `changeit`): written in a config template they say "the stock account", and
# whether a deployment keeps it is not something the repository shows.
_DOCUMENTED_DEFAULTS = frozenset({"postgres", "minioadmin", "changeit", "rabbitmq", "keycloak"})
_LOCAL_HOSTS = re.compile(r"^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[?::1\]?|[\w.-]*example\.\w+)$")


RULE = catalog_rule(RULE_ID)


@dataclass(frozen=True)
class Detection:
    label: str
    value: str
    loose: bool


@lru_cache(maxsize=1)
def _heuristic() -> ModuleType:
    from detect_secrets.filters import heuristic

    return heuristic


@lru_cache(maxsize=1)
def _keyword() -> ModuleType:
    from detect_secrets.plugins import keyword

    return keyword


@lru_cache(maxsize=1)
def _plugins() -> tuple[tuple[str, Any], ...]:
    """Instances of the detect-secrets detectors we trust, with their labels."""
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class

    # The detectors are the rule's `check.codes` (rule.yml says which and why).
    trusted = builtin_catalog().codes["detect-secrets"]
    out: list[tuple[str, Any]] = []
    classes: Iterable[Any] = get_mapping_from_secret_type_to_class().values()
    for cls in classes:
        if cls.__name__ in trusted:
            out.append((cls.__name__, cls()))
    return tuple(sorted(out, key=lambda item: item[0]))


@lru_cache(maxsize=1)
def _keyword_detector() -> Any:
    return _keyword().KeywordDetector()


_CONFIG_LANGUAGES = {"dotenv": "CONFIG", "ini": "INI", "toml": "TOML"}
_CONFIG_LANGUAGES |= {"properties": "PROPERTIES", "yaml": "YAML"}


def keyword_patterns(path: str, language: str | None) -> dict[re.Pattern[str], int]:
    """detect-secrets' `password = …` patterns for this kind of file: config formats
    allow unquoted values, code needs quotes."""
    from detect_secrets.util.filetype import FileType, determine_file_type

    kind = _CONFIG_LANGUAGES.get(language or "")
    filetype = FileType[kind] if kind else determine_file_type(path)
    keyword = _keyword()
    patterns: dict[re.Pattern[str], int] = keyword.REGEX_BY_FILETYPE.get(
        filetype, keyword.QUOTES_REQUIRED_DENYLIST_REGEX_TO_GROUP
    )
    return patterns


def might_hold_secret(line: str) -> bool:
    """The union of every detector's pre-filter: a line failing it cannot be reported."""
    if not line or line.isspace():
        return False  # every anchor, mark and stem is visible text
    return bool(_ANCHORS.search(line)) or _token_shaped(line) or bool(_STEMS.search(line.lower()))


_ANCHORS = re.compile(
    "|".join(
        re.escape(a) for a in sorted({a for p in _OWN_PATTERNS for a in p.anchors}, key=len)[::-1]
    )
)
_MARKS = re.compile("|".join(re.escape(m) for m in _GATE_MARKS))
_STEMS = re.compile("|".join(_KEYWORD_STEMS))
_DIGIT = re.compile(r"\d")


# A snake_case or kebab-case name made of short words (`find_vendors_by_category_420`):
# code, not a random token, which has long unbroken runs.
_WORDY = re.compile(r"[A-Za-z][A-Za-z0-9]{0,11}(?:[_-][A-Za-z0-9]{1,12})+")


def _token_shaped(line: str) -> bool:
    """Worth running the token detectors: a known prefix, or a long run with digits
    that is not just a name made of words."""
    if _MARKS.search(line):
        return True
    return any(_DIGIT.search(run) and not _WORDY.fullmatch(run) for run in _LONG_RUN.findall(line))


def _keyword_shaped(line: str, quotes_required: bool) -> bool:
    if not _STEMS.search(line.lower()):
        return False
    return not quotes_required or "'" in line or '"' in line or "`" in line


def is_placeholder(value: str) -> bool:
    """Values that stand in for a secret: templates, examples, repeated characters."""
    lowered = value.lower()
    if any(word in lowered for word in _PLACEHOLDER_WORDS):
        return True
    heuristic = _heuristic()
    if (
        heuristic.is_templated_secret(value)
        or value.startswith("$")
        or heuristic.is_not_alphanumeric_string(value)
    ):
        return True
    if heuristic.is_sequential_string(value):
        return True
    stripped = re.sub(r"[^A-Za-z0-9]", "", value)
    return len(set(stripped.lower())) <= 2  # xxxxxxxx, 00000000, abababab


# Framework vocabulary written against a secret's name: validation rules
# (`'password' => 'required|string|min:8'`) and attribute casts (`'api_key' => 'encrypted'`).
_RULE_VOCABULARY = re.compile(
    r"(?:[a-z_]+(?::[\w,.-]*)?)(?:\|[a-z_]+(?::[\w,.-]*)?)+"
    r"|encrypted(?::[\w\\]+)?|hashed|string|integer|boolean|array|json|datetime"
    r"|required|nullable|sometimes|filled|present|confirmed|optional"
    # One conditional rule with its fields (`'password' => 'required_without_all:code,id'`).
    r"|(?:required|prohibited|exclude|missing|present)_(?:with|without|if|unless)(?:_all)?"
    r"(?::[\w,.-]*)?",
)
# `tabler_password_reset: resetting_request`, `passwordField = "password_reset_token"`:
# lowercase words joined by underscores, no digit, no capital: a route, setting or enum
# name written against a secret's name, not a credential.
# `resource.azure.tenant.id`: a dotted configuration key, likewise.
# `ctx["email_password_status"] = "success"`, `password_mode = "disabled"`: one lowercase
# word, no digit, is a status, a mode or a name. `"security.validTime"`: a property key.
# `"RestrictApiKeyExpiration": "Disabled"`: a feature flag's state, in any case.
# `"MetricsApiKey": "injected-at-deploy-time"`: words joined by hyphens say where the
# value comes from.
_IDENTIFIER_VALUE = re.compile(
    r"[a-z]{2,}(?:[-_][a-z]{2,})+|[a-z]{2,}(?:\.[a-z]{2,}){2,}|[a-z]+|[a-z]{2,}(?:\.[a-z][A-Za-z]+)+"
    r"|(?i:enabled|disabled|on|off|true|false|none|null|yes|no|auto|default|always|never"
    r"|required|optional|allowed|denied|allow|deny)"
)
# `post "/users/:id/webhooks/:secret" => "web_requests#handle"`: the keyword is a segment
# of a route or URL path written as a key, and the value is what the path leads to.
_PATH_KEY = re.compile(r"""["'`][^"'`\s]*/[^"'`\s]*["'`]\s*(?:=>|:|=|,)\s*["'`]?$""")
# `passwordType === "request"`: the keyword's value is compared, not assigned.
_COMPARED = re.compile(r"""(?:===?|!==?)\s*["'`]$""")


# A keyword argument named for a secret whose value is the quoted text that follows.
_QUOTED_ARGUMENT = re.compile(r"""[(,]\s*\w*(?:pass|pwd|secret|token|key)\w*\s*=\s?["']$""", re.I)


def _loose_ok(value: str, line: str) -> bool:
    """A secret-shaped value without a fixed format still has to look like a value."""
    if len(value) < _MIN_LOOSE_LENGTH or _REFERENCE.search(value):
        return False
    if _RULE_VOCABULARY.fullmatch(value) or _IDENTIFIER_VALUE.fullmatch(value):
        return False
    at = line.find(value)
    if at > 0 and _COMPARED.search(line[max(0, at - 6) : at]):
        return False
    if at > 0 and _PATH_KEY.search(line[:at]):
        return False
    if _STEMS.search(value.lower()):
        return False  # `apiKey = "apiKey"`, `"mysecretpassword"`: a name or a demo value
    if at > 0 and _QUOTED_ARGUMENT.search(line[max(0, at - 40) : at]):
        # `connect(host="db", password="…")`: detect-secrets reads a line with a call on
        # it as `secret = get_secret()`, but here the keyword argument is the text itself.
        return True
    return not _heuristic().is_indirect_reference(line)


def _url_ok(match: re.Match[str]) -> bool:
    user, password, host = match.group(1), match.group(2), match.group(3)
    return password != user and not _LOCAL_HOSTS.match(host)


def _own(line: str) -> Iterator[Detection]:
    present = set(_ANCHORS.findall(line))
    if not present:
        return
    for pattern in _OWN_PATTERNS:
        if present.isdisjoint(pattern.anchors):
            continue
        for match in pattern.regex.finditer(line):
            if pattern.label == "credentials in a URL" and not _url_ok(match):
                continue
            yield Detection(pattern.label, match.group(pattern.group), pattern.loose)


# detect-secrets' private-key detector matches the marker's words alone, which is how
# tests assert that an export holds a key (`toContain('BEGIN OPENSSH PRIVATE KEY')`);
# a key block has the dashes, and our own pattern reports those.
_KEY_BLOCK_MARK = re.compile(r"-{4,} ?BEGIN |PuTTY-User-Key-File")


def _from_plugins(line: str) -> Iterator[Detection]:
    for name, plugin in _plugins():
        if name == "PrivateKeyDetector" and not _KEY_BLOCK_MARK.search(line):
            continue
        for value in plugin.analyze_string(line):
            if isinstance(value, str) and value:
                yield Detection(plugin.secret_type, value, loose=False)


def _from_keywords(line: str, patterns: dict[re.Pattern[str], int]) -> Iterator[Detection]:
    # detect-secrets' Go and C tables accept an unquoted right-hand side; in source code
    # that is an expression (`out.Password = null.String{}`, `secretName = k.Name`), not
    # a value written into the file.
    keyword = _keyword()
    in_code = patterns is keyword.GOLANG_DENYLIST_REGEX_TO_GROUP or (
        patterns is keyword.COMMON_C_DENYLIST_REGEX_TO_GROUP
    )
    for value in _keyword_detector().analyze_string(line, denylist_regex_to_group=patterns):
        if not isinstance(value, str) or not value:
            continue
        bare = value.strip("'\"`")
        if in_code and not any(quote + bare in line for quote in "'\"`"):
            continue
        yield Detection(_KEYWORD_LABEL, value.strip("'\""), True)


def detect(
    line: str, patterns: dict[re.Pattern[str], int], *, shaped_only: bool = False
) -> Detection | None:
    """The first real secret on a line, or None. `shaped_only` keeps the tokens with a
    fixed format (cloud keys, private keys, JWTs) and drops `password = "…"` guesses."""
    if _ALLOWLIST_MARK in line:
        return None
    if _PUBLISHED_DEV_ACCOUNT in line or _PUBLISHED_DEV_KEY in line:
        return None
    for detection in _candidates(line, patterns):
        if detection.loose and shaped_only:
            continue
        if is_placeholder(detection.value) or _CLIENT_KEY.match(detection.value.strip("'\"`")):
            continue
        if not detection.loose and is_placeholder(_whole_token(line, detection.value)):
            continue  # `AKIA1234567890EXAMPLE`: the detector keeps only the key's 20 characters
        if detection.loose and not _loose_ok(detection.value, line):
            continue
        if detection.label == _KEYWORD_LABEL and (
            _DESCRIBING_NAME.match(line)
            or _DESCRIBING_CAMEL.match(line)
            or _HASH_NAME.match(line)
            or _SECRET_REFERENCE.match(line)
            or detection.value.lower() in _DOCUMENTED_DEFAULTS
        ):
            continue
        if detection.label == _JWT_LABEL and _grants_nothing(line, detection.value):
            continue
        if detection.label == _JWT_LABEL and shaped_only:
            # Test code and throwaway stacks sign tokens for their fixture users with a
            # fixture key: a token is a credential only where its key is trusted, and
            # the key, when it leaks, is what gets reported.
            continue
        return detection
    return None


# Keys a vendor means to ship inside clients, which only identify the project to its
# public ingestion or checkout API: PostHog project keys (`phc_`), Stripe publishable
# keys (`pk_live_`, `pk_test_`), Mapbox public tokens (`pk.eyJ`).
_CLIENT_KEY = re.compile(r"(?:phc_|pk_(?:live|test)_|pk\.eyJ)[\w.-]{16,}$")
_JWT_LABEL = "JSON Web Token"
# The Azure Storage emulator's account: its key is printed in Microsoft's documentation
# and is the same on every machine.
_PUBLISHED_DEV_ACCOUNT = "AccountName=devstoreaccount1"
# Its key, printed in the same documentation, is found alone when a connection string is
# split over lines.
_PUBLISHED_DEV_KEY = (
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
)


def _whole_token(line: str, value: str) -> str:
    """The run of token characters around `value` on `line` (a detector may report only
    the part of a token its pattern knows)."""
    at = line.find(value)
    if at < 0:
        return value
    start, end = at, at + len(value)
    while start > 0 and (line[start - 1].isalnum() or line[start - 1] in "_-+/="):
        start -= 1
    while end < len(line) and (line[end].isalnum() or line[end] in "_-+/="):
        end += 1
    return line[start:end]


def _grants_nothing(line: str, value: str) -> bool:
    """A JWT without a signature, or whose claims are empty (`{}`), authorises nothing:
    parser tests and fuzz seeds are made of them. A signed token with claims is kept."""
    start = line.find(value.rstrip("."))
    parts = re.match(r"[\w-]*\.([\w-]*)\.?([\w-]*)", line[start:]) if start >= 0 else None
    if parts is None:
        return False
    claims, signature = parts.group(1), parts.group(2)
    if not signature:
        return True
    try:
        decoded = base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4))
        return not json.loads(decoded)
    except (ValueError, TypeError):
        return False


def _candidates(line: str, patterns: dict[re.Pattern[str], int]) -> Iterator[Detection]:
    yield from _own(line)
    if _token_shaped(line):
        yield from _from_plugins(line)
    if _keyword_shaped(line, patterns is _keyword().QUOTES_REQUIRED_DENYLIST_REGEX_TO_GROUP):
        yield from _from_keywords(line, patterns)


def mask(value: str, label: str) -> str:
    """Enough to find the line's token, never enough to use it."""
    if label == "private key":
        return "-----BEGIN … PRIVATE KEY-----"
    shown = 4 if len(value) >= 16 else 2 if len(value) >= 8 else 0
    return value[:shown] + "…"


class SecretLiteralCheck(Check):
    name = "secrets"
    rules = (RULE,)

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        # Test code logs in as made-up users (`password="testpw"`) and parses made-up
        # URLs: there only a token with a real format is a leak.
        shaped_only = is_test_path(file.path) or _throwaway_stack(file.path)
        patterns: dict[re.Pattern[str], int] | None = None
        known: dict[int, str] | None = None  # the file's lines, read once when needed
        classes: dict[int, str | None] | None = None
        for number, text in file.added_text().items():
            if not might_hold_secret(text):
                continue
            if patterns is None:
                patterns = keyword_patterns(file.path, file.language)
            found = detect(text, patterns, shaped_only=shaped_only)
            if found is None:
                continue
            if found.label == "private key" and _not_a_key(file, number):
                continue
            if found.loose and known is None:
                known = _known_lines(file)
            if found.loose and known is not None and _overridden_from_env(known, number, text):
                continue
            if found.loose and _spec_example(file, number):
                continue
            detail = f"Detected: {found.label} (`{mask(found.value, found.label)}`)."
            demo = _DEMO_PATH.search(file.path)
            # The block around the line, walked once for both host checks.
            block = _block_lines(known, number) if found.loose and known is not None else []
            local = found.loose and not demo and _beside_local_host(block)
            development = None
            if (
                found.loose
                and known is not None
                and not (demo or local)
                and not _beside_remote_host(block)
            ):
                classes = _settings_classes(file, known) if classes is None else classes
                development = _development(file, classes, number)
            if (
                development is None
                and found.label == "private key"
                and _DEVELOPMENT_FILE.search(file.path.replace("\\", "/"))
            ):
                # A key pair generated for local runs (`dev-keys.yml`): development settings
                # hold throwaway keys as they hold throwaway passwords.
                development = f"`{file.path.rsplit('/', 1)[-1]}`"
            if development is not None:
                local = True
                detail += " " + _DEVELOPMENT_NOTE.format(where=development)
            # A private key in test code is the fixture of a TLS or signing test.
            local = local or (found.label == "private key" and shaped_only and not demo)
            if demo:
                detail += f" {_DEMO_NOTE}"
            elif local and found.label == "private key":
                detail += f" {_TEST_KEY_NOTE}"
            elif local and development is None:
                detail += f" {_LOCAL_NOTE}"
            yield Hit(
                rule=RULE_ID,
                path=file.path,
                line=number,
                title=f"Secret committed in the change: {found.label}",
                detail=detail,
                severity=Severity.INFO if demo or local else None,
            )


# Settings a framework loads only on a developer's machine or in tests: Spring's
# `application-dev.yml`, Rails' `config/environments/development.rb`, Django's
# `settings/local.py`, Node's `config/development.json`, and in a settings module the
# class for that environment (Flask's `class Development(Config)`). A password guessed
# from its key there is the local default; the deployed value comes from elsewhere.
_DEV_NAME = r"(?:dev|develop|development|local|test|testing|ci)"
_DEVELOPMENT_FILE = re.compile(
    # Spring profiles named for such a machine: `application-local-docker.yml`,
    # `application-localkoski.properties` (a local Koski beside the service).
    rf"(?:^|/)(?:application|bootstrap)-{_DEV_NAME}[\w-]{{0,30}}\.(?:ya?ml|properties)$"
    rf"|(?:^|/)config/environments/{_DEV_NAME}\.rb$"
    rf"|(?:^|/)(?:settings|conf)/{_DEV_NAME}\.py$"
    rf"|(?:^|/)config/{_DEV_NAME}\.(?:json|js|ts|ya?ml)$"
    # dotenv's per-environment files (`.env.development`, `.env.test.local`).
    rf"|(?:^|/)\.env\.{_DEV_NAME}(?:\.local)?$"
    # A file of throwaway keys named for development (`dev-keys.yml`, `local_secrets.json`).
    rf"|(?:^|/){_DEV_NAME}[-_.](?:keys?|secrets?|credentials?)\.(?:ya?ml|json|toml|env)$",
    re.IGNORECASE,
)
_DEVELOPMENT_CLASS = re.compile(
    rf"^class\s+(?:{_DEV_NAME}|{_DEV_NAME}_?(?:config|settings|configuration))\b",
    re.IGNORECASE,
)
_CLASS_LINE = re.compile(r"^class\s+\w+")
_DEVELOPMENT_NOTE = (
    "It is in {where}, which only a developer's machine or the tests load: the value "
    "is a local default unless the same secret is used where the application is deployed."
)


def _known_lines(file: ChangedFile) -> dict[int, str]:
    """The post-change lines known: all of them with the file's content, else the diff's."""
    if file.content is not None:
        return dict(enumerate(file.content.splitlines(), 1))
    return file.right_text()


def _development(file: ChangedFile, classes: dict[int, str | None], number: int) -> str | None:
    """Where a loose secret sits in settings for development or tests, if it does.
    `classes`: `_settings_classes` of the file."""
    if _DEVELOPMENT_FILE.search(file.path.replace("\\", "/")):
        return f"`{file.path.rsplit('/', 1)[-1]}`"
    name = classes.get(number)
    return f"the `{name}` settings class" if name else None


def _settings_classes(file: ChangedFile, known: dict[int, str]) -> dict[int, str | None]:
    """For each known line of a Python file inside a top-level development or test
    settings class, that class's name; read in one pass. A line the diff does not show
    ends what can be told until the next class statement."""
    out: dict[int, str | None] = {}
    if file.language != "python":
        return out
    current: str | None = None
    previous = 0
    for number in sorted(known):
        row = known[number]
        if number != previous + 1:
            current = None  # lines in between are not known: cannot tell
        previous = number
        if _CLASS_LINE.match(row):
            found = _DEVELOPMENT_CLASS.match(row)
            current = found.group(0)[6:].strip() if found else None
        elif row and not row[0].isspace() and not row.startswith(("#", ")", "]", "}")):
            current = None  # a top-level statement: outside any class
        if current:
            out[number] = current
    return out


# An API description's `example:` / `examples:` values show what a request or response
# looks like (`"password": "8iu8V8Ee..."` in a sample body): documentation, not a
# credential. Only keyword matches are dropped there; a token of a real format (a cloud
# key, a private key) is reported wherever it is.
_SPEC_FILE = re.compile(r"\.(?:ya?ml|json)$", re.IGNORECASE)
_SPEC_MARK = re.compile(r"""^[ \t]*["']?(?:openapi|swagger)["']?[ \t]*:""", re.MULTILINE)
_EXAMPLE_KEY = re.compile(r"""^\s*(?:-\s*)?["']?(?:x-)?examples?["']?\s*:""", re.IGNORECASE)
_SPEC_LOOKBACK = 80
_SPEC_HEAD_LINES = 40


def _spec_example(file: ChangedFile, number: int) -> bool:
    # Line by line through the file's cached lines: a file can hold many detections.
    if not _SPEC_FILE.search(file.path) or not _spec_document(file):
        return False
    line = file.line_text(number)
    if line is None:
        return False
    if _EXAMPLE_KEY.match(line):
        return True
    indent = len(line) - len(line.lstrip())
    for at in range(number - 1, max(0, number - 1 - _SPEC_LOOKBACK), -1):
        above = file.line_text(at) or ""
        if not above.strip():
            continue
        depth = len(above) - len(above.lstrip())
        if depth >= indent:
            continue
        if _EXAMPLE_KEY.match(above):
            return True
        indent = depth
        if depth == 0:
            return False
    return False


def _spec_document(file: ChangedFile) -> bool:
    """Whether the file's first lines declare an OpenAPI or Swagger document."""
    head = "\n".join(file.line_text(n) or "" for n in range(1, _SPEC_HEAD_LINES + 1))
    return _SPEC_MARK.search(head) is not None


# `password = "test123"` in a block whose `host` is localhost: the credentials of a
# service the developer runs on their own machine (a stub, a local database). Whether the
# same value also opens a deployed system is not something the file shows: the summary.
_HOST_LINE = re.compile(
    r"""^\s*["']?(?:host|hostname|server|url|uri|endpoint)["']?\s*[=:]\s*["']?"""
    r"""(?:https?://)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0)\b""",
    re.IGNORECASE,
)
_BLOCK_REACH = 4
_TEST_KEY_NOTE = (
    "The key is in test code, where it signs or serves a test's own TLS: a fixture, unless "
    "a deployed system uses the same key."
)
_LOCAL_NOTE = (
    "A host of the same block is this machine (localhost): a local development service's "
    "login, unless a deployed system shares it."
)


# A host of the block that is another machine (`url: jdbc:mysql://172.16.10.227:3306/app`,
# `host: db.internal`): even in development settings, that login opens a shared server,
# so it stays a comment (judged: a dev profile given a team's internal MySQL and Redis).
_REMOTE_HOST_LINE = re.compile(
    r"""^\s*["']?(?:host|hostname|server|url|uri|endpoint|address|addr)["']?\s*[=:]\s*["']?"""
    r"""(?:[a-z][\w+.-]*:)*(?://)?(?P<host>[\w.-]+)""",
    re.IGNORECASE,
)
_NOT_REMOTE = re.compile(r"^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|[\w.-]*example\.\w+|db|database)$")


def _block_lines(known: Mapping[int, str], number: int) -> list[str]:
    """The lines around `number` in its block (`known`: the file's lines): up to a blank
    line or a bracket, a few lines each way, nearest first on each side."""
    out: list[str] = []
    for step in (-1, 1):
        at = number + step
        for _ in range(_BLOCK_REACH):
            text = known.get(at)
            if text is None or not text.strip() or text.strip() in ("}", "{", "]", "["):
                break
            out.append(text)
            at += step
    return out


def _beside_remote_host(block: Iterable[str]) -> bool:
    for text in block:
        remote = _REMOTE_HOST_LINE.match(text)
        if remote is not None and "." in remote.group("host"):
            return not _NOT_REMOTE.match(remote.group("host").lower())
    return False


def _beside_local_host(block: Iterable[str]) -> bool:
    return any(_HOST_LINE.match(text) for text in block)


# Demo, sample and example code (`scripts/seed-demo.php`, `samples/shop/app.conf`) ships
# made-up or published keys on purpose; whether one also opens a deployed system is not
# something the file shows, so the finding goes to the summary.
_DEMO_PATH = re.compile(
    r"(?i)(?:^|[/_.-])(?:demos?|samples?|examples?|playground)(?:[/_.-])"
    # `.env.example`, `config.yml.sample`: a template to copy, its values placeholders.
    r"|\.(?:example|sample)$"
)
_DEMO_NOTE = (
    "The file is demo or sample code: this matters only if a deployed system uses the same key."
)


# HOCON's `key = ${?ENV_NAME}` on the next line replaces the value whenever the variable is
# set: the literal above it is the local-development default, and the deployment's secret
# comes from the environment.
_CONFIG_KEY = re.compile(r"^\s*([\w.-]+)\s*[=:]")
_ENV_OVERRIDE = re.compile(r"^\s*([\w.-]+)\s*[=:]\s*\$\{\?\w+\}\s*$")


def _overridden_from_env(known: dict[int, str], number: int, text: str) -> bool:
    key = _CONFIG_KEY.match(text)
    following = known.get(number + 1)
    override = _ENV_OVERRIDE.match(following) if following is not None else None
    return key is not None and override is not None and key.group(1) == override.group(1)


# CI workflows and development compose files start their own database and cache
# containers: the password given there is the one the container is created with, on a
# runner or laptop that is thrown away. A production compose file is not one of these.
_CI_FILES: tuple[str, ...] = (".github/workflows/", ".woodpecker/", ".gitlab-ci.", ".drone.")
_CI_FILES += (".circleci/", ".buildkite/", ".travis.", ".semaphore/", ".tekton/")
_CI_FILES += ("azure-pipelines", "bitbucket-pipelines.", "appveyor.", "cloudbuild.")
# A CI service's pipeline file named for it at any level (`whale-ci.yml`, `ci.yml`).
_CI_NAME = re.compile(r"(?:^|[-_.])ci\.ya?ml$")


# End-to-end suites live outside the unit-test folders but, like them, log in as
# made-up users against a disposable instance.
_END_TO_END = re.compile(r"(?:^|/)(?:e2e|end-to-end|cypress|playwright)/", re.IGNORECASE)


# Translation catalogues map the word "Password" to its translation in each language. The
# folder may carry underscores (`_locales/`, a browser extension's; `__locales/`).
_TRANSLATIONS = re.compile(
    r"(?:^|/)_*(?:lang|langs|languages?|locale|locales|locali[sz]ations?|i18n|l10n|translations?)/"
    r"(?:[\w.-]+/)*[\w.-]+"
    r"\.(?:json|ya?ml|php|po|properties|resx|xlf)$",
    re.IGNORECASE,
)


# An editor's local run and debug settings (`.vscode/launch.json`) start the program on
# a developer's machine against a local database; nothing deployed reads them.
_LOCAL_TOOL_CONFIG = re.compile(
    r"(?:^|/)(?:\.vscode/(?:launch|settings|tasks)\.json|\.idea/(?:runConfigurations|workspace)\b)",
    re.IGNORECASE,
)


def _throwaway_stack(path: str) -> bool:
    if _LOCAL_TOOL_CONFIG.search(path):
        return True
    lowered = "/" + path.lower()
    name = lowered.rsplit("/", 1)[-1]
    if not name.endswith((".yml", ".yaml")):
        return bool(_END_TO_END.search(path) or _TRANSLATIONS.search(path))
    if any(f"/{marker}" in lowered for marker in _CI_FILES) or _CI_NAME.search(name):
        return True
    compose = name.startswith(("compose", "docker-compose")) and "prod" not in name
    return compose or bool(_END_TO_END.search(path) or _TRANSLATIONS.search(path))


# What code wraps a PEM body in: `\n` escapes, quotes, separators and whitespace, and a
# `+` only where it joins strings (after a closing quote, or before an opening one at a
# line's start): anywhere else, a line's last character included, `+` is a base64 letter.
_PEM_NOISE = re.compile(
    r"\\n|[\"'`][ \t]*\+[ \t]*(?:[\"'`]|$)|^[ \t]*\+[ \t]*[\"'`]|[`\"',;\s]", re.MULTILINE
)
_PEM_LINES_MAX = 200
_INLINE_KEY = re.compile(r"PRIVATE KEY-----(.*?)-----END")
_BASE64_BODY = re.compile(r"[A-Za-z0-9+/]+={0,2}")


def _not_a_key(file: ChangedFile, begin: int) -> bool:
    """A PEM private-key block whose body is not one whole DER structure: a truncated or
    made-up block (tests of PEM parsing use them), not a key. Only judged when every
    line of the block is known and the block is of the DER kind (not OpenSSH's format,
    not legacy encrypted PEM with headers)."""
    known = (
        dict(enumerate(file.content.splitlines(), 1))
        if file.content is not None
        else file.right_text()
    )
    first = known.get(begin, "")
    # The marker alone inside a string that closes right after it (`Starts with
    # '-----BEGIN PRIVATE KEY-----'` in a field's help text, `startswith("-----BEGIN …")`):
    # it names the format, no key follows.
    if _MARKER_ONLY.search(first):
        return True
    # A whole block on one line (a JSON or YAML string with `\n` escapes): whatever its
    # kind, a body that is not base64 (`FAKE-KEY-FOR-SEEDING`) is not a key.
    inline = _INLINE_KEY.search(first)
    if inline is not None:
        body_text = _PEM_NOISE.sub("", inline.group(1))
        if not _BASE64_BODY.fullmatch(body_text):
            return True
        if "OPENSSH" in first:
            return not body_text.startswith(_OPENSSH_MAGIC)
        # `\ntest\n`, `\nMIIDemoKeyPlaceholder\n`: base64 letters, but no DER structure.
        return "ENCRYPTED" not in first and _not_der(body_text)
    if "OPENSSH" in first:
        # Every OpenSSH key starts `openssh-key-v1\0`; a body that does not is a stand-in.
        following = known.get(begin + 1)
        return following is not None and not _PEM_NOISE.sub("", following).startswith(
            _OPENSSH_MAGIC
        )
    if "ENCRYPTED" in first:
        return False
    body: list[str] = []
    for number in range(begin + 1, begin + _PEM_LINES_MAX):
        row = known.get(number)
        if row is None:
            return False  # a line the diff does not show: cannot tell
        if "-----END" in row:
            break
        if ":" in row:
            return False  # `Proc-Type:` / `DEK-Info:` headers: an encrypted legacy key
        body.append(_PEM_NOISE.sub("", row))
    else:
        return False
    return _not_der("".join(body))


_OPENSSH_MAGIC = "b3BlbnNzaC1rZXktdjE"  # base64 of `openssh-key-v1`
# A BEGIN marker whose string ends at once, and nothing is added to that string after it.
_MARKER_ONLY = re.compile(
    r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\s*['\"`](?!\s*(?:\+|\.(?!\w)|\|\|))"
)


def _not_der(body: str) -> bool:
    """The base64 body does not decode to exactly one DER structure."""
    try:
        data = binascii.a2b_base64(body)
    except (binascii.Error, ValueError):
        return True  # not even base64
    if len(data) < 2 or data[0] != 0x30:
        return True
    if data[1] < 0x80:
        header, length = 2, data[1]
    else:
        size = data[1] & 0x7F
        header, length = 2 + size, int.from_bytes(data[2 : 2 + size], "big")
    return header + length != len(data)


CHECKS: list[Check] = [SecretLiteralCheck()]
