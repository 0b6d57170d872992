"""`insecure-random`: a value from a predictable generator that reaches a use where it
must be unguessable, in every backend language.

Within one function the value is followed through assignments (and into a buffer a
generator fills, or a builder it is appended to) to the first use that makes it a
secret: a name that says so (token, password, nonce, salt, OTP, reset code, API key,
session id, ...), a cookie, a session attribute, or an authentication header; a
function named for a secret that returns it counts too, and a helper of the same file
that returns such a value is a generator itself. The finding is on the generator's
line and names the use. Randomness for jitter, sampling, shuffling or colours reaches
none of those uses and is left alone.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace

from bot import lazyre as re
from bot.models import ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.lib.code_text import code_text, comment_text
from bot.rules.lib.scopes import (
    Scope,
    Statement,
    assignment_target,
    iter_lines,
    mentions,
    returns,
    scopes,
    targets_of,
    without_strings,
    words,
)
from bot.select import is_test_path

RULE_ID = "insecure-random"
RULE = catalog_rule(RULE_ID)

# Words with which code says a value is a stand-in nothing checks (`// Return dummy data
# to keep the device happy`, `nonsensicalPassword()`): whether that holds is for a reader
# of the code that receives it, so such a finding goes to the summary.
_STAND_IN = re.compile(
    r"(?i)\b(?:dummy|placeholder|fake|nonsensical|meaningless|no\s+meaning|never\s+used"
    r"|not\s+used|unused|throw-?away)\b"
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|_")
# A random length or count (`const length = 24 + Math.floor(Math.random() * 41)`) only
# sizes what another generator fills: the secret is as good as that generator, which is
# judged where it is called.
_SIZE_WORDS = frozenset({"len", "length", "size", "count"})


def _size_name(name: str) -> bool:
    parts = _CAMEL.sub(" ", name.strip().lstrip("$@")).lower().split()
    return bool(parts) and parts[-1] in _SIZE_WORDS


# Calls whose value is predictable, per language (a module-level function or a fresh
# generator used at once). `{go}` is replaced by the name math/rand is imported as.
_CALLS: dict[str, str] = {
    "python": (
        r"(?<![\w.])(?:random|(?:np|numpy)\.random)\s*\.\s*(?:random|randint|randrange|choice|"
        r"choices|sample|getrandbits|randbytes|uniform|shuffle|triangular|rand|bytes|gauss|"
        r"normalvariate|lognormvariate|expovariate|vonmisesvariate|gammavariate|betavariate|"
        r"paretovariate|weibullvariate|binomialvariate)\s*\("
        r"|(?<![\w.])random\s*\.\s*Random\s*\([^()]*\)\s*\.\s*\w+\s*\("
        # numpy's generators (`np.random.default_rng().integers(...)`) are PCG64 / MT19937.
        r"|(?<![\w.])(?:np|numpy)\s*\.\s*random\s*\.\s*(?:default_rng|RandomState|Generator)"
        r"\s*\([^()]*\)\s*\.\s*\w+\s*\("
        # A version 1 UUID is the clock and the host's MAC address: the next one is known.
        r"|(?<![\w.])uuid\s*\.\s*uuid1\s*\("
    ),
    "java": (
        r"\bnew\s+(?:java\.util\.)?Random\s*\([^()]*\)\s*\.\s*(?:next\w*|ints|longs|doubles)\s*\("
        r"|(?<![\w.])(?:java\.lang\.)?Math\s*\.\s*random\s*\("
        r"|\bThreadLocalRandom\s*\.\s*current\s*\(\s*\)\s*\.\s*next\w*\s*\("
        r"|\bRandomStringUtils\s*\.\s*(?:random\w*|insecure\s*\(\s*\)\s*\.\s*\w+)\s*\("
        r"|\bRandomUtils\s*\.\s*next\w*\s*\("
    ),
    "kotlin": (
        r"(?<![\w.])(?:kotlin\.random\.)?Random\s*(?:\.\s*Default\s*)?\.\s*next\w*\s*\("
        r"|(?<![\w.])(?:java\.util\.|kotlin\.random\.)?Random\s*\([^()]*\)\s*\.\s*next\w*\s*\("
        r"|(?<![\w.])(?:java\.lang\.)?Math\s*\.\s*random\s*\("
        r"|\bThreadLocalRandom\s*\.\s*current\s*\(\s*\)\s*\.\s*next\w*\s*\("
        r"|\bRandomStringUtils\s*\.\s*random\w*\s*\("
        r"|[\w)\]]\s*\.\s*(?:random|shuffled)\s*\(\s*\)"
    ),
    "scala": (
        r"(?<![\w.])(?:scala\.util\.)?Random\s*\.\s*(?:next\w*|alphanumeric|shuffle|between)\b"
        r"|\bnew\s+(?:scala\.util\.|java\.util\.)?Random(?:\s*\([^()]*\))?\s*\.\s*\w+"
        r"|(?<![\w.])(?:java\.lang\.)?Math\s*\.\s*random\b"
        r"|\bRandomStringUtils\s*\.\s*random\w*\s*\("
    ),
    "csharp": (
        r"\bnew\s+(?:System\.)?Random\s*\([^()]*\)\s*\.\s*Next\w*\s*\("
        r"|\bRandom\s*\.\s*Shared\s*\.\s*(?:Next\w*|GetItems|Shuffle)\s*\("
    ),
    "javascript": r"\bMath\s*\.\s*random\s*\(|(?<![\w.])_\s*\.\s*(?:random|sample|shuffle)\s*\(",
    "typescript": r"\bMath\s*\.\s*random\s*\(|(?<![\w.])_\s*\.\s*(?:random|sample|shuffle)\s*\(",
    "go": (
        r"(?<![\w.]){go}\s*\.\s*(?:Int|Intn|Int31|Int31n|Int63|Int63n|Int32|Int32N|Int64|"
        r"Int64N|IntN|Uint32|Uint64|Float32|Float64|Read|Perm|N|Shuffle)\s*\("
    ),
    "ruby": (
        r"(?<![\w.:$@])(?:Kernel\s*\.\s*)?rand\b(?!\w)(?!\s*[=:])"
        r"|(?<![\w:])Random\s*\.\s*(?:rand|bytes|new(?:\s*\([^()]*\))?\s*\.\s*(?:rand|bytes))\b"
        r"|\.\s*(?:sample|shuffle)\b(?![^\n]*random:\s*SecureRandom)"
    ),
    "php": r"(?<![\w>$:\\])(?:rand|mt_rand|uniqid|lcg_value|str_shuffle|array_rand)\s*\(",
}

# A statement that only makes a predictable generator object: its name, then any call
# on it gives a predictable value.
_OBJECTS: dict[str, str] = {
    "python": (
        r"^[ \t]*(?P<name>[\w.]+)[ \t]*=[ \t]*(?:random\s*\.\s*Random"
        r"|(?:np|numpy)\s*\.\s*random\s*\.\s*(?:default_rng|RandomState))\s*\([^()]*\)[ \t]*$"
    ),
    "java": (
        r"(?P<name>\w+)\s*=\s*new\s+(?:java\.util\.)?Random\s*\([^()]*\)[ \t]*;?[ \t]*$"
        r"|\bRandom\s+(?P<typed>\w+)\s*=\s*new\s*\(\s*\)"
    ),
    "kotlin": (
        r"\b(?:val|var)\s+(?P<name>\w+)\s*(?::\s*[\w.]+)?\s*=\s*"
        r"(?:java\.util\.|kotlin\.random\.)?Random\s*\([^()]*\)[ \t]*$"
    ),
    "scala": (
        r"\b(?:val|var)\s+(?P<name>\w+)\s*(?::\s*[\w.]+)?\s*=\s*"
        r"new\s+(?:scala\.util\.|java\.util\.)?Random(?:\s*\([^()]*\))?[ \t]*$"
    ),
    "csharp": (
        r"(?P<name>\w+)\s*=\s*new\s+(?:System\.)?Random\s*\([^()]*\)[ \t]*;?[ \t]*$"
        r"|\bRandom\s+(?P<typed>\w+)\s*=\s*new\s*\(\s*\)"
    ),
    "go": r"(?P<name>\w+)\s*:?=\s*{go}\s*\.\s*New\s*\(",
    "ruby": r"^[ \t]*(?P<name>[@$]?\w+)[ \t]*=[ \t]*Random\s*\.\s*new\b(?:\s*\([^()]*\))?[ \t]*$",
}

# Methods that fill or extend their argument/receiver with the value.
_FILLS = re.compile(r"\.\s*(?:nextBytes|NextBytes|read|Read|fill)\s*\(\s*(?P<buf>[\w.$]+)\s*\)")
_APPENDS = re.compile(
    r"(?P<obj>[\w.$]+)\s*\.\s*(?:append|Append|push|add|extend|write|concat)\s*\("
)

# Single words and word pairs that name something that must not be guessable.
_SECRET_WORDS = frozenset(
    {
        "token",
        "tokens",
        "password",
        "passwd",
        "pwd",
        "passcode",
        "passphrase",
        "secret",
        "secrets",
        "nonce",
        "salt",
        "otp",
        "totp",
        "hotp",
        "csrf",
        "xsrf",
        "apikey",
        "sessionid",
        "sessid",
        "sid",
        "credential",
        "credentials",
        "pin",
        "mfa",
        "2fa",
        "jwt",
        "jti",
        # A remember-me value is a long-lived login.
        "remember",
    }
)
# Words before `code`, `key`, `link` or `token` that make it a credential: a reset code,
# a share link, a pickup code.
_CREDENTIAL_OF = frozenset(
    {
        "reset",
        "verification",
        "verify",
        "confirm",
        "confirmation",
        "activation",
        "activate",
        "invite",
        "invitation",
        "recovery",
        "backup",
        "login",
        "signin",
        "sms",
        "email",
        "security",
        "share",
        "access",
        "pickup",
        "claim",
        "redeem",
        "redemption",
        "gift",
        "coupon",
        "voucher",
        "promo",
        "auth",
        "pairing",
        "device",
        "unlock",
        "magic",
        "unsubscribe",
        "signing",
        "private",
        "encryption",
        "api",
        "session",
        "secret",
        "one",
        # A code or link that lets its holder in: a private room's, a meeting's.
        "join",
        "room",
        "meeting",
    }
)
_CREDENTIAL_NOUNS = frozenset({"code", "key", "link", "id", "time", "hash", "url"})
# `id`, `url`, `hash` and `time` are credentials only after some of those words.
_WEAK_NOUNS = frozenset({"id", "url", "hash", "time"})
_STRONG_FOR_WEAK = frozenset({"session", "reset", "share", "magic", "invite", "one", "api"})
# A bare `code` or `pin` is a credential in a function or route about one of these.
_CODE_CONTEXT = _CREDENTIAL_OF - {"api", "session", "secret", "private", "encryption", "one"}


# A function about a lock, and the names of the value that marks who holds it: the value
# (`token = f"{pid}:{now}:{random()}"` before a Redis `SET NX`) must differ between
# contenders, not stay unguessable.
_LOCK_WORDS = frozenset({"lock", "locks", "locked", "locking", "mutex", "lease", "semaphore"})
_LOCK_VALUES = frozenset({"token", "id", "owner", "value", "holder"})

# Factory data and demo seeders (`database/factories/`, `database/seeders/Demo/...`,
# `db/seeds/development.rb`): made-up records for development. Other seeders also run in
# production (Invoice Ninja seeds each payment library's callback secret): not skipped.
_SEED_DATA = re.compile(
    r"(?i)(?:^|/)database/factories/"
    r"|(?:^|/)(?:database/(?:seeders|seeds)|db/seeds)/[\w/.-]{0,80}(?:demo|dev|fake|dummy|sample)"
)

# The last word of a name for a number about a secret (`getRandomSaltRounds`, bcrypt's
# cost factor; `tokenLength`): a random value there is no secret itself.
_QUANTITY_WORDS = frozenset(
    {"rounds", "round", "cost", "factor", "iterations", "length", "len", "size", "count", "bits"}
)
# A random value made into a wait (`time.Duration(step*5+rand.Intn(step)) * time.Microsecond`,
# `time.Sleep(...)`, `setTimeout(fn, Math.random() * 1000)`): back-off jitter, no secret.
_DELAY = re.compile(
    r"\btime\s*\.\s*(?:Duration|Sleep|After|NewTimer|NewTicker)\s*\("
    r"|\*\s*time\s*\.\s*(?:Nanosecond|Microsecond|Millisecond|Second|Minute)\b"
    r"|\b(?:Thread\s*\.\s*sleep|setTimeout|sleep|usleep|Task\s*\.\s*Delay|delay)\s*\("
    r"|(?i:jitter|backoff|back_off)"
)


# A digest call (`Hasher("SHA-256").fromString(...)`, `hashlib.sha256(...)`,
# `DigestUtils.sha256Hex(...)`) and a password beside the value in it.
_DIGEST_CALL = re.compile(
    r"(?i)(?:\bhasher|\bsha\w*|\bmd5\w*|digest\w*|\bhash(?:password|pw)?|pbkdf2\w*|scrypt"
    r"|bcrypt\w*|argon2\w*|\bfromstring)\s*\("
)
_PASSWORD_WORD = re.compile(r"(?i)passw|\bpwd\b|\bpw\b")


def _salts_password_hash(statement: str, tainted: Collection[str]) -> bool:
    """`seed + "," + sha256(seed + password)`: the random value is hashed together with
    a password, so it is the hash's salt, stored beside it in the clear by design; a
    salt must be unique per password, not unguessable."""
    if not tainted or not _PASSWORD_WORD.search(statement):
        return False
    for match in _DIGEST_CALL.finditer(statement):
        args = ", ".join(_call_args(statement, match.end() - 1))
        if not any(mentions(args, name) for name in tainted):
            continue
        # The password is another value than the random one (`hash(pw)` of a drawn
        # password is no salt).
        rest = args
        for name in tainted:
            rest = re.sub(rf"(?<![\w.$]){re.escape(name)}(?![\w$])", " ", rest)
        if _PASSWORD_WORD.search(rest):
            return True
    return False


def secret_name(name: str, context: str = "") -> bool:
    """`name` says it holds a secret; `context` (the function's name and first line)
    makes a bare `code` or `pin` one."""
    parts = words(name)
    if parts and parts[-1] in _QUANTITY_WORDS:
        return False  # `saltRounds`, `tokenLength`: a number about a secret, not one
    if context and parts and parts[-1] in _LOCK_VALUES and set(words(context)) & _LOCK_WORDS:
        return False  # a lock's owner token (`withNodeLock`): distinct, not secret
    if any(p in _SECRET_WORDS for p in parts):
        return True
    for first, second in zip(parts, parts[1:], strict=False):
        credential = first in _CREDENTIAL_OF and second in _CREDENTIAL_NOUNS
        if credential and (second not in _WEAK_NOUNS or first in _STRONG_FOR_WEAK):
            return True
    if context and parts and parts[-1] in {"code", "pin"}:
        return bool(set(words(context)) & _CODE_CONTEXT)
    return False


# A name the value is given to: a call (`setResetToken(x)`, `fun otp() = ...`), a named
# argument or an object key (`token=x`, `{ token: x }`). A name merely beside the value
# (`save(user, resetToken, jitter)`) is not.
_GIVEN_TO = re.compile(r"([A-Za-z_$@][\w$]*)\s*(?:\(|:(?!:)|=(?![=>~]))")
# String keys: `["token"]`, `"token":`, `'token' =>`, `put("token", ...)`, `header("X-Token", ...)`.
_KEY = re.compile(r"""["']([\w.-]{2,60})["']\s*(?:\]|:(?!:)|=>|,)""")

# Uses that make any value a secret, with how the finding names them.
_USES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "a cookie",
        re.compile(
            r"\bset_cookie\s*\(|\baddCookie\s*\(|\bnew\s+Cookie\s*\(|(?<![\w.])Cookie\s*\("
            r"|\.\s*cookie\s*\(|\bcookies\s*\[|\.\s*cookies\s*\.\s*set\s*\(|\bsetcookie\s*\("
            r"|\bCookies\s*\.\s*Append\s*\(|\bhttp\s*\.\s*Cookie\s*\{|\bSetCookie\s*\("
            r"|\bwithCookies\s*\(|\bResponseCookie\s*\.\s*from\s*\(|\.\s*setCookie\s*\("
        ),
    ),
    # A cookie written as a raw header (`response["Set-Cookie"] = f"sid={v}"`); read in
    # the text with its strings.
    ("a cookie", re.compile(r"""(?i)["']Set-Cookie["']\s*(?:\]|,)""")),
    (
        "the session",
        re.compile(
            r"\bsession\s*\[|\.\s*session\s*\.\s*\w+\s*=(?!=)|\$_SESSION\s*\["
            r"|[sS]ession\s*(?:\(\s*\))?\s*\.\s*(?:setAttribute|put|set|SetString|SetInt32)\s*\("
            r"|\bwithSession\s*\("
        ),
    ),
    (
        "an authentication header",
        re.compile(
            r"""(?i)["'](?:authorization|proxy-authorization|x-api-key|x-auth-token|"""
            r"""x-csrf-token|x-xsrf-token|x-access-token)["']"""
        ),
    ),
)


