"""A cookie without Secure/HttpOnly is a comment when it may carry a credential; when its
name says it holds a preference (`player-id`, a cart), the finding goes to the summary
saying why."""

from __future__ import annotations

import pytest

from bot.diff import added_file
from bot.models import Severity
from bot.pipeline import review_files

FLASK = """\
from flask import make_response


def done(value):
    resp = make_response("ok")
    resp.set_cookie("%s", value)
    return resp
"""


def _cookies(path: str, code: str) -> list[Severity]:
    findings = review_files([added_file(path, code)]).findings
    return [f.severity for f in findings if f.rule == "cookie-insecure"]


@pytest.mark.parametrize("name", ["player-id", "cart"])
def test_a_preference_cookie_goes_to_the_summary(name: str) -> None:
    assert _cookies("app/views/prefs.py", FLASK % name) == [Severity.INFO]


@pytest.mark.parametrize("name", ["session", "auth_token", "theme_session", "remember_me", "x"])
def test_a_cookie_that_may_carry_a_credential_stays_inline(name: str) -> None:
    got = _cookies("app/views/login.py", FLASK % name)
    assert got and got[0] is not Severity.INFO
