"""Where a secret-looking value is documentation or a local service's login (set J's
classes, docs/benchmarks.md "secJfix"): an API description's `example:` values are
dropped (a token of a real format is not); a password in a block whose host is
localhost goes to the summary; a file re-saved from CR-only line ends is old code."""

from __future__ import annotations

from bot.diff import added_file, parse_diff
from bot.models import Severity
from bot.pipeline import review_files

SPEC = """\
openapi: 3.0.1
info:
  title: Keys
paths:
  /keys:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                password:
                  type: string
            examples:
              '0':
                value: '{"name":"First","password":"8iu8V8EeoFVpwQvQeS9wiD"}'
            example:
              password: "Zr8kd93LqPw0vXaT"
"""


def _secrets(path: str, text: str) -> dict[int, Severity]:
    findings = review_files([added_file(path, text)]).findings
    return {f.line: f.severity for f in findings if f.rule == "secret-literal"}


def test_example_values_of_an_api_description_are_no_secret() -> None:
    assert _secrets("api/openapi.yml", SPEC) == {}


def test_the_same_values_outside_an_api_description_are_reported() -> None:
    plain = SPEC.replace("openapi: 3.0.1", "name: keys")
    assert set(_secrets("config/keys.yml", plain).values()) == {Severity.HIGH}


def test_a_real_token_format_in_an_example_is_still_reported() -> None:
    leaked = SPEC.replace('password: "Zr8kd93LqPw0vXaT"', 'aws_key: "AKIAQWERTYUIOPASDFGH"')
    assert 19 in _secrets("api/openapi.yml", leaked)


STUB = """\
services {
    auth {
        host=localhost
        port=8500
    }
    billing {
        username="svc.user"
        password="Qw7rT9zx2Lk"
        host = localhost
        port = 7002
    }
    payments {
        username="svc.user"
        password="Hy3mP8vc5Rd"
        host = payments.internal.example-corp.net
    }
}
"""


def test_a_password_beside_a_localhost_host_goes_to_the_summary() -> None:
    got = _secrets("conf/application.conf", STUB)
    assert got[8] is Severity.INFO
    assert got[14] is Severity.HIGH


def test_a_file_resaved_from_cr_line_ends_is_old_code() -> None:
    old = "# storage\rstorage.clientSecret=Zr8kd93LqPw0vXaTq1\rstorage.region=eu"
    added = ["# storage", "storage.clientSecret=Zr8kd93LqPw0vXaTq1", "storage.region=eu"]
    diff = "".join(
        [
            "diff --git a/app.properties b/app.properties\n",
            "--- a/app.properties\n+++ b/app.properties\n",
            "@@ -1 +1,4 @@\n",
            f"-{old}\n",
            "\\ No newline at end of file\n",
            *(f"+{line}\n" for line in [*added, "storage.retries=3"]),
        ]
    )
    (file,) = parse_diff(diff)
    assert file.reindented_lines() == frozenset({1, 2, 3})
    findings = review_files([file]).findings
    assert [f.severity for f in findings if f.rule == "secret-literal"] == [Severity.INFO]


def _fresh_pem() -> str:
    """A private key made when the test runs (none is committed), PEM-encoded."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def _pem() -> str:
    """A fresh key as a Kotlin string."""
    return f'val key = """{_fresh_pem()}"""\n'


def test_a_private_key_in_test_code_goes_to_the_summary() -> None:
    pem = _pem()
    assert set(_secrets("src/test/kotlin/certs/Server.kt", pem).values()) == {Severity.INFO}
    assert set(_secrets("src/main/kotlin/certs/Server.kt", pem).values()) == {Severity.HIGH}


CATALOGUE = '{\n  "install_auth_password": "Adgangskode",\n  "db_password": "Wachtwoord"\n}\n'


def test_a_translation_catalogue_is_no_secret_whatever_its_folder_prefix() -> None:
    # `__locales/` (a front end's), `_locales/` (a browser extension's), plain `locales/`.
    for folder in (
        "client/src/__locales",
        "ext/_locales/da",
        "web/locales",
        "app/l10n",
        "wwwroot/Localizations",
    ):
        assert _secrets(f"{folder}/da.json", CATALOGUE) == {}, folder


def test_the_same_values_outside_a_catalogue_folder_are_reported() -> None:
    assert set(_secrets("config/settings.json", CATALOGUE)) == {2, 3}


def test_a_private_key_in_a_file_of_development_keys_goes_to_the_summary() -> None:
    """`dev-keys.yml`: key pairs generated for local runs; the same key elsewhere is high."""
    pem = _fresh_pem()
    yml = "keys:\n  - kid: local\n    value: |\n" + "".join(
        f"      {r}\n" for r in pem.splitlines()
    )
    assert set(_secrets("dev-keys.yml", yml).values()) == {Severity.INFO}
    assert set(_secrets("deploy/keys.yml", yml).values()) == {Severity.HIGH}


def test_a_password_in_a_local_spring_profile_or_django_conf_module_goes_to_the_summary() -> None:
    """`application-localkoski.properties` (a profile for running beside a local service)
    and `conf/dev.py` are loaded only on a developer's machine; the same line in the
    production profile is high."""
    props = "kitu.koski.username=svc\nkitu.koski.password=Xq7pLm2zz9Tr\n"
    local = "server/src/main/resources/application-localkoski.properties"
    assert set(_secrets(local, props).values()) == {Severity.INFO}
    prod = "server/src/main/resources/application-prod.properties"
    assert set(_secrets(prod, props).values()) == {Severity.HIGH}
    py = 'DB_PASSWORD = "Xq7pLm2zz9Tr"\n'
    assert set(_secrets("src/openzaak/conf/dev.py", py).values()) == {Severity.INFO}
    assert set(_secrets("src/openzaak/conf/production.py", py).values()) == {Severity.HIGH}


def test_a_password_in_a_dotenv_file_for_development_or_tests_goes_to_the_summary() -> None:
    """dotenv loads `.env.development` and `.env.test` only in those environments; the
    production file's same line is high."""
    env = "OPENSEARCH_PASSWORD=Xq7pLm2zz9Tr\n"
    assert set(_secrets(".env.development", env).values()) == {Severity.INFO}
    assert set(_secrets(".env.local", env).values()) == {Severity.INFO}
    assert set(_secrets("server/.env.ci", env).values()) == {Severity.INFO}
    assert set(_secrets(".env.production", env).values()) == {Severity.HIGH}


def test_a_documented_example_key_cut_short_by_its_detector_is_a_placeholder() -> None:
    """The AWS detector reports only a key's first 20 characters: `AKIA1234567890EXAMPLE`
    must be read whole to be seen as an example, while a real-looking key stays."""
    example = 'want := "AKIA1234567890EXAMPLE"\n'
    assert _secrets("internal/registry/sync.go", example) == {}
    real = 'want := "AKIAQ4NSDFJ2KX7PLM3Z"\n'
    assert set(_secrets("internal/registry/sync.go", real).values()) == {Severity.HIGH}