_JVM = frozenset({"java", "kotlin", "scala"})
_FOREIGN_RANDOM = re.compile(
    r"(?m)^[ \t]*import\s+(?!java\.util\.|scala\.util\.|kotlin\.random\.)[\w.]+\.Random\b"
)
_JVM_QUALIFIED = (
    r"\b(?:java\.util|scala\.util|kotlin\.random)\.Random\b"
    r"|(?<![\w.])(?:java\.lang\.)?Math\s*\.\s*random\b"
    r"|\bThreadLocalRandom\s*\.\s*current\s*\(\s*\)\s*\.\s*next\w*\s*\("
    r"|\bRandomStringUtils\s*\.\s*random\w*\s*\("
)


@dataclass(frozen=True)
class Origin:
    line: int  # where the predictable value is made
    call: str  # the generator's text there, for the message
    # A list put in a predictable order (`random.shuffle(chars)`): a secret only once
    # it is made into one by name (`invite = "".join(chars[:8])`); the order of a quiz's
    # questions kept in the session is not.
    order: bool = False
    # Items picked from a collection (`random.choice(MIRRORS)`): existing values, not a
    # new one, until strung together (`"-".join(random.sample(WORDS, 4))`).
    pick: bool = False
    # One of fewer than `_FEW` values (`random.randint(1, 6)`): whatever the generator, it
    # is guessed at once, so only a name that calls it a secret (a PIN) makes it one; in
    # a cookie or the session it is a dice roll, a bucket, a colour.
    few: bool = False


