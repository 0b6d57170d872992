"""A file named as a template to copy (`.env.example`, `.env.sample`) holds placeholders:
a secret-looking value there goes to the summary, the same value in `.env` stays inline."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from bot.pipeline import review_files

TEXT = "# Database\n# POSTGRES_PASSWORD=Kq8vR2nLx7Wp\nAPP_SECRET=Zr8#kd93LqPw0vXa\n"


def _severities(path: str) -> set[Severity]:
    findings = review_files([added_file(path, TEXT)]).findings
    return {f.severity for f in findings if f.rule == "secret-literal"}


def test_a_template_file_sends_secret_literals_to_the_summary() -> None:
    assert _severities(".env.example") == {Severity.INFO}
    assert _severities("deploy/.env.sample") == {Severity.INFO}
    assert _severities(".env") == {Severity.HIGH}
