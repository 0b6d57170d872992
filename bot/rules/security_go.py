"""Go security rules (`sql-injection`, `go-http-no-timeout`) and the cross-language
`tls-verification-disabled`. The SQL-call test it shares with the JVM, Ruby and PHP SQL
rules is `lib.sql_calls`.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot import lazyre as re
from bot.models import ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.lib.code_text import (
    call_arguments,
)
from bot.rules.lib.hosts import Host, configured, host_of_url, is_probe, local_reason
from bot.rules.lib.patterns import Accept, Pattern, PatternCheck, Verdict
from bot.rules.taint.api import flow_hits

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_GO = frozenset({"go"})

# --- sql-injection ---------------------------------------------------------------------

GO_SQL_ID = "sql-injection"
GO_SQL_RULE = catalog_rule(GO_SQL_ID)

# --- tls-verification-disabled --------------------------------------------------------------

TLS_ID = "tls-verification-disabled"
_JS = frozenset({"javascript", "typescript"})
_JVM = frozenset({"java", "kotlin"})


# The condition of an `if` that turns verification off only when the operator asks for it
# (`if c.SkipVerify {`, `if (opts.allowSelfSigned) {`), lower-cased without `_`.
_OPT_IN = re.compile(
    r"skip\w*verif|insecure|ignore\w*(?:tls|ssl|cert)|selfsigned|noverify|allowinvalid"
    r"|(?:tls|ssl)(?:skip|ignore)|verify(?:ssl|tls|cert)"
)
_IF_OPEN = re.compile(r"(?:^|[;}])\s*+(?:else\s++)?if\s*+\(?([^{};]*)\)?\s*+$")


def _opt_in_condition(text: str, at: int) -> str | None:
    """The condition of the innermost `if` block around `at` when it names an opt-in
    setting; the literals between (`&tls.Config{`, `&http.Transport{`) are crossed."""
    depth = 0
    for i in range(at - 1, max(-1, at - 1500), -1):
        ch = text[i]
        if ch == "}":
            depth += 1
        elif ch == "{":
            if depth:
                depth -= 1
                continue
            start = text.rfind("\n", 0, i) + 1
            head = _IF_OPEN.search(text[start:i].rstrip())
            if head is not None:
                condition = head.group(1)
                squeezed = re.sub(r"[^a-z]", "", condition.lower())
                return condition.strip() if _OPT_IN.search(squeezed) else None
            if re.search(r"\bfunc\b|=>|\bfunction\b|\)\s*$", text[start:i]):
                return None  # the enclosing function: no `if` around the literal
    return None


def _tls(what: str) -> Accept:
    def accept(match: re.Match[str], text: str, file: ChangedFile) -> str | Verdict:
        condition = _opt_in_condition(text, match.start())
        if condition is not None:
            return Verdict(
                f"{what} Only when `{condition}` is set: an operator's opt-in for a host "
                "with a self-signed certificate.",
                Severity.INFO,
            )
        return what

    return accept


# `InsecureSkipVerify: true` beside a `VerifyPeerCertificate` or `VerifyConnection`
# callback is Go's documented way to verify by hand (a pinned key, a chain with no host
# name, Cloud SQL's instance name): the default check is replaced, not dropped.
_OWN_VERIFY = re.compile(r"\b(?:VerifyPeerCertificate|VerifyConnection)\s*(?::|=)\s*\S")
_NEARBY_LINES = 30


def _go_tls(match: re.Match[str], text: str, file: ChangedFile) -> str | bool | Verdict:
    what = "`InsecureSkipVerify: true` accepts any certificate for any host."
    row = text.count("\n", 0, match.start())
    rows = text.split("\n")
    nearby = "\n".join(rows[max(0, row - _NEARBY_LINES) : row + _NEARBY_LINES + 1])
    if _OWN_VERIFY.search(nearby):
        return Verdict(
            f"{what} A `VerifyPeerCertificate`/`VerifyConnection` callback is set beside it: "
            "the default check is replaced by the code's own, which must verify the chain "
            "(and the host or a pinned key) itself. Noted in the summary.",
            Severity.INFO,
        )
    return _tls(what)(match, text, file)


TLS_PATTERNS = (
    Pattern(
        TLS_ID,
        _GO,
        re.compile(r"\b(?P<at>InsecureSkipVerify)\s*(?::|=)\s*true\b"),
        _go_tls,
    ),
    Pattern(
        TLS_ID,
        _JS,
        re.compile(r"\b(?P<at>rejectUnauthorized)\s*:\s*false\b"),
        _tls("`rejectUnauthorized: false` accepts any certificate."),
    ),
    Pattern(
        TLS_ID,
        _JS,
        re.compile(r"(?P<at>NODE_TLS_REJECT_UNAUTHORIZED)['\"]?\s*+\]?\s*+=\s*+['\"`]?0"),
        _tls(
            "`NODE_TLS_REJECT_UNAUTHORIZED=0` turns certificate checks off for every "
            "HTTPS call the process makes."
        ),
    ),
    Pattern(
        TLS_ID,
        _JVM,
        re.compile(
            r"\b(?P<at>checkServerTrusted)\s*\([^)]*\)\s*(?:throws[\w\s.,]+)?"
            r"(?::\s*Unit\s*)?(?:\{\s*\}|=\s*Unit\b|\{\s*return;?\s*\})"
        ),
        _tls("This `X509TrustManager` trusts every certificate chain."),
    ),
    Pattern(
        TLS_ID,
        _JVM,
        re.compile(
            r"\bboolean\s+(?P<at>verify)\s*\(\s*String\s+\w+\s*,\s*SSLSession\s+\w+"
            r"\s*\)\s*\{\s*return\s+true\s*;"
        ),
        _tls("This `HostnameVerifier` accepts every host name."),
    ),
    Pattern(
        TLS_ID,
        _JVM,
        re.compile(
            r"(?P<at>[Hh]ostnameVerifier)\s*(?:\(\s*)?(?:\{\s*_?\w*\s*,\s*_?\w*\s*->"
            r"\s*true\s*\}|\(\s*\w+\s*,\s*\w+\s*\)\s*->\s*true\b)"
        ),
        _tls("This host-name verifier accepts every host name."),
    ),
    Pattern(
        TLS_ID,
        _JVM,
        re.compile(
            r"\b(?P<at>NoopHostnameVerifier|ALLOW_ALL_HOSTNAME_VERIFIER|"
            r"TrustAllStrategy)\b(?!\s*+;?\s*+$)|\bnew\s+(?P<x>NoopHostnameVerifier|"
            r"TrustAllStrategy)\b"
        ),
        _tls("A trust-everything strategy from Apache HttpClient is in use."),
    ),
    Pattern(
        TLS_ID,
        frozenset({"ruby"}),
        re.compile(r"(?P<at>verify_mode)\s*(?::|=>|=)\s*OpenSSL::SSL::VERIFY_NONE\b"),
        _tls("`VERIFY_NONE` accepts any certificate."),
    ),
    Pattern(
        TLS_ID,
        frozenset({"ruby"}),
        re.compile(r"\b(?P<at>ssl)\s*(?::|=>)\s*\{[^}]*\bverify:\s*false"),
        _tls("`ssl: { verify: false }` accepts any certificate."),
    ),
    Pattern(
        TLS_ID,
        frozenset({"php"}),
        re.compile(
            r"(?P<at>CURLOPT_SSL_VERIFY(?:PEER|HOST))\s*(?:=>|,)\s*(?:false|0)\b", re.IGNORECASE
        ),
        _tls("cURL is told not to check the server certificate."),
    ),
    Pattern(
        TLS_ID,
        frozenset({"php"}),
        re.compile(r"['\"](?P<at>verify)['\"]\s*=>\s*false\b"),
        _tls("Guzzle's `'verify' => false` accepts any certificate."),
    ),
    Pattern(
        TLS_ID,
        frozenset({"php"}),
        re.compile(r"['\"](?P<at>verify_peer(?:_name)?)['\"]\s*=>\s*(?:false|0)\b"),
        _tls("The stream context is told not to check the server certificate."),
    ),
    Pattern(
        TLS_ID,
        frozenset({"php"}),
        re.compile(r"\bHttp::(?P<at>withoutVerifying)\s*\("),
        _tls("`Http::withoutVerifying()` accepts any certificate."),
    ),
    Pattern(
        TLS_ID,
        frozenset({"ruby"}),
        re.compile(
            r"\b(?:HTTParty|RestClient|Excon)\b[^\n]{0,300}?\b"
            r"(?P<at>verify(?:_ssl)?|ssl_verify_peer)\s*(?::|=>)\s*false\b"
        ),
        _tls("The HTTP client is told not to check the server certificate."),
    ),
)

TLS_RULE = catalog_rule(TLS_ID)

# --- go-http-no-timeout ---------------------------------------------------------------------

HTTP_ID = "go-http-no-timeout"


def _client_without_timeout(
    match: re.Match[str], text: str, file: ChangedFile
) -> str | bool | Verdict:
    if file.path.endswith("_test.go"):
        return False
    before = text[max(0, match.start() - 200) : match.start()].rstrip()
    if before.endswith(("*", ")")) or re.search(r"\bfunc\b[^{}\n]*$", before):
        return False  # `func f() *http.Client {`: a result type before a body, not a literal
    if _WEBSOCKET_DIAL.search(before):
        # `websocket.Dial(ctx, url, &websocket.DialOptions{HTTPClient: &http.Client{...}})`:
        # the client carries a connection meant to stay open; the dial's context bounds the
        # handshake, and a client `Timeout` would cut the socket.
        return False
    body = call_arguments(text, match.end() - 1, "go")
    if any(re.match(r"Timeout\s*:", part) for part in body):
        return False
    if (
        _timeout_set_later(match, text)
        or _dials_unix_socket(body, match, text)
        or _command_line_tool(text, file)
    ):
        return False
    detail = "This `http.Client` has no `Timeout`, so a request can wait forever."
    if _callers_context_only(text):
        return Verdict(f"{detail} {_CALLERS_CONTEXT}", Severity.INFO)
    return detail


_WEBSOCKET_DIAL = re.compile(r"(?:DialOptions|Dialer)\{(?:[^{}]|\{[^{}]*\})*HTTPClient:[ \t]*&?$")
_CALLERS_CONTEXT = (
    "Every request of this file is sent with a context its function receives from its "
    "caller, and no handler of this file serves one: the caller's deadline bounds the "
    "call, which the diff does not show. Noted in the summary."
)
# `func upload(ctx context.Context, …)`: a function handed a context by its caller.
_FUNC_HEAD = re.compile(r"^func\s[^\n{]*\{", re.M)
_HANDLER_PARAMS = re.compile(
    r"http\.ResponseWriter|\*gin\.Context|echo\.Context|\*fiber\.Ctx|\*http\.Request"
)
# Client methods that take no context: `client.Get(url)`, `client.PostForm(…)`.
_NO_CONTEXT_CALL = re.compile(
    r"\b(?:\w*[Cc]lient\w*(?:\([\w, ]*\))?|http)\.(?:Get|Post|PostForm|Head)\s*\("
)


def _callers_context_only(text: str) -> bool:
    """Whether every `.Do(req)` of the file sends a request built on a context that is a
    parameter of its function (`NewRequestWithContext(ctx, …)`, `req.WithContext(ctx)`),
    in a function that is no HTTP handler, and nothing of the file sends a request
    without a context. An incoming request's context ends only when its client goes
    away, so handlers are left out (see `_request_has_deadline`)."""
    calls = list(re.finditer(r"\.Do\s*\(\s*(\w+)\s*\)", text))
    if not calls or _NO_CONTEXT_CALL.search(text) or _SERVES.search(text):
        return False
    for call in calls:
        heads = list(_FUNC_HEAD.finditer(text, 0, call.start()))
        if not heads:
            return False
        head = heads[-1].group(0)
        if _HANDLER_PARAMS.search(head):
            return False
        body = text[heads[-1].end() : call.start()]
        req = re.escape(call.group(1))
        bound = re.findall(
            rf"\b{req}\b[\w \t,]*:?=\s*(?:http\.NewRequestWithContext|\w+\.WithContext)"
            rf"\s*\(\s*(\w+)\s*[,)]",
            body,
        )
        if not bound or not all(
            re.search(rf"[(,]\s*{re.escape(ctx)}\s+context\.Context\b", head) for ctx in bound
        ):
            return False
    return True


def _default_client(match: re.Match[str], text: str, file: ChangedFile) -> str | bool | Verdict:
    if file.path.endswith("_test.go"):
        return False
    detail = f"`http.{match.group('at')}` uses `http.DefaultClient`, which has no timeout."
    if _command_line_tool(text, file):
        return False
    if match.group("at") == "DefaultClient":
        return False if _request_has_deadline(match, text) else detail
    args = call_arguments(text, match.end() - 1, "go")
    url = args[0].strip() if args else ""
    literal = re.match(r"^(?:fmt\.Sprintf\(\s*)?(?:\"([^\"]*)\"|`([^`]*)`)", url)
    start = (literal.group(1) or literal.group(2) or "") if literal else url
    if is_probe(start):
        return detail
    kind = host_of_url(start)
    if kind is Host.LOCAL:
        return Verdict(f"{detail} {local_reason(kind)}", Severity.INFO)
    if kind is None and configured(start):
        return Verdict(f"{detail} {local_reason(Host.CONFIGURED)}", Severity.INFO)
    return detail


def _function_before(text: str, at: int) -> str:
    """The text of the Go function around `at`, from its `func` up to `at`."""
    start = text.rfind("\nfunc ", 0, at)
    return text[start + 1 if start >= 0 else 0 : at]


def _function_after(text: str, at: int) -> str:
    """From `at` to the next top-level `func` (the rest of the function around it)."""
    end = text.find("\nfunc ", at)
    return text[at : end if end >= 0 else len(text)]


# `ctx, cancel := context.WithTimeout(...)`: a context that ends by itself.
_DEADLINE_CONTEXT = r"\bcontext\.With(?:Timeout|Deadline)(?:Cause)?\s*\("


def _request_has_deadline(match: re.Match[str], text: str) -> bool:
    """`http.DefaultClient.Do(req)` where `req` was built with `NewRequestWithContext(ctx,
    …)` or `req.WithContext(ctx)` on a context from `context.WithTimeout` / `WithDeadline`
    in the same function: the deadline bounds the call as a client timeout would. The
    incoming request's own context does not: it ends only when that client goes away."""
    args = call_arguments(text, match.end() - 1, "go")
    req = args[0].strip() if args else ""
    if not re.fullmatch(r"\w+", req):
        return False
    before = _function_before(text, match.start())
    # A helper the context is handed to (`req, err := buildTokenRequest(ctx, r, ...)`)
    # builds the request on it as `NewRequestWithContext` does: a context is passed to be
    # used, and the deadline is checked below.
    bound = re.findall(
        rf"\b{req}\b[\w \t,]*:?=\s*(?:http\.NewRequestWithContext|{req}\.WithContext"
        rf"|http\.NewRequest\([^)]*\)\.WithContext|[\w.]+)\s*\(\s*([\w.]+(?:\(\))?)\s*[,)]",
        before,
    )
    for ctx in bound:
        name = re.escape(ctx)
        if re.search(rf"\b{name}\b[\w \t,]*:?=\s*{_DEADLINE_CONTEXT}", before):
            return True
    return False