# `tokens(Random.nextInt(tokens.size))`, `pool[random.randrange(len(pool))]`,
# `list.get(rnd.nextInt(list.size()))`: an index into a collection picks one of its
# elements (load spreading over cached tokens); no value is made.
_INDEXED_BY = re.compile(r"([A-Za-z_]\w*)\s*(?:\(|\[|\.\s*get\s*\()\s*$")
# Characters drawn one at a time make a token: that pick is a generator.
_BUILDS_TEXT = re.compile(r"\bappend\s*\(|\bjoin\b|charAt|\+=|\bfor\b|\brepeat\b|\bmap\s*[{(]")


def _picks_element(row: str, match: re.Match[str], statement: str, language: str = "") -> bool:
    indexed = _INDEXED_BY.search(row[: match.start()])
    if indexed is None or _BUILDS_TEXT.search(statement):
        return False
    subscript = indexed.group(0).rstrip().endswith("[")
    if language == "python" and subscript and _closes_index(row[match.end() :]):
        # `queryset[randrange(count)]`: a subscript is an index, whatever bounds it (in
        # Python: elsewhere `$token .= $chars[rand(0, 61)]` strings picks together in a
        # way `_BUILDS_TEXT` does not read).
        return True
    name = re.escape(indexed.group(1))
    bound = re.compile(rf"(?:\b{name}\s*\.\s*(?:size|length|count)\b|\blen\s*\(\s*{name}\s*\))")
    return bound.search(row[match.end() :]) is not None


