"""C# security rules. `csharp-sql-injection` reports from flows: request input
(an action parameter, `Request.Query`) that reaches the SQL text of a query call. The
others are configuration patterns: weak crypto, predictable random secrets, TLS and JWT
validation switched off, cookie flags, CORS, credentials in connection strings, XXE."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.rules.lang_patterns import lead_in, statement, when_near, window
from bot.rules.security_js import Pattern, PatternCheck
from bot.rules.taint.api import flow_hits

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_CSHARP = frozenset({"csharp"})

CS_SQL_ID = "csharp-sql-injection"
CS_SQL_RULE = Rule(
    id=CS_SQL_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="Request input is spliced into the SQL of a query call",
    rationale=(
        "CWE-89. The value becomes part of the statement text, so whoever sends it "
        "controls the query: `' OR '1'='1` returns every row and a UNION reads other "
        "tables. `FromSqlRaw`/`ExecuteSqlRaw` and Dapper take the string as it is; only "
        "their parameter arguments are bound."
    ),
    fix=(
        'Bind values: EF Core `FromSqlInterpolated`/`FromSql($"… {name}")` (turned into '
        'parameters), `FromSqlRaw("… WHERE name = {0}", name)`, Dapper '
        '`conn.Query<User>("… WHERE name = @name", new { name })`, `SqlCommand` with '
        "`Parameters.AddWithValue`. Identifiers come from a fixed allow-list."
    ),
    languages=("csharp",),
    positive=(
        RuleCase(
            path="Controllers/UsersController.cs",
            code=(
                "[ApiController]\n"
                "public class UsersController : ControllerBase\n"
                "{\n"
                '    [HttpGet("users")]\n'
                "    public IActionResult Get([FromQuery] string name)\n"
                "    {\n"
                "        var rows = _db.Users.FromSqlRaw($\"SELECT * FROM users WHERE name = '{name}'\").ToList();\n"  # noqa: E501
                "        return Ok(rows);\n"
                "    }\n"
                "}\n"
            ),
            lines=(7,),
        ),
    ),
    negative=(
        RuleCase(
            path="Controllers/UsersController.cs",
            code=(
                "[ApiController]\n"
                "public class UsersController : ControllerBase\n"
                "{\n"
                '    [HttpGet("users")]\n'
                "    public IActionResult Get([FromQuery] string name)\n"
                "    {\n"
                '        var rows = _db.Users.FromSqlInterpolated($"SELECT * FROM users WHERE name = {name}").ToList();\n'  # noqa: E501
                "        return Ok(rows);\n"
                "    }\n"
                "}\n"
            ),
        ),
    ),
)


def _rule(
    rule_id: str,
    severity: Severity,
    title: str,
    rationale: str,
    fix: str,
    positive: RuleCase,
    negative: RuleCase,
) -> Rule:
    return Rule(
        id=rule_id,
        category=Category.SECURITY,
        severity=Severity(severity),
        title=title,
        rationale=rationale,
        fix=fix,
        languages=("csharp",),
        positive=(positive,),
        negative=(negative,),
    )


def _cs(path: str, code: str, *lines: int) -> RuleCase:
    return RuleCase(path=path, code=code, lines=tuple(lines))


_PASSWORDS = re.compile(r"(?i)passw|pwd|passphrase")
_SECRETS = re.compile(r"(?i)token|secret|passw|otp|nonce|salt|apikey|api_key|reset|session|code")

CRYPTO_ID = "csharp-weak-crypto"
RANDOM_ID = "csharp-insecure-random"
TLS_ID = "csharp-tls-validation-disabled"
JWT_ID = "csharp-jwt-validation-disabled"
COOKIE_ID = "csharp-cookie-insecure"
CORS_ID = "csharp-cors-any-origin-with-credentials"
CONN_ID = "csharp-connection-string-password"
XXE_ID = "csharp-xxe"

_SVC = "Services/"

PATTERN_RULES = (
    _rule(
        CRYPTO_ID,
        Severity.HIGH,
        "Broken hash for passwords, or a broken cipher mode",
        "CWE-916 / CWE-327. MD5 and SHA-1 are fast: a leaked table of MD5 password hashes "
        "is cracked at billions of guesses a second. DES and 3DES keys are brute-forced, "
        "and ECB mode encrypts equal blocks to equal ciphertext, so patterns in the data "
        "show through.",
        "Hash passwords with ASP.NET Core Identity's `PasswordHasher<T>` (PBKDF2) or "
        "`Rfc2898DeriveBytes.Pbkdf2` with a per-user salt and a high iteration count, or "
        "BCrypt/Argon2. Encrypt with `AesGcm` (or AES-CBC plus an HMAC) and a random nonce.",
        _cs(
            _SVC + "Accounts.cs",
            "public class Accounts\n{\n"
            "    public byte[] Hash(string password)\n    {\n"
            "        using var md5 = MD5.Create();\n"
            "        return md5.ComputeHash(Encoding.UTF8.GetBytes(password));\n    }\n"
            "    public ICryptoTransform Enc(byte[] key)\n    {\n"
            "        var des = DES.Create();\n"
            "        var aes = Aes.Create();\n"
            "        aes.Mode = CipherMode.ECB;\n"
            "        return aes.CreateEncryptor();\n    }\n}\n",
            5,
            10,
            12,
        ),
        _cs(
            _SVC + "Accounts.cs",
            "public class Accounts\n{\n"
            "    public string Etag(byte[] body)\n    {\n"
            "        using var md5 = MD5.Create();\n"
            "        return Convert.ToHexString(md5.ComputeHash(body));\n    }\n"
            "    public string Hash(User u, string password) =>\n"
            "        _hasher.HashPassword(u, password);\n"
            "    public AesGcm Enc(byte[] key) => new AesGcm(key, 16);\n}\n",
        ),
    ),
    _rule(
        RANDOM_ID,
        Severity.HIGH,
        "`System.Random` used for a secret value",
        "CWE-338. `System.Random` is predictable: from a few outputs (or the seed, often "
        "the clock) an attacker computes the next password-reset token, session id or "
        "one-time code and takes over the account.",
        "Use `RandomNumberGenerator.GetBytes(32)` / `RandomNumberGenerator.GetInt32(...)` "
        "for anything secret.",
        _cs(
            _SVC + "Tokens.cs",
            "public class Tokens\n{\n"
            "    public string ResetToken()\n    {\n"
            "        var random = new Random();\n"
            "        return random.Next(100000, 999999).ToString();\n    }\n}\n",
            5,
        ),
        _cs(
            _SVC + "Tokens.cs",
            "public class Tokens\n{\n"
            "    public string ResetToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));\n"  # noqa: E501
            "    public int Jitter()\n    {\n"
            "        var random = new Random();\n"
            "        return random.Next(0, 250);\n    }\n}\n",
        ),
    ),
    _rule(
        TLS_ID,
        Severity.HIGH,
        "TLS certificate validation is turned off",
        "CWE-295. A callback that returns `true` (or `DangerousAcceptAnyServerCertificate"
        "Validator`) accepts any certificate: anyone on the network path presents their own "
        "and reads or rewrites every request, API keys included.",
        "Remove the callback; trust an internal CA by adding it to the machine store, or "
        "check the chain in the callback (`errors == SslPolicyErrors.None` or a pinned "
        "thumbprint).",
        _cs(
            "Infrastructure/HttpSetup.cs",
            "var handler = new HttpClientHandler\n{\n"
            "    ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true,\n"
            "};\n"
            "var h2 = new HttpClientHandler { ServerCertificateCustomValidationCallback = "
            "HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };\n",
            3,
            5,
        ),
        _cs(
            "Infrastructure/HttpSetup.cs",
            "var handler = new HttpClientHandler\n{\n"
            "    ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) =>\n"
            "        errors == SslPolicyErrors.None || cert?.Thumbprint == PinnedThumbprint,\n"
            "};\n",
        ),
    ),
    _rule(
        JWT_ID,
        Severity.HIGH,
        "JWT validation switched off",
        "CWE-347 / CWE-613. With `ValidateIssuerSigningKey` or `RequireSignedTokens` off, a "
        "token signed with any key (or `alg: none`) is accepted, so anyone mints a token "
        "for any user; with `ValidateLifetime` off a stolen token never expires.",
        "Keep the defaults (`true`) in `TokenValidationParameters` and configure the "
        "signing key, issuer and audience instead.",
        _cs(
            "Program.cs",
            "builder.Services.AddAuthentication().AddJwtBearer(o =>\n{\n"
            "    o.TokenValidationParameters = new TokenValidationParameters\n    {\n"
            "        ValidateIssuerSigningKey = false,\n"
            "        RequireSignedTokens = false,\n"
            "        ValidateLifetime = false,\n    };\n});\n",
            5,
            6,
            7,
        ),
        _cs(
            "Program.cs",
            "builder.Services.AddAuthentication().AddJwtBearer(o =>\n{\n"
            "    o.TokenValidationParameters = new TokenValidationParameters\n    {\n"
            "        ValidateIssuerSigningKey = true,\n"
            "        IssuerSigningKey = key,\n"
            "        ValidateLifetime = true,\n    };\n});\n",
        ),
    ),
    _rule(
        COOKIE_ID,
        Severity.MEDIUM,
        "Cookie set without `Secure` or `HttpOnly`",
        "CWE-614 / CWE-1004. Without `Secure` the cookie also travels over plain HTTP, where "
        "anyone on the network reads it; without `HttpOnly` any injected script reads the "
        "session cookie and sends it away.",
        "Set `Secure = true` and `HttpOnly = true` in `CookieOptions` (and "
        "`CookieSecurePolicy.Always` for the auth cookie).",
        _cs(
            "Controllers/SessionController.cs",
            "public class SessionController : ControllerBase\n{\n"
            "    public IActionResult Login()\n    {\n"
            '        Response.Cookies.Append("sid", sid, new CookieOptions { Secure = false, HttpOnly = false });\n'  # noqa: E501
            "        services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.None);\n"  # noqa: E501
            "        return Ok();\n    }\n}\n",
            5,
            6,
        ),
        _cs(
            "Controllers/SessionController.cs",
            "public class SessionController : ControllerBase\n{\n"
            "    public IActionResult Login()\n    {\n"
            '        Response.Cookies.Append("sid", sid, new CookieOptions { Secure = true, HttpOnly = true });\n'  # noqa: E501
            "        var flags = new Flags { Secure = false };\n"
            "        return Ok();\n    }\n}\n",
        ),
    ),
    _rule(
        CORS_ID,
        Severity.HIGH,
        "CORS policy lets any origin send credentialed requests",
        "CWE-942. `SetIsOriginAllowed(_ => true)` with `AllowCredentials()` echoes every "
        "origin back with credentials allowed: any web page the user visits calls the API "
        "with their cookies and reads the answers. (`AllowAnyOrigin()` with "
        "`AllowCredentials()` is rejected by ASP.NET Core at start-up, after the deploy.)",
        'List the trusted origins: `WithOrigins("https://app.example.com")`, or drop '
        "`AllowCredentials()` for a public API.",
        _cs(
            "Program.cs",
            'builder.Services.AddCors(o => o.AddPolicy("web", p =>\n'
            "    p.SetIsOriginAllowed(origin => true).AllowAnyHeader().AllowCredentials()));\n"
            "builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().AllowCredentials()));\n",  # noqa: E501
            2,
            3,
        ),
        _cs(
            "Program.cs",
            'builder.Services.AddCors(o => o.AddPolicy("web", p =>\n'
            '    p.WithOrigins("https://app.example.com").AllowCredentials()));\n'
            'builder.Services.AddCors(o => o.AddPolicy("public", p => p.AllowAnyOrigin()));\n',
        ),
    ),
    _rule(
        CONN_ID,
        Severity.HIGH,
        "Password written into a connection string in code",
        "CWE-798. The database password ships with the source: everyone with the "
        "repository (or a leaked build) has it, and changing it needs a deploy.",
        "Read the connection string from configuration backed by a secret store "
        '(`builder.Configuration.GetConnectionString("Main")`, user secrets, Key Vault), '
        "or use integrated/managed identity authentication.",
        _cs(
            "Data/AppDbContext.cs",
            "public class AppDbContext : DbContext\n{\n"
            "    protected override void OnConfiguring(DbContextOptionsBuilder o) =>\n"
            '        o.UseSqlServer("Server=db;Database=shop;User Id=sa;Password=Sup3rS3cret!;");\n'  # noqa: E501
            "}\n",
            4,
        ),
        _cs(
            "Data/AppDbContext.cs",
            "public class AppDbContext : DbContext\n{\n"
            "    protected override void OnConfiguring(DbContextOptionsBuilder o) =>\n"
            '        o.UseSqlServer($"Server=db;Database=shop;User Id=app;Password={_password};");\n'  # noqa: E501
            '    const string Local = "Server=db;Database=shop;Integrated Security=true;";\n'
            "}\n",
        ),
    ),
    _rule(
        XXE_ID,
        Severity.HIGH,
        "XML parser resolves DTDs or external entities",
        "CWE-611. With DTD processing on and a resolver set, an uploaded XML document "
        "declares an entity that reads `file:///etc/passwd` or calls internal URLs, and "
        "the parser pastes the answer into the data; nested entities exhaust memory.",
        "Keep `DtdProcessing.Prohibit` (the default) and `XmlResolver = null`; on .NET "
        "Framework set them explicitly.",
        _cs(
            _SVC + "Import.cs",
            "var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse };\n"
            "var doc = new XmlDocument { XmlResolver = new XmlUrlResolver() };\n",
            1,
            2,
        ),
        _cs(
            _SVC + "Import.cs",
            "var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };\n"
            "var doc = new XmlDocument { XmlResolver = null };\n",
        ),
    ),
)


def _cors(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if "AllowCredentials" not in statement(text, match.start()):
        return False
    return f"`{match.group('at')}` together with `AllowCredentials()`."


def _cookie_flag(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    # The object being initialised is the last `new X` before the flag; a property
    # chain (`o.Cookie.HttpOnly = false`) names the cookie on the same line.
    before = lead_in(text, match.start())
    created = before.rfind("new ")
    owner = before[created:] if created >= 0 else before[before.rfind("\n") + 1 :]
    if "Cookie" not in owner:
        return False
    return f"The cookie is set with `{match.group('at')} = false`."


def _password_literal(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    value = match.group("v")
    if value.startswith(("{", "$", "%", "<", "*")) or value.lower() in {"password", "pwd"}:
        return False
    return "The connection string carries a literal password."


_CS = frozenset({"csharp"})
PATTERNS = (
    Pattern(
        CRYPTO_ID,
        _CS,
        re.compile(
            r"\b(?P<at>MD5|SHA1)\s*\.\s*(?:Create|HashData)\s*\(|"
            r"\bnew\s+(?P<x>MD5CryptoServiceProvider|SHA1Managed|SHA1CryptoServiceProvider)\b"
        ),
        when_near(_PASSWORDS, "A fast, broken hash is applied to a password.", 3, 1),
    ),
    Pattern(
        CRYPTO_ID,
        _CS,
        re.compile(
            r"\b(?P<at>DES|TripleDES|RC2)\s*\.\s*Create\s*\(|"
            r"\bnew\s+(?P<x>DESCryptoServiceProvider|TripleDESCryptoServiceProvider"
            r"|RC2CryptoServiceProvider)\b|\b(?P<y>CipherMode\s*\.\s*ECB)\b"
        ),
        lambda m, t, f: "A broken cipher or the ECB mode is used.",
    ),
    Pattern(
        RANDOM_ID,
        _CS,
        re.compile(r"\bnew\s+(?P<at>Random)\s*\(|\b(?P<x>Random\.Shared)\b"),
        when_near(_SECRETS, "`System.Random` produces a value used as a secret.", 2, 2),
    ),
    Pattern(
        TLS_ID,
        _CS,
        re.compile(
            r"\b(?P<at>ServerCertificate(?:Custom)?ValidationCallback|"
            r"RemoteCertificateValidationCallback)\s*\+?=\s*+(?:\([^()]*+\)|\w+)\s*+=>"
            r"\s*+true\b|\b(?P<x>DangerousAcceptAnyServerCertificateValidator)\b"
        ),
        lambda m, t, f: "Every server certificate is accepted.",
    ),
    Pattern(
        JWT_ID,
        _CS,
        re.compile(
            r"\b(?P<at>ValidateIssuerSigningKey|RequireSignedTokens|ValidateLifetime"
            r"|RequireExpirationTime)\s*=\s*false\b"
        ),
        lambda m, t, f: f"`{m.group('at')} = false` weakens token validation.",
    ),
    Pattern(
        COOKIE_ID,
        _CS,
        re.compile(r"\b(?P<at>Secure|HttpOnly)\s*=\s*false\b"),
        _cookie_flag,
    ),
    Pattern(
        COOKIE_ID,
        _CS,
        re.compile(r"\b(?P<at>CookieSecurePolicy\s*\.\s*None)\b"),
        lambda m, t, f: "The cookie may be sent over plain HTTP.",
    ),
    Pattern(
        CORS_ID,
        _CS,
        re.compile(
            r"\b(?P<at>SetIsOriginAllowed)\s*\(\s*\w+\s*=>\s*true\s*\)|"
            r"\b(?P<x>AllowAnyOrigin)\s*\(\s*\)"
        ),
        _cors,
    ),
    Pattern(
        CONN_ID,
        _CS,
        re.compile(r"(?i)(?<![\w{])(?P<at>password|pwd)\s*=\s*(?P<v>[^;\"'\s]+)"),
        lambda m, t, f: (
            _password_literal(m, t, f)
            if re.search(r"(?i)(?:server|data source|host)\s*=", window(t, m.start(), 0, 0))
            else False
        ),
    ),
    Pattern(
        XXE_ID,
        _CS,
        re.compile(
            r"\b(?P<at>DtdProcessing)\s*=\s*DtdProcessing\s*\.\s*Parse\b|"
            r"\b(?P<x>XmlResolver)\s*=\s*new\s+XmlUrlResolver\b|"
            r"\b(?P<y>ProhibitDtd)\s*=\s*false\b"
        ),
        lambda m, t, f: "The XML parser processes DTDs and resolves external entities.",
    ),
)


class CSharpPatterns(PatternCheck):
    name = "security:csharp-patterns"
    rules = PATTERN_RULES
    languages = _CSHARP
    kinds = _CODE_KINDS
    patterns = PATTERNS
    hint = re.compile(
        r"MD5|SHA1|DES|RC2|ECB|Random|Certificate|Validate|RequireSignedTokens|"
        r"RequireExpirationTime|Secure|HttpOnly|Origin|(?i:password|pwd)|Dtd|XmlResolver"
    )


class CSharpSqlInjection(Check):
    name = "security:csharp-sql-injection"
    rules = (CS_SQL_RULE,)
    languages = _CSHARP
    kinds = _CODE_KINDS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return flow_hits(file, {CS_SQL_ID})


CHECKS: list[Check] = [CSharpSqlInjection(), CSharpPatterns()]