def _timeout_set_later(match: re.Match[str], text: str) -> bool:
    """`client := &http.Client{}` then `client.Timeout = timeout` in the same function
    (a helper that takes the timeout as a parameter and sets it when given)."""
    head = text[max(0, match.start() - 120) : match.start()]
    bound = re.search(r"\b(\w+)\s*:?=\s*&?\s*$", head)
    if bound is None:
        return False
    rest = _function_after(text, match.end())
    return re.search(rf"\b{re.escape(bound.group(1))}\.Timeout\s*=[^=]", rest) is not None


def _dials_unix_socket(body: list[str], match: re.Match[str], text: str) -> bool:
    """A client whose transport dials a unix socket, or any client of a function that
    dials one in another branch (`if socket { unix client } else { loopback client }`):
    it talks to a process on this machine (its own daemon), never to a remote host."""
    if any(re.search(r"Transport\s*:", part) and '"unix"' in part for part in body):
        return True
    around = _function_before(text, match.start()) + _function_after(text, match.start())
    return re.search(r"\bDial\w*\s*\([^()]*\"unix\"", around) is not None


# A server in the same file: its handlers wait on the calls it makes.
_SERVES = re.compile(
    r"\bhttp\.(?:ListenAndServe|ListenAndServeTLS|Serve|HandleFunc|Handle)\s*\("
    r"|\bhttp\.Server\s*\{|\b(?:gin|echo|fiber|chi)\.New\w*\s*\(|\bmux\.NewRouter\s*\("
)