def _closes_index(rest: str) -> bool:
    """The call's arguments, then the `]` that closes the subscript it stands in."""
    depth = 1
    for index, ch in enumerate(without_strings(rest)):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return without_strings(rest)[index + 1 :].lstrip().startswith("]")
    return False


# Method names every mapping, request handler or file object has: a class of the file
# with a `get` returning a random pick does not make every `.get(` a generator.
_COMMON_METHODS = frozenset(
    {"get", "post", "put", "patch", "delete", "head", "options", "dispatch", "pop", "items"}
    | {"values", "keys", "update", "setdefault", "copy", "save", "run", "read", "write"}
    | {"append", "add", "send", "open", "close", "format", "join", "split", "strip"}
)


# Python: `random.choice(servers)`, `random.sample(users, 5)`: existing items picked from
# a collection (load spreading, sampling). A value is made only when the picks come from
# an alphabet or are strung together (`"".join(random.choice(chars) for ...)`).
_PICKS = re.compile(
    r"\b(?:choice|choices|sample)\s*\(\s*(?P<arg>[A-Za-z_][\w.]*)\s*(?:[,)]|(?P<call>\())"
)
_ALPHABET_WORDS = frozenset(
    {"chars", "char", "charset", "characters", "alphabet", "letters", "digits", "symbols"}
    | {"alnum", "alphanumeric", "hex", "vowels", "consonants", "punctuation", "ascii"}
)


def _alphabet(name: str, text: str) -> bool:
    """`name` holds characters to draw from (a string, `string.ascii_letters`, a list
    of single characters), or cannot be told apart from such a name."""
    if name.startswith("string.") or set(words(name)) & _ALPHABET_WORDS:
        return True
    bound = re.findall(rf"(?m)^[ \t]*{re.escape(name)}[ \t]*(?::[^=\n]*)?=[ \t]*(.+)$", text)
    if not bound:
        return False  # a parameter or an imported list: items, as far as can be seen
    value = bound[-1].strip()
    if "string." in value:
        return True
    if value[:1] in "[({":
        items = re.findall(r"""["']([^"'\n]*)["']""", value)
        return bool(items) and all(len(item) <= 1 for item in items)
    return value[:1] in "\"'" or bool(re.match(r"(?:list|tuple)\s*\(\s*[\"']", value))


def _picks_items(row: str, match: re.Match[str], statement: str, text: str) -> bool:
    picked = _PICKS.search(row, match.start())
    if picked is None or picked.start() >= match.end():
        return False
    arg = picked.group("arg")
    if picked.group("call"):
        # Items a call returns (`load_tokens()`); `list("abc")` is still an alphabet.
        # `range(10)` is digits.
        made = {"list", "tuple", "str", "sorted", "set", "range"}
        return arg not in made and not _alphabet(arg, "")
    return not _alphabet(arg, text)


