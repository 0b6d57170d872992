"""Go security rules (`go-sql-injection`, `go-http-no-timeout`) and the cross-language
`tls-verification-disabled`; also the SQL-call test the JVM, Ruby and PHP SQL rules share.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.rules.security_js import (
    Pattern,
    PatternCheck,
    call_arguments,
    dynamic_part,
    literal_text,
    scope_before,
    short,
    variable_dynamic,
)
from bot.rules.taint.api import flow_hits

SQL_WORDS = re.compile(
    r"\b(select|insert|update|delete|from|where|join|values|order\s+by|group\s+by|limit"
    r"|truncate|alter|create|drop|set)\b",
    re.IGNORECASE,
)
_IDENTIFIER = re.compile(r"^\$?[A-Za-z_][\w]*$")

Accept = Callable[[re.Match[str], str, ChangedFile], str | bool]


def sql_call(always_sql: frozenset[str], max_args: int = 2) -> Accept:
    """A `Pattern.accept` for a match ending at a query call's `(`: one of the first
    arguments is SQL text with a runtime value spliced in, inline or through a variable
    assigned earlier in the function. Methods in `always_sql` take nothing but SQL, so
    their text need not read like SQL."""

    def accept(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
        language = file.language or ""
        method = match.groupdict().get("method") or match.groupdict().get("fn") or ""
        for arg in call_arguments(text, match.end() - 1, language)[:max_args]:
            found = dynamic_part(arg, language)
            literal = literal_text(arg, language)
            where = ""
            if found is None and _IDENTIFIER.match(arg):
                scope = scope_before(text, match.start(), language)
                resolved = variable_dynamic(scope, arg, language)
                if resolved is not None:
                    found, where = resolved[0], f" (built in `{arg}`)"
                    literal = _assigned_literals(scope, arg, language)
            if found is None:
                continue
            if method in always_sql or SQL_WORDS.search(literal):
                return (
                    f"The SQL passed to `{method}`{where} splices in `{short(found)}` "
                    "instead of binding it as a parameter."
                )
        return False

    return accept


def _assigned_literals(scope: str, name: str, language: str) -> str:
    found = re.findall(rf"(?<![\w$.]){re.escape(name)}\s*(?::=|\+=|\.=|=)(?!=)([^;\n]*)", scope)
    return " ".join(literal_text(rhs, language) for rhs in found)


_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_GO = frozenset({"go"})

# --- go-sql-injection ---------------------------------------------------------------------

GO_SQL_ID = "go-sql-injection"
GO_SQL_RULE = Rule(
    id=GO_SQL_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="Request input is spliced into the SQL of a query call",
    rationale=(
        "The value becomes part of the SQL text, so whoever controls it controls the "
        "statement: `1 OR 1=1` returns every row, `'; DROP TABLE users; --` runs where the "
        "driver allows several statements, and GORM `Where`/`Order` strings are pasted as "
        "they are. A quote in an ordinary value also turns into a 500."
    ),
    fix=(
        "Keep the SQL constant and pass values as arguments: `db.QueryContext(ctx, "
        '"SELECT … WHERE id = $1", id)` (`?` for MySQL/SQLite), sqlx `Get(&u, q, id)`, GORM '
        '`Where("name = ?", name)`. Table or column names cannot be parameters: pick them '
        "from a fixed allow-list."
    ),
    languages=("go",),
    positive=(
        RuleCase(
            path="internal/handlers/users.go",
            code=(
                "package handlers\n"
                "\n"
                "func (h *Handler) Users(c *gin.Context) {\n"
                '\tname := c.Query("name")\n'
                "\trows, _ := h.db.Query(fmt.Sprintf(\"SELECT * FROM users WHERE name = '%s'\", name))\n"  # noqa: E501
                '\th.db.Exec("DELETE FROM sessions WHERE user_id = " + c.Param("id"))\n'
                '\th.gorm.Where("name = " + name).Find(&users)\n'
                "\t_ = rows\n"
                "}\n"
            ),
            lines=(5, 6, 7),
        ),
    ),
    negative=(
        # Internal identifiers spliced next to bound values, and an allow-listed
        # direction: nothing from the request reaches the SQL text.
        RuleCase(
            path="internal/handlers/users.go",
            code=(
                "package handlers\n"
                "\n"
                "func (h *Handler) Users(c *gin.Context) {\n"
                '\ttable := h.prefix + "_users"\n'
                '\trows, _ := h.db.Query(fmt.Sprintf("SELECT * FROM %s WHERE name = ?", table), c.Query("name"))\n'  # noqa: E501
                '\th.db.Exec("CREATE TABLE " + "IF NOT EXISTS" + " t (id int)")\n'
                '\tdir := "ASC"\n'
                '\tif c.Query("dir") == "desc" {\n'
                '\t\tdir = "DESC"\n'
                "\t}\n"
                '\th.db.Query("SELECT * FROM users WHERE org = ? ORDER BY created_at "+dir, c.Query("org"))\n'  # noqa: E501
                "\t_ = rows\n"
                "}\n"
            ),
        ),
        # A store method's own parameter is not request input by itself.
        RuleCase(
            path="internal/store/users.go",
            code=(
                "package store\n"
                "\n"
                "func (s *Store) User(ctx context.Context, id string) error {\n"
                '\t_, err := s.db.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = " + id)\n'
                "\treturn err\n"
                "}\n"
            ),
        ),
    ),
)

# --- tls-verification-disabled --------------------------------------------------------------

TLS_ID = "tls-verification-disabled"
_JS = frozenset({"javascript", "typescript"})
_JVM = frozenset({"java", "kotlin"})


def _tls(what: str) -> Accept:
    return lambda m, t, f: what


TLS_PATTERNS = (
    Pattern(
        TLS_ID,
        _GO,
        re.compile(r"\b(?P<at>InsecureSkipVerify)\s*(?::|=)\s*true\b"),
        _tls("`InsecureSkipVerify: true` accepts any certificate for any host."),
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
)

TLS_RULE = Rule(
    id=TLS_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="TLS certificate verification is turned off",
    rationale=(
        "Without certificate checks, anyone on the network path — a compromised Wi-Fi, a "
        "hostile container neighbour, a DNS hijack — can present their own certificate, "
        "read every request (API keys, passwords, personal data) and rewrite responses. "
        "The connection still says HTTPS, so nobody notices; these switches added for a "
        "self-signed dev certificate routinely ship to production."
    ),
    fix=(
        "Keep verification on and trust the right CA instead: Go `tls.Config{RootCAs: pool}`, "
        "Node `ca: fs.readFileSync('ca.pem')` (or `NODE_EXTRA_CA_CERTS`), a Java trust store "
        "with the internal CA, Ruby `ca_file:`, PHP `CURLOPT_CAINFO`/Guzzle `'verify' => "
        "'/path/ca.pem'`."
    ),
    languages=("go", "javascript", "typescript", "java", "kotlin", "ruby", "php"),
    positive=(
        RuleCase(
            path="internal/client/http.go",
            code=(
                "package client\n\n"
                "var tr = &http.Transport{\n"
                "\tTLSClientConfig: &tls.Config{InsecureSkipVerify: true},\n"
                "}\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="server/client.js",
            code=(
                "const https = require('https');\n"
                "const agent = new https.Agent({ rejectUnauthorized: false });\n"
                "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n"
            ),
            lines=(2, 3),
        ),
        RuleCase(
            path="src/main/java/com/acme/http/TrustAll.java",
            code=(
                "class TrustAll implements X509TrustManager {\n"
                "  public void checkServerTrusted(X509Certificate[] c, String a) {}\n"
                "  void wire(HttpsURLConnection conn) {\n"
                "    conn.setHostnameVerifier((host, session) -> true);\n"
                "  }\n"
                "}\n"
            ),
            lines=(2, 4),
        ),
        RuleCase(
            path="src/main/kotlin/com/acme/Http.kt",
            code=(
                "val client = OkHttpClient.Builder()\n"
                "    .hostnameVerifier { _, _ -> true }\n"
                "    .build()\n"
            ),
            lines=(2,),
        ),
        RuleCase(
            path="app/services/billing_client.rb",
            code=(
                "class BillingClient\n"
                "  def get(uri)\n"
                "    Net::HTTP.start(uri.host, uri.port, use_ssl: true,\n"
                "                    verify_mode: OpenSSL::SSL::VERIFY_NONE) { |h| h.get(uri) }\n"
                "  end\n"
                "end\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="app/Services/Billing.php",
            code=(
                "<?php\n"
                "$ch = curl_init($url);\n"
                "curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);\n"
                "$client = new Client(['verify' => false]);\n"
            ),
            lines=(3, 4),
        ),
    ),
    negative=(
        # A test talking to its own server with a self-signed certificate.
        RuleCase(
            path="test/https.test.js",
            code=(
                "const express = require('express');\n"
                "const https = require('https');\n"
                "https.get({ port, rejectUnauthorized: false }, done);\n"
            ),
        ),
        RuleCase(
            path="internal/client/http.go",
            code=(
                "package client\n\n"
                "// InsecureSkipVerify: true is never acceptable here\n"
                "var cfg = &tls.Config{RootCAs: pool, InsecureSkipVerify: false}\n"
            ),
        ),
        RuleCase(
            path="server/client.ts",
            code="const agent = new https.Agent({ rejectUnauthorized: true, ca });\n",
        ),
        RuleCase(
            path="src/main/java/com/acme/http/Pinned.java",
            code=(
                "class Pinned implements X509TrustManager {\n"
                "  public void checkServerTrusted(X509Certificate[] c, String a)\n"
                "      throws CertificateException {\n"
                "    delegate.checkServerTrusted(c, a);\n"
                "  }\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="app/services/billing_client.rb",
            code="http.verify_mode = OpenSSL::SSL::VERIFY_PEER\n",
        ),
        RuleCase(
            path="app/Services/Billing.php",
            code="<?php\ncurl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);\n",
        ),
    ),
)

# --- go-http-no-timeout ---------------------------------------------------------------------

HTTP_ID = "go-http-no-timeout"


def _client_without_timeout(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if file.path.endswith("_test.go"):
        return False
    body = call_arguments(text, match.end() - 1, "go")
    if any(re.match(r"Timeout\s*:", part) for part in body):
        return False
    return "This `http.Client` has no `Timeout`, so a request can wait forever."


def _default_client(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if file.path.endswith("_test.go"):
        return False
    return f"`http.{match.group('at')}` uses `http.DefaultClient`, which has no timeout."


HTTP_PATTERNS = (
    Pattern(HTTP_ID, _GO, re.compile(r"\bhttp\.(?P<at>Client)\s*\{"), _client_without_timeout),
    Pattern(
        HTTP_ID, _GO, re.compile(r"\bhttp\.(?P<at>Get|Post|PostForm|Head)\s*\("), _default_client
    ),
    Pattern(HTTP_ID, _GO, re.compile(r"\bhttp\.(?P<at>DefaultClient)\.Do\s*\("), _default_client),
)

HTTP_RULE = Rule(
    id=HTTP_ID,
    category=Category.SECURITY,
    severity=Severity.MEDIUM,
    title="Outbound HTTP call without a timeout",
    rationale=(
        "Go's default HTTP client never times out. When the remote service hangs or a "
        "slow-loris peer trickles bytes, each call holds its goroutine, connection and "
        "memory forever; under load the handlers waiting on it pile up until the service "
        "runs out of file descriptors or memory and takes its own callers down with it."
    ),
    fix=(
        "Use a client with a deadline — `&http.Client{Timeout: 10 * time.Second}` — or "
        "build the request with `http.NewRequestWithContext(ctx, …)` from a context with a "
        "timeout, and reuse that client instead of `http.Get`/`http.Post`."
    ),
    languages=("go",),
    positive=(
        RuleCase(
            path="internal/client/rates.go",
            code=(
                "package client\n\n"
                "func Rates() (*http.Response, error) {\n"
                '\treturn http.Get("https://rates.example.com/latest")\n'
                "}\n\n"
                "var c = &http.Client{Transport: tr}\n"
            ),
            lines=(4, 7),
        ),
    ),
    negative=(
        RuleCase(
            path="internal/client/rates.go",
            code=(
                "package client\n\n"
                "var c = &http.Client{Transport: tr, Timeout: 5 * time.Second}\n\n"
                "func Rates(ctx context.Context) (*http.Response, error) {\n"
                '\treq, _ := http.NewRequestWithContext(ctx, "GET", url, nil)\n'
                "\treturn c.Do(req)\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="internal/client/rates_test.go",
            code="package client\n\nfunc TestRates(t *testing.T) {\n\thttp.Get(srv.URL)\n}\n",
        ),
    ),
)


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
