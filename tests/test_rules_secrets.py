"""`secret-literal`: tokens and passwords on added lines, masked in every finding.

Sample tokens are assembled from pieces so that no complete credential-shaped string
sits in this repository.
"""

from __future__ import annotations

import pytest

from bot.diff import added_file, parse_diff
from bot.models import ChangedFile, Finding
from bot.rules.engine import run_rules
from bot.rules.secrets import detect, keyword_patterns
from bot.select import select_backend

TOKENS = {
    "OpenAI API key": "sk-" + "proj-" + "Zk8mR2qL7vT4xW9pN3bC6yH1dF5gJ0sA",
    "Anthropic API key": "sk-" + "ant-api03-" + "Qm7Rt2Lx9Vb4Np8Kc3Hw6Jd1Fs5Gz0AyE",
    "Google API key": "AI" + "za" + "SyD4k9Lm2Qx7Rt5Vb8Np3Hc6Jw1Fs0Gz4Ty",
    "npm access token": "npm_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
    "GitHub token": "gh" + "p_" + "R4nd0mT0k3n" * 3 + "abc",
    "GitHub fine-grained token": "github_" + "pat_" + "11ABCDE2F0" + "x7Yz" * 14,
    "Slack token": "xo" + "xb-" + "2345678901-1234567890123-Ab3Cd5Ef7Gh9Ij1Kl3Mn5Op",
    "Stripe live key": "sk_" + "live_" + "9fK2mQ7xL4pV8sT1wZ6yB3nD",
    "AWS access key id": "AK" + "IA" + "Q3VXH7RT2MBK5YPN",
}
PRIVATE_KEY_HEADER = "-----BEGIN " + "RSA PRIVATE KEY-----"
URL_SECRET = "Vd93kLq7Wp2x"  # bastion: ignore[secret-literal] (fake)
URL = "postgres://app:" + URL_SECRET + "@db.prod.internal:5432/app"


def _findings(files: list[ChangedFile]) -> list[Finding]:
    kept, _ = select_backend(files)
    run = run_rules(kept, only=["secret-literal"])
    assert run.errors == []
    return run.findings


@pytest.mark.parametrize(("label", "token"), sorted(TOKENS.items()))
def test_each_token_pattern_is_recognised(label: str, token: str) -> None:
    found = detect(f'API_TOKEN = "{token}"', keyword_patterns("app/settings.py", "python"))
    assert found is not None
    assert found.label == label
    assert found.value == token


def test_private_key_header_and_url_credentials_are_recognised() -> None:
    patterns = keyword_patterns("app/settings.py", "python")
    key = detect(f'KEY = """{PRIVATE_KEY_HEADER}', patterns)
    url = detect(f'DATABASE_URL = "{URL}"', patterns)
    assert key is not None and key.label == "private key"
    assert url is not None and url.label == "credentials in a URL" and url.value == URL_SECRET


@pytest.mark.parametrize(
    "line",
    [
        "password: ${DB_PASSWORD}",
        "api_key: changeme",
        "token: <your-token>",
        "secret: '{{ vault_secret }}'",
        "password: xxxxxxxxxxxx",
        "STRIPE_KEY=sk_live_" + "x" * 24,
        "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7" + "EXAMPLE",
        "DATABASE_URL=postgres://postgres:postgres@db:5432/app",
        "DATABASE_URL=postgres://user:s3cr3tpass@localhost:5432/app",
        "password: ********",
        "db_password: your_password_here",
        "password: ${{ secrets.DB_PASSWORD }}",
        "url: mssql+pyodbc://scott:tiger^5HHH@mssql2017:1433/test",
    ],
)
def test_placeholders_are_not_secrets(line: str) -> None:
    assert detect(line, keyword_patterns("config/app.yaml", "yaml")) is None


@pytest.mark.parametrize(
    "line",
    [
        'SECRET_KEY = os.environ["SECRET_KEY"]',
        'password = os.getenv("DB_PASSWORD")',
        'api_key = request.headers["X-Api-Key"]',
        'PASSWORD_FIELD = "password"',
        'apiKey = "apiKey"',
        'parser.add_argument("--password", help="Database password")',
    ],
)
def test_references_in_code_are_not_secrets(line: str) -> None:
    assert detect(line, keyword_patterns("app/settings.py", "python")) is None


def test_yaml_json_and_dotenv_files_are_scanned() -> None:
    files = [
        added_file("config/app.yaml", "db:\n  password: Zq8vLm2Tr9wK\n"),
        added_file("config/keys.json", '{\n  "stripe": "' + TOKENS["Stripe live key"] + '"\n}\n'),
        added_file(".env", "DEBUG=1\nDB_PASSWORD=Hk38sLq0Zr7x\n"),
    ]
    findings = _findings(files)
    assert {(f.path, f.line) for f in findings} == {
        ("config/app.yaml", 2),
        ("config/keys.json", 2),
        (".env", 2),
    }
    assert all(f.severity == "high" and f.category == "security" for f in findings)