_FEW = 1000
_STRUNG = re.compile(r"\bjoin\s*\(|\+=|\bappend\s*\(")
_RANGE = re.compile(
    r"\b(?:randint\s*\(\s*(?P<low>-?\d+)\s*,\s*(?P<high>-?\d+)\s*\)"
    r"|randrange\s*\(\s*(?P<start>-?\d+)\s*(?:,\s*(?P<stop>-?\d+)\s*)?\))"
)


def _few_values(row: str, match: re.Match[str]) -> bool:
    """The call at `match` is `randint`/`randrange` over fewer than `_FEW` values."""
    bounded = _RANGE.search(row, match.start())
    if bounded is None or bounded.start() >= match.end():
        return False
    if bounded.group("low") is not None:
        count = int(bounded.group("high")) - int(bounded.group("low")) + 1
    elif bounded.group("stop") is not None:
        count = int(bounded.group("stop")) - int(bounded.group("start"))
    else:
        count = int(bounded.group("start"))
    return 0 < count < _FEW


_SHADOW = re.compile(r"(?m)^[ \t]*random[ \t]*=[ \t]*(?:[\w.]*\.)?SystemRandom\s*\(")
_SHUFFLED = re.compile(r"\bshuffle\s*\(\s*(?P<name>[A-Za-z_][\w.]*)\s*\)")
_PARAMS = re.compile(r"\bdef\s+\w+\s*\((?P<params>[^)]*)\)")
_METHOD = re.compile(r"\bdef\s+\w+\s*\(\s*(?:self|cls)\b")


def _params(head: str) -> list[str]:
    """A Python function's parameter names, without `self`/`cls`."""
    match = _PARAMS.search(head)
    if match is None:
        return []
    names = [p.split(":")[0].split("=")[0].strip().lstrip("*") for p in match["params"].split(",")]
    return [n for n in names if n and n not in {"self", "cls", "/"}]


def _call_args(text: str, start: int) -> list[str]:
    """The top-level arguments of the call whose `(` is at `start`."""
    args: list[str] = []
    depth, current = 0, ""
    for ch in without_strings(text)[start + 1 :]:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                break
            depth -= 1
        if ch == "," and depth == 0:
            args.append(current)
            current = ""
            continue
        current += ch
    if current.strip():
        args.append(current)
    return [a.strip() for a in args]


def _go_alias(text: str) -> str | None:
    match = re.search(
        r'(?m)^[ \t]*(?:import[ \t]+)?(?:(?P<alias>\w+)[ \t]+)?"math/rand(?:/v2)?"', text
    )
    if match is None:
        return None
    return match.group("alias") or "rand"


def _patterns(text: str, language: str) -> tuple[re.Pattern[str], re.Pattern[str] | None] | None:
    calls = _CALLS.get(language)
    if calls is None:
        return None
    objects = _OBJECTS.get(language)
    if language == "go":
        alias = _go_alias(text)
        if alias is None:
            return None
        calls = calls.replace("{go}", re.escape(alias))
        objects = objects.replace("{go}", re.escape(alias)) if objects else None
    if language in _JVM and _FOREIGN_RANDOM.search(text):
        # `Random` is another library's class here (a libsodium wrapper, say): only the
        # generators named in full are predictable.
        return re.compile(_JVM_QUALIFIED), None
    if language == "python":
        imported = re.findall(r"(?m)^[ \t]*from[ \t]+random[ \t]+import[ \t]+([\w \t,()]+)$", text)
        module = re.search(
            r"(?m)^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*random\b(?![ \t]+as)", text
        )
        if imported and module is None:
            # `from random import SystemRandom` and no `import random`: a `random.choice`
            # here is a name of the file's own (`random = SystemRandom()`), not the module.
            calls = calls.replace(
                r"(?<![\w.])(?:random|(?:np|numpy)\.random)", r"(?<![\w.])(?:np|numpy)\.random"
            )
            calls = calls.replace(
                r"|(?<![\w.])random\s*\.\s*Random\s*\([^()]*\)\s*\.\s*\w+\s*\(", ""
            )
        names = [n.strip() for group in imported for n in group.strip("() ").split(",")]
        # `from random import SystemRandom as SR`: the OS generator under another name.
        names = [
            n.split(" as ")[-1].strip()
            for n in names
            if n.split(" as ")[0].strip() not in {"SystemRandom"}
        ]
        if names:
            calls += rf"|(?<![\w.])(?:{'|'.join(map(re.escape, names))})\s*\("
        if re.search(r"(?m)^[ \t]*from[ \t]+uuid[ \t]+import[^\n]*\buuid1\b(?![ \t]+as)", text):
            calls += r"|(?<![\w.])uuid1\s*\("
        # `import random as rnd`: the module under another name.
        modules = re.findall(r"(?m)^[ \t]*import[ \t]+random[ \t]+as[ \t]+(\w+)[ \t]*$", text)
        for module in modules:
            calls += "|" + _CALLS["python"].replace(
                r"(?<![\w.])random\s*\.", rf"(?<![\w.]){re.escape(module)}\s*\."
            ).replace(r"(?<![\w.])(?:random|", rf"(?<![\w.])(?:{re.escape(module)}|")
    return re.compile(calls), re.compile(objects, re.M) if objects else None


_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
# Cookie names and session keys that say what a non-secret value is for: a display
# preference, an experiment bucket, an order of questions, a retry delay (`ab_bucket`,
# `theme_hue`, `quiz_order`, `retry_after`). A random value there picks an option; nobody
# gains by guessing it.
_DISPLAY_WORDS = frozenset(
    {
        "theme",
        "color",
        "colour",
        "hue",
        "palette",
        "lang",
        "locale",
        "bucket",
        "variant",
        "experiment",
        "cohort",
        "ab",
        "layout",
        "banner",
        "tip",
        "greeting",
        "motd",
        "background",
        "avatar",
        "font",
        "quiz",
        "question",
        "questions",
        "order",
        "shuffle",
        "sort",
        "seen",
        "dismissed",
        "consent",
        "tz",
        "timezone",
        # Timing and sampling: a retry delay, a poll interval, a sample's rate or page.
        "delay",
        "retry",
        "backoff",
        "jitter",
        "interval",
        "timeout",
        "wait",
        "sample",
        "sampling",
        "rate",
        "weight",
        "offset",
        "page",
        "position",
    }
)
# The constant name a statement gives the cookie or session entry it writes.
_STORE_KEY = re.compile(
    r"""(?:\bset_(?:signed_)?cookie\s*\(\s*(?:key\s*=\s*)?|\bcookies\s*\[\s*|\bsession\s*\[\s*)"""
    r"""["']([\w.-]{1,60})["']"""
)