def _command_line_tool(text: str, file: ChangedFile) -> bool:
    """A command-line program (`package main` under `cmd/`, no server in the file): the
    call waits for the person at the terminal, no server request waits on it."""
    path = "/" + file.path
    if "/cmd/" not in path or re.search(r"^package\s+main\b", text, re.M) is None:
        return False
    return _SERVES.search(text) is None


HTTP_PATTERNS = (
    Pattern(HTTP_ID, _GO, re.compile(r"\bhttp\.(?P<at>Client)\s*\{"), _client_without_timeout),
    Pattern(
        HTTP_ID, _GO, re.compile(r"\bhttp\.(?P<at>Get|Post|PostForm|Head)\s*\("), _default_client
    ),
    Pattern(HTTP_ID, _GO, re.compile(r"\bhttp\.(?P<at>DefaultClient)\.Do\s*\("), _default_client),
)

HTTP_RULE = catalog_rule(HTTP_ID)


class GoSqlInjection(Check):
    """Reported from flows: request input that reaches a query call's SQL text. A
    splice of an internal name (a table prefix, a constant) next to bound values is
    what pattern matching flagged wrongly."""

    name = "security:go-sql-injection"
    rules = (GO_SQL_RULE,)
    languages = _GO
    kinds = _CODE_KINDS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return flow_hits(file, {GO_SQL_ID})


class TlsVerificationDisabled(PatternCheck):
    name = "security:tls-verification-disabled"
    rules = (TLS_RULE,)
    languages = frozenset({"go", "javascript", "typescript", "java", "kotlin", "ruby", "php"})
    kinds = _CODE_KINDS | frozenset({FileKind.CONFIG})
    patterns = TLS_PATTERNS
    hint = re.compile(
        r"InsecureSkipVerify|rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|checkServerTrusted"
        r"|SSLSession|ostnameVerifier|TrustAllStrategy|VERIFY_NONE|verify|CURLOPT_SSL_VERIFY"
    )


class GoHttpNoTimeout(PatternCheck):
    name = "security:go-http-no-timeout"
    rules = (HTTP_RULE,)
    languages = _GO
    kinds = _CODE_KINDS
    patterns = HTTP_PATTERNS
    hint = re.compile(r"http\.(Client|Get|Post|PostForm|Head|DefaultClient)")


CHECKS: list[Check] = [GoSqlInjection(), TlsVerificationDisabled(), GoHttpNoTimeout()]