def test_the_secret_never_appears_in_a_finding() -> None:
    lines = [f'{label.upper().replace(" ", "_")} = "{t}"' for label, t in TOKENS.items()]
    # bastion: ignore[secret-literal] (fake)
    lines += [f'DATABASE_URL = "{URL}"', 'DB_PASSWORD = "Zq8vLm2Tr9wK"']
    findings = _findings([added_file("app/settings.py", "\n".join(lines) + "\n")])
    assert len(findings) == len(lines)
    secrets = [*TOKENS.values(), URL_SECRET, "Zq8vLm2Tr9wK"]
    for finding in findings:
        dumped = finding.model_dump_json()
        for secret in secrets:
            assert secret not in dumped
            assert secret[:8] not in dumped
        assert "…" in finding.body


def test_only_added_lines_are_scanned() -> None:
    token = TOKENS["GitHub token"]
    diff = (
        "diff --git a/config/app.yaml b/config/app.yaml\n"
        "--- a/config/app.yaml\n"
        "+++ b/config/app.yaml\n"
        "@@ -1,2 +1,3 @@\n"
        f" old_token: {token}\n"
        " name: api\n"
        f"+new_token: {token}\n"
    )
    findings = _findings(parse_diff(diff))
    assert [f.line for f in findings] == [3]


def test_allowlist_pragma_is_honoured() -> None:
    line = f'TOKEN = "{TOKENS["GitHub token"]}"  # pragma: allowlist secret'
    assert detect(line, keyword_patterns("app/x.py", "python")) is None


# --- tightened after the noise benchmark (docs/benchmarks.md) -------------------------


def test_test_files_still_report_tokens_with_a_real_format() -> None:
    token = TOKENS["GitHub token"]
    code = (
        "def test_login(client):\n"
        '    client.login(username="ada", password="Ch4rl3sB4bb4ge")\n'
        f'    GITHUB_TOKEN = "{token}"\n'
    )
    findings = _findings([added_file("tests/test_login.py", code)])
    assert [f.line for f in findings] == [3]


def test_a_password_outside_tests_is_still_reported() -> None:
    code = 'def login(client):\n    client.login(username="ada", password="Ch4rl3sB4bb4ge")\n'
    assert [f.line for f in _findings([added_file("app/login.py", code)])] == [2]


def test_names_that_describe_a_secret_are_not_secrets() -> None:
    patterns = keyword_patterns("app/settings.py", "python")
    assert detect('SECRET_KEY_INSECURE_PREFIX = "django-insecure-"', patterns) is None
    assert detect('API_KEY_HEADER = "X-Api-Key-Value"', patterns) is None
    assert detect('API_KEY = "k7Pq2Lm9Xv4Tz8Rw"', patterns) is not None


def test_truncated_or_made_up_pem_block_is_not_a_key() -> None:
    """A test of PEM parsing feeds a cut-off block; a block whose body is one whole DER
    structure is reported, in a test file too."""
    begin = "-----BEGIN " + "PRIVATE KEY-----"
    end = "-----END " + "PRIVATE KEY-----"

    def go_test(body: str) -> str:
        return f"package http\n\nvar cases = []string{{\n\t`{begin}\n{body}\n{end}`,\n" + "}\n"

    # A certificate's first 42 bytes: the outer length says 865.
    cut = "MIIDXTCCAkWgAwIBAgIJAKZ7cGiVgJqRMA0GCSqGSIb3DQEBCwUAMEU="
    assert _findings([added_file("src/common/http/transport_test.go", go_test(cut))]) == []
    assert _findings([added_file("src/common/http/transport_test.go", go_test("INVALID"))]) == []
    whole = "MAMCAQA="  # SEQUENCE { INTEGER 0 }: well-formed, so treated as a key
    found = _findings([added_file("src/common/http/transport_test.go", go_test(whole))])
    assert [f.line for f in found] == [4]