def _display_store(statement: str) -> bool:
    """The cookie or session entry written is named for a display choice."""
    keys = _STORE_KEY.findall(statement)
    if not keys:
        return False
    for key in keys:
        parts = words(key)
        if secret_name(key) or not any(p in _DISPLAY_WORDS for p in parts):
            return False
    return True


# What follows a function's parameters when its body comes next: `= ...`, `=> ...`,
# `: Type = ...`, `{`.
_BODY = re.compile(r"[ \t]*(?::[^=\n{]{0,80})?(?:=>?|\{)")


def _span(statement: str, bare: str, start: int, whole_call: bool) -> str:
    """The statement's text from `start` to the end of that argument or entry
    (`whole_call`: to the bracket that closes the call whose `(` ends just before
    `start`), found in `bare` (its strings blanked, same length), taken from the
    statement with its strings, since an interpolated string (`f"Bearer {token}"`)
    holds the value too."""
    depth = 0
    for index in range(start, len(bare)):
        ch = bare[index]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                return statement[start:index]
            depth -= 1
        elif depth == 0 and not whole_call and ch in ",;":
            return statement[start:index]
    return statement[start:]


def _use_of(
    statement: str,
    language: str,
    skip: set[str],
    context: str = "",
    named_only: bool = False,
    carries: Callable[[str], bool] | None = None,
) -> str | None:
    """How a statement makes a value a secret, or None; with `named_only`, only a name
    that says so counts (not a cookie, the session or a header as such). `carries` says
    whether a part of the statement holds the value: a secret-named argument counts only
    when the value is in it (`Teams(name=name, password="password")` gives the value to
    `name`)."""
    bare = without_strings(statement)
    for label, pattern in () if named_only else _USES:
        raw = label == "an authentication header" or "Set-Cookie" in pattern.pattern
        if pattern.search(statement if raw else bare):
            if label != "an authentication header" and _display_store(statement):
                continue
            return label
    # What the statement itself names counts as context for a bare `code`
    # (`PasswordReset.objects.create(user=u, code=...)`).
    context = f"{context} {' '.join(_IDENT.findall(bare))}"
    target = assignment_target(statement)
    if target is not None:
        for name in targets_of(target, language):
            if secret_name(name, context) or any(secret_name(k) for k in _KEY.findall(name)):
                return f"`{name.strip()}`"
    # A string key stays a use wherever the value stands: the entry may be filled later
    # in the statement in ways an argument's span does not show.
    for key in _KEY.findall(statement):
        if secret_name(key):
            return f"the key `{key}`"
    called = _GIVEN_TO.findall(bare)
    for match in _GIVEN_TO.finditer(bare):
        ident = match.group(1)
        if ident in skip or not secret_name(ident, context):
            continue
        whole = match.group(0).endswith("(")
        part = _span(statement, bare, match.end(), whole_call=whole)
        if carries is None or carries(part):
            return f"`{ident}`"
        # A function named for a secret whose body is the value (`fun otp() = ...`,
        # `resetToken(): string { return ... }`).
        rest = statement[match.end() + len(part) + 1 :] if whole else ""
        if _BODY.match(rest) and carries(rest):
            return f"`{ident}`"
    # A bare `code` or `pin` handed to a function named for what it unlocks
    # (`send_reset_email(email, code)`).
    for name in skip:
        if words(name)[-1:] in (["code"], ["pin"]) and mentions(bare, name):
            for ident in called:
                if ident not in skip and secret_name("code", ident):
                    return f"`{name}` (given to `{ident}`)"
    return None


