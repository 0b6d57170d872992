"""A fast digest that is one arm of a choice by stored algorithm, beside a password hash,
verifies hashes an older version wrote (judged on real commits, set R): a summary line.
The same digest with no password hash beside it stays inline."""

from __future__ import annotations

from bot.config import RepoConfig
from bot.diff import added_file
from bot.models import Finding, Severity
from bot.pipeline import review_files

PHP = """<?php
class Password
{
    private function hashPassword(string $password): string
    {
        $password .= $this->salt;
        return match ($this->algorithm) {
            'bcrypt' => password_hash($password, PASSWORD_BCRYPT, ['cost' => 12]),
            'sha1md5' => sha1(md5($password)),
            default => throw new Exception('Invalid Hashing Algorithm!'),
        };
    }
}
"""

PYTHON = """import hashlib

import bcrypt


def check(stored, password):
    if stored.algorithm == "bcrypt":
        return bcrypt.checkpw(password.encode(), stored.digest)
    elif stored.algorithm == "sha1":
        return hashlib.sha1(password.encode()).hexdigest() == stored.digest
    return False
"""


def _fast(path: str, code: str) -> list[Finding]:
    found = review_files([added_file(path, code)], RepoConfig(llm=False)).findings
    return [f for f in found if f.rule == "password-fast-hash"]


def test_a_legacy_arm_beside_a_password_hash_goes_to_the_summary() -> None:
    found = _fast("protected/modules/user/models/Password.php", PHP)
    assert [(f.line, f.severity) for f in found] == [(9, Severity.INFO)]
    assert "beside `password_hash`" in found[0].body


def test_the_digest_alone_stays_inline() -> None:
    alone = PHP.replace(
        "            'bcrypt' => password_hash($password, PASSWORD_BCRYPT, ['cost' => 12]),\n", ""
    )
    assert [f.severity for f in _fast("protected/models/Password.php", alone)] == [Severity.HIGH]
    # Not an arm of a choice: a slow hash elsewhere in the file does not excuse it.
    plain = (
        "<?php\nfunction store($password) {\n    return sha1($password);\n}\n"
        "function better($password) {\n    return password_hash($password, PASSWORD_DEFAULT);\n}\n"
    )
    assert [f.severity for f in _fast("src/Auth.php", plain)] == [Severity.HIGH]


def test_an_elif_arm_beside_bcrypt_goes_to_the_summary() -> None:
    found = _fast("app/auth/passwords.py", PYTHON)
    assert [(f.line, f.severity) for f in found] == [(10, Severity.INFO)]


def test_a_branch_testing_for_the_old_format_beside_phpass_goes_to_the_summary() -> None:
    php = """<?php
function check_password_hash($user, $submitted_password) {
    global $passwords;
    if (has_phpass_password($user)) {
        list(, $hash) = explode(':', $passwords[$user]);
        return phpass_check($submitted_password, $hash);
    } else if (has_md5_password($user)) {
        list(, $salt, ) = explode(':', $passwords[$user]);
        $digest = md5($salt . $submitted_password);
        return hash_equals($passwords[$user], 'md5:' . $salt . ':' . $digest);
    }
    return false;
}
"""
    found = _fast("includes/functions-auth.php", php)
    assert [(f.line, f.severity) for f in found] == [(9, Severity.INFO)]


REHASHING_HASHER = """<?php
class PasswordHasher
{
    public function verify(string $hashedPassword, string $plainPassword): bool
    {
        $hash = sha1($plainPassword . ':' . $this->authMagic);
        return hash_equals($hashedPassword, $hash);
    }

    public function needsRehash(string $hashedPassword): bool
    {
        return true;
    }

    public function hash(string $plainPassword): string
    {
        return sha1($plainPassword);
    }
}
"""


def test_a_digest_in_the_verify_method_of_a_rehashing_hasher_goes_to_the_summary() -> None:
    """The hasher verifies old hashes and asks for a rehash at the next login (set Z,
    EC-CUBE); its `hash()` making new fast hashes stays inline."""
    found = {f.line: f.severity for f in _fast("src/Security/PasswordHasher.php", REHASHING_HASHER)}
    assert found[6] is Severity.INFO
    assert found[17] is Severity.HIGH