def test_key_marker_text_and_stand_in_blocks_are_not_keys() -> None:
    """Tests assert that an export holds a key by its marker words, and fill key fields
    with a block around a word; a seeding script puts a placeholder between markers."""
    marker = "BEGIN OPENSSH " + "PRIVATE KEY"
    assertion = f"    expect($export['key'])->toContain('{marker}');\n"
    assert _findings([added_file("tests/Feature/ExportTest.php", "<?php\n" + assertion)]) == []
    ssh = f'    $key = "-----{marker}-----\\ntest\\n-----END OPENSSH PRIVATE KEY-----";\n'
    assert _findings([added_file("tests/Unit/BundleTest.php", "<?php\n" + ssh)]) == []
    begin, end = "-----BEGIN " + "PRIVATE KEY-----", "-----END " + "PRIVATE KEY-----"
    stand_in = f"    'ssl_key' => \"{begin}\\nMIIDemoProxyKeyPlaceholder\\n{end}\\n\",\n"
    assert _findings([added_file("scripts/seed-demo.php", "<?php\n$p = [\n" + stand_in)]) == []
    # An OpenSSH block with the format's magic is still a key.
    real = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
    end = "-----END OPENSSH " + "PRIVATE KEY-----"
    block = f"<?php\n$k = <<<'KEY'\n-----{marker}-----\n{real}\n{end}\nKEY;\n"
    assert [f.line for f in _findings([added_file("scripts/seed.php", block)])] == [3]


def test_a_marker_that_ends_its_string_names_the_format() -> None:
    """A settings field's help text says what the key looks like; a prefix check
    compares with the marker. A marker joined to more text is still reported."""
    begin = "-----BEGIN " + "PRIVATE KEY-----"
    help_text = (
        "class SharePointAuth(BaseModel):\n    private_key: str = Field(\n"
        "        description=\"PEM-encoded key. Starts with '" + begin + "'\",\n    )\n"
    )
    assert _findings([added_file("app/configs/auth.py", help_text)]) == []
    prefix = f'def is_pem(text):\n    return text.startswith("{begin}")\n'
    assert _findings([added_file("app/keys.py", prefix)]) == []
    joined = f'KEY = "{begin}" + "\\n" + BODY\n'
    assert [f.line for f in _findings([added_file("app/keys.py", joined)])] == [1]


def test_compared_keyword_and_identifier_values_are_not_secrets() -> None:
    js = keyword_patterns("src/auth.js", "javascript")
    assert detect('  } else if (passwordType === "request") {', js) is None
    assert detect('  const password = "Qx7vLm29k"', js) is not None
    yml = keyword_patterns("config/packages/theme.yaml", "yaml")
    assert detect("    theme_password_reset: resetting_request", yml) is None
    assert detect("    admin_password: Qx7vLm29k_prod", yml) is not None
    json = keyword_patterns("src/Notifications/appsettings.json", "json")
    assert detect('    "MetricsApiKey": "injected-at-deploy-time",', json) is None
    assert detect('    "MetricsApiKey": "q7Rz-91kLm-xw2P-vT8e",', json) is not None


def test_a_guessed_secret_in_development_settings_is_a_summary_line() -> None:
    """Flask's `class Development(Config)` and Spring's `application-dev.yml` hold the
    local defaults; the same value in the production profile stays a comment."""
    key = "ZxE6nXhG1v3kz5Qm2Rb9" + "TcYp8WfLa4Ud0Sj7Ni-HoKg="
    settings = (
        "import os\n\n\nclass Config:\n    SECRET_KEY = os.environ['SECRET_KEY']\n\n\n"
        f'class Development(Config):\n    NEW_PASSWORD_ENCRYPTION_KEY = "{key}"\n'
    )
    (found,) = _findings([added_file("app/config.py", settings)])
    assert found.severity.value == "info"
    assert "the `Development` settings class" in found.body
    yml = "spring:\n  datasource:\n    username: shop\n    password: 9xQ2mLw7Zt4pRk\n"
    (dev,) = _findings([added_file("src/main/resources/application-dev.yml", yml)])
    assert dev.severity.value == "info" and "`application-dev.yml`" in dev.body
    (prod,) = _findings([added_file("src/main/resources/application-prod.yml", yml)])
    assert prod.severity.value == "high"
    # A dev profile pointed at a team's internal server: that login opens a shared machine.
    url = "    url: jdbc:mysql://172.16.10.227:3306/shop\n"
    shared = yml.replace("    username:", url + "    username:")
    (internal,) = _findings([added_file("src/main/resources/application-dev.yml", shared)])
    assert internal.severity.value == "high"


def test_the_id_or_endpoint_of_something_about_a_secret_is_not_one() -> None:
    """A mail template's id and an API path named for the password flow they serve."""
    php = (
        "<?php\nclass MailFactory\n{\n"
        "    public const string RESET_PASSWORD_TEMPLATE_ID = "
        "'827555cc-498a-43ef-957a-63fa387065e3';\n"
        "    protected const string RECREATE_TOKEN_ENDPOINT = 'user/recreate-token/%s';\n}\n"
    )
    assert _findings([added_file("src/Service/Mailer/MailFactory.php", php)]) == []
