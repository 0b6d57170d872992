"""A request value stored in the session is inline only under a key later checks trust."""

from bot.diff import added_file
from bot.models import Severity
from bot.pipeline import review_files

VIEW = """
from flask import Flask, request, session

app = Flask(__name__)


@app.post("/prefs")
def prefs():
    session["{key}"] = request.form["value"]
    return "ok"
"""


def _trust(key: str) -> list[Severity]:
    result = review_files([added_file("app/views.py", VIEW.replace("{key}", key))])
    return [f.severity for f in result.findings if f.rule == "trust-boundary-violation"]


def test_a_key_an_authorisation_check_reads_is_inline() -> None:
    assert _trust("role") == [Severity.MEDIUM]
    assert _trust("user_id") == [Severity.MEDIUM]


def test_a_display_preference_goes_to_the_summary() -> None:
    assert _trust("theme") == [Severity.INFO]
    assert _trust("last_search") == [Severity.INFO]
