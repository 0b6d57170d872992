"""False-alarm classes of the freshly judged security set J (docs/benchmarks.md, `secJfix`):
the ones a rule fixture under tests/rules/ cannot show (a severity, a note)."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Finding, Severity
from bot.rules.engine import registry, run_rules
from bot.select import select_backend


def _findings(path: str, code: str, rule: str) -> list[Finding]:
    kept, _ = select_backend([added_file(path, code)])
    run = run_rules(kept, only=[rule])
    assert run.errors == []
    return [f for f in run.findings if f.rule == registry().canonical(rule)]


def _severities(path: str, code: str, rule: str) -> list[tuple[int, Severity]]:
    return [(f.line, f.severity) for f in _findings(path, code, rule)]


def test_digest_ha1_built_in_a_helper_goes_to_the_summary() -> None:
    code = (
        "class Gate < ApplicationRecord\n"
        "  def secret=(password)\n"
        "    self.ha1 = Digest::MD5.hexdigest(digest_parts(password))\n"
        "  end\n\n"
        "  def digest_parts(password)\n"
        '    [login, realm_name, password].join(":")\n'
        "  end\n"
        "end\n"
    )
    found = _findings("app/models/gate.rb", code, "password-fast-hash")
    assert [(f.line, f.severity) for f in found] == [(3, Severity.INFO)]
    assert "HA1" in found[0].body and "RFC 2617" in found[0].body


def test_digest_ha1_with_a_realm_is_info_in_php_and_go() -> None:
    php = (
        "<?php\n"
        "function remember(string $user, string $password): string {\n"
        "    return md5($user . ':' . AUTH_REALM . ':' . $password);\n"
        "}\n"
    )
    assert _severities("src/Auth/DigestStore.php", php, "password-fast-hash") == [
        (3, Severity.INFO)
    ]
    go = (
        "package auth\n\n"
        'import (\n\t"crypto/md5"\n\t"fmt"\n)\n\n'
        "func entry(user, realm, password string) [16]byte {\n"
        '\treturn md5.Sum([]byte(fmt.Sprintf("%s:%s:%s", user, realm, password)))\n'
        "}\n"
    )
    assert _severities("internal/auth/digest.go", go, "password-fast-hash") == [(9, Severity.INFO)]


def test_plain_and_user_salted_password_hashes_stay_inline() -> None:
    code = (
        "<?php\n"
        "function store(string $user, string $password): array {\n"
        "    $a = md5($password);\n"
        '    $b = md5("$user:$password");\n'
        "    $c = sha1($user . ':' . $password);\n"
        "    return [$a, $b, $c];\n"
        "}\n"
    )
    found = _severities("src/Auth/Store.php", code, "password-fast-hash")
    assert [line for line, _ in found] == [3, 4, 5]
    assert all(severity is not Severity.INFO for _, severity in found)