def _class_spans(text: str) -> list[tuple[int, int]]:
    """The first and last line of each class of a Python file, innermost last."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return []
    spans = [
        (node.lineno, node.end_lineno or node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    ]
    return sorted(spans)


def _owner(classes: list[tuple[int, int]], scope: Scope) -> tuple[int, int] | None:
    """The innermost class whose body holds the function."""
    inside = [c for c in classes if c[0] < scope.first <= c[1]]
    return inside[-1] if inside else None


class InsecureRandomCheck(Check):
    name = "security:insecure-random"
    rules = (RULE,)
    languages = frozenset(_CALLS)
    kinds = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path) or _SEED_DATA.search(file.path.replace("\\", "/")):
            return []  # test code and seed data are not deployed: no one guesses their values
        language = file.language or ""
        text = code_text(file)
        compiled = _patterns(text, language)
        if compiled is None:
            return []
        calls, objects = compiled
        if not calls.search(text) and (objects is None or not objects.search(text)):
            return []
        all_scopes = scopes(text, language)
        generators = self._generator_objects(all_scopes, objects, language)
        helpers: dict[str, Origin] = {}
        hits: dict[int, Hit] = {}
        methods = {s.name for s in all_scopes if _METHOD.search(s.head)}
        passes = self._passes_to_use(all_scopes, language) if language == "python" else {}
        classes = _class_spans(text) if language == "python" else []
        # Per class: its `self.` fields that hold a predictable value after some method.
        fields: dict[tuple[int, int], dict[str, Origin]] = {}
        # Twice: a helper that returns a predictable value is a generator for the others,
        # and a field one method fills is read by the others.
        for _ in range(2):
            pattern = calls
            if helpers:
                names = "|".join(map(re.escape, sorted(helpers)))
                pattern = re.compile(calls.pattern + rf"|(?<![\w.$])(?:{names})\s*\(")
                # A method of a class of the file (`TokenFactory().make()`).
                owned = "|".join(map(re.escape, sorted((set(helpers) & methods) - _COMMON_METHODS)))
                if owned and language == "python":
                    pattern = re.compile(pattern.pattern + rf"|(?<=\.)(?:{owned})\s*\(")
            for scope in all_scopes:
                made = generators.get(id(scope), set()) | generators.get(0, set())
                if made:
                    joined = "|".join(map(re.escape, sorted(made)))
                    scoped = re.compile(
                        pattern.pattern + rf"|(?<![\w.$])(?:{joined})\s*\.\s*\w+(?:\s*\(|\b)"
                    )
                else:
                    scoped = pattern
                owner = _owner(classes, scope) if scope.function else None
                known = fields.get(owner, {}) if owner is not None else {}
                seed = {
                    name: origin
                    for name, origin in known.items()
                    if not scope.first <= origin.line <= scope.last
                }
                final: dict[str, Origin] = {}
                found = self._scope(
                    file, scope, language, scoped, objects, helpers, passes, text, seed, final
                )
                for hit in found:
                    hits.setdefault(hit.line, hit)
                if owner is not None:
                    for name, origin in final.items():
                        if name.startswith("self.") and name not in seed and origin.line:
                            fields.setdefault(owner, {}).setdefault(name, origin)
        return sorted(hits.values(), key=lambda h: h.line)

    def _passes_to_use(self, all_scopes: list[Scope], language: str) -> dict[str, dict[int, str]]:
        """Functions of the file that put a parameter where a value must be unguessable
        (`def _remember(resp, value): resp.set_cookie("remember", value)`): by name, the
        parameter's position and the use."""
        never = re.compile(r"(?!)")
        out: dict[str, dict[int, str]] = {}
        for scope in all_scopes:
            if not scope.function or not scope.name:
                continue
            for index, param in enumerate(_params(scope.head)):
                seed = {param: Origin(0, param)}
                flows = self._flows(scope, language, never, None, {}, {}, seed)
                for origin, statement, use in flows:
                    # The `def` line names every parameter; it puts none anywhere.
                    if origin.line == 0 and statement.first != scope.first:
                        out.setdefault(scope.name, {})[index] = use
                        break
        return out

    @staticmethod
    def _generator_objects(
        all_scopes: list[Scope], objects: re.Pattern[str] | None, language: str
    ) -> dict[int, set[str]]:
        """Names bound to a predictable generator object: under key 0 those every function
        sees (bound outside functions, a field: `self.rng`, or any name in a language where
        a method assigns its class's fields by bare name), under a scope's `id` the Python
        locals it binds itself (`rng = random.Random()` in one handler says nothing of an
        `rng = random.SystemRandom()` in another)."""
        if objects is None:
            return {}
        found: dict[int, set[str]] = {}
        for scope in all_scopes:
            for statement in scope.statements:
                for match in objects.finditer(statement.text):
                    name = match.group("name") or match.groupdict().get("typed")
                    if name:
                        field = "." in name or name.startswith(("@", "$"))
                        local = language == "python" and scope.function and not field
                        key = id(scope) if local else 0
                        found.setdefault(key, set()).add(name)
        return found

    def _scope(
        self,
        file: ChangedFile,
        scope: Scope,
        language: str,
        calls: re.Pattern[str],
        objects: re.Pattern[str] | None,
        helpers: dict[str, Origin],
        passes: dict[str, dict[int, str]],
        text: str,
        seed: dict[str, Origin],
        final: dict[str, Origin],
    ) -> Iterable[Hit]:
        for origin, statement, use in self._flows(
            scope, language, calls, objects, helpers, passes, seed, text, final
        ):
            hit = self._hit(file, origin, statement, use)
            if self._stand_in(file, scope, origin.line):
                hit = replace(
                    hit,
                    severity=Severity.INFO,
                    detail=f"{hit.detail} The code calls the value a stand-in (dummy, "
                    "placeholder); it matters only if something accepts it as a secret.",
                )
            yield hit

    def _flows(
        self,
        scope: Scope,
        language: str,
        calls: re.Pattern[str],
        objects: re.Pattern[str] | None,
        helpers: dict[str, Origin],
        passes: dict[str, dict[int, str]],
        seed: dict[str, Origin],
        text: str = "",
        final: dict[str, Origin] | None = None,
    ) -> Iterable[tuple[Origin, Statement, str]]:
        """Each predictable value of the scope (and each `seed` name) with the statement
        that makes it a secret and how; `final` receives the names that hold one at the
        end."""
        tainted: dict[str, Origin] = dict(seed)
        context = scope.head
        # `random = SystemRandom()` in this function: its `random.choice` is the OS's.
        shadowed = language == "python" and any(_SHADOW.search(s.text) for s in scope.statements)
        for statement in scope.statements:
            if objects is not None and objects.search(statement.text):
                continue  # makes the generator, not a value
            own = text if language == "python" else ""
            origin = self._origin(statement, calls, tainted, helpers, own, language, shadowed)
            if origin is None:
                continue
            if calls.search(statement.text) and _DELAY.search(statement.text):
                continue  # the generator's value becomes a wait here
            if _salts_password_hash(statement.text, tainted):
                continue  # a salt hashed with the password: it must be unique, not secret
            if origin.pick and _BUILDS_TEXT.search(statement.text):
                origin = replace(origin, pick=False)
            if origin.few and _STRUNG.search(statement.text):
                # Strung together (`"".join(str(random.randint(0, 9)) for _ in range(16))`):
                # a new value of many more possibilities.
                origin = replace(origin, few=False)
            if origin.pick:
                use: str | None = None
            else:
                named_only = origin.order or origin.few

                def carries(part: str) -> bool:
                    return bool(calls.search(part)) or any(mentions(part, n) for n in tainted)

                use = _use_of(statement.text, language, set(tainted), context, named_only, carries)
            if use is None and not (origin.order or origin.pick or origin.few):
                use = self._passed_to_use(statement.text, calls, tainted, passes)
            named = bool(scope.name) and secret_name(scope.name)
            if use is None and named and returns(statement, scope, language) and not origin.pick:
                use = f"the return value of `{scope.name}`"
            if use is not None:
                yield origin, statement, use
                continue
            if (
                scope.name
                and returns(statement, scope, language)
                and not (origin.order or origin.pick)
            ):
                helpers.setdefault(scope.name, origin)
            target = assignment_target(statement.text)
            for name in targets_of(target, language) if target else ():
                if not _size_name(name):
                    tainted[name] = origin
            for match in _FILLS.finditer(statement.text):
                tainted[match.group("buf")] = origin
            for match in _APPENDS.finditer(statement.text):
                tainted.setdefault(match.group("obj"), origin)
            if language == "python" and target is None:
                for match in _SHUFFLED.finditer(statement.text):
                    tainted[match.group("name")] = replace(origin, order=True)
        if final is not None:
            final.update(tainted)

    @staticmethod
    def _passed_to_use(
        statement: str,
        calls: re.Pattern[str],
        tainted: dict[str, Origin],
        passes: dict[str, dict[int, str]],
    ) -> str | None:
        """The value given to a function of the file that puts that parameter where it
        must be unguessable."""
        if not passes:
            return None
        names = "|".join(map(re.escape, sorted(passes)))
        for match in re.finditer(rf"(?<![\w.$])(?:self\.|cls\.)?({names})\s*\(", statement):
            args = _call_args(statement, match.end() - 1)
            for position, use in passes[match.group(1)].items():
                if position >= len(args):
                    continue
                arg = args[position]
                if calls.search(arg) or any(mentions(arg, name) for name in tainted):
                    return f"{use} (through `{match.group(1)}`)"
        return None

    @staticmethod
    def _stand_in(file: ChangedFile, scope: Scope, line: int) -> bool:
        """The function's name, its doc comment or a comment just above `line` says the
        value is a stand-in."""
        code = code_text(file).split("\n")
        top = scope.first
        # The doc comment and annotations right above the function, not the end of the
        # function before it.
        while top > 1 and top > scope.first - 12:
            row = code[top - 2].strip() if top - 2 < len(code) else ""
            if row and not row.startswith(("@", "#[")):
                break
            top -= 1
        near = comment_text(file, top, scope.first) if scope.function else ""
        near += " " + comment_text(file, max(scope.first, line - 10), line)
        return bool(_STAND_IN.search(f"{near} {_CAMEL.sub(' ', scope.name)}"))

    @staticmethod
    def _origin(
        statement: Statement,
        calls: re.Pattern[str],
        tainted: dict[str, Origin],
        helpers: dict[str, Origin],
        text: str = "",
        language: str = "",
        shadowed: bool = False,
    ) -> Origin | None:
        for number, row in iter_lines(statement):
            match = calls.search(row)
            if match is not None and _picks_element(row, match, statement.text, language):
                continue
            if match is not None and shadowed and re.match(r"random\s*\.", match.group(0)):
                match = None
            if match is not None:
                called = match.group(0).rstrip("( ").strip().lstrip(".")
                helper = helpers.get(called)
                if helper is not None:
                    return Origin(number, f"{called}()")
                pick = bool(text) and _picks_items(row, match, statement.text, text)
                few = language == "python" and _few_values(row, match)
                return Origin(number, called, pick=pick, few=few)
        # Only the value counts: writing a field of a value made with the generator
        # (`$dto->plainPassword = bin2hex(random_bytes(20))` after `$dto` got a random
        # suffix in its name) gives that field nothing of it.
        value = statement.text
        target = assignment_target(value)
        if target is not None and (at := value.find(target)) >= 0:
            value = value[at + len(target) :]
        for name, origin in tainted.items():
            if mentions(value, name):
                return origin
        return None

    @staticmethod
    def _hit(file: ChangedFile, origin: Origin, statement: Statement, use: str) -> Hit:
        if origin.line >= statement.first:
            where = "on the same line" if origin.line == statement.first else "just after"
            detail = f"`{origin.call}` makes a value used as {use} {where}."
        else:
            detail = (
                f"`{origin.call}` (line {origin.line}) makes a value that reaches {use} "
                f"(line {statement.first})."
            )
        return Hit(
            RULE_ID, file.path, origin.line, origin.line, detail=f"{detail} {_why(use, origin)}"
        )


