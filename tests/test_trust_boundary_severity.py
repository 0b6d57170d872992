"""A request value stored in the session goes to the summary, with why: under a key later
checks trust, whether it was verified first is in code the flow does not show (in judged real
projects' history none of these was a bug); under any other key, later code may never trust it."""

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


def _findings(key: str) -> list[tuple[Severity, str]]:
    result = review_files([added_file("app/views.py", VIEW.replace("{key}", key))])
    return [(f.severity, f.body) for f in result.findings if f.rule == "trust-boundary-violation"]


def _trust(key: str) -> list[Severity]:
    return [severity for severity, _ in _findings(key)]


def test_a_key_an_authorisation_check_reads_goes_to_the_summary_asking_for_the_check() -> None:
    assert _trust("role") == [Severity.INFO]
    assert _trust("user_id") == [Severity.INFO]
    assert all("verified before it was stored" in body for _, body in _findings("role"))


def test_a_display_preference_goes_to_the_summary() -> None:
    assert _trust("theme") == [Severity.INFO]
    assert _trust("last_search") == [Severity.INFO]
    assert all("does not name anything" in body for _, body in _findings("theme"))