def _why(use: str, origin: Origin) -> str:
    """Why that use makes the value a secret, and what the generator gives away."""
    if use.startswith("a cookie"):
        why = (
            "A cookie the server sets from a random value is one it accepts back as proof "
            "(a remember-me key, a session or device id): a client that predicts the value "
            "can send another visitor's."
        )
    elif use.startswith("the session"):
        why = (
            "A random value kept in the session is one a later request is checked against "
            "(a remember-me key, a CSRF, pairing or one-time token): it holds only if nobody "
            "can compute it."
        )
    elif use.startswith("an authentication header"):
        why = "A value in an authentication header is a credential."
    elif use.startswith("the return value of"):
        why = "The function's name says the value it returns is a secret."
    else:
        why = f"The name says the value is a secret ({use.split(' (')[0]})."
    if origin.call.endswith("()"):
        gives = (
            f"`{origin.call}` returns a value of a seeded, non-cryptographic generator: a few "
            "of its outputs give away the next ones."
        )
    elif "uuid1" in origin.call:
        gives = (
            "A version 1 UUID is the time and the host's network address, so the next one is known."
        )
    else:
        gives = (
            f"`{origin.call}` is a seeded, non-cryptographic generator: a few of its outputs "
            "give away the next ones."
        )
    return f"{why} {gives}"


CHECKS: list[Check] = [InsecureRandomCheck()]
