"""Flask-CORS with credentials: `origins='*'` is inline; no `origins` at all takes the
app's `CORS_ORIGINS` setting (the default `*` only without one), which the file does not
show, so that finding goes to the summary and says so."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from bot.pipeline import review_files


def _cors(code: str) -> list[tuple[Severity, str]]:
    findings = review_files([added_file("app/auth/views.py", code)]).findings
    return [(f.severity, f.body) for f in findings if f.rule == "cors-any-origin-with-credentials"]


def test_no_origins_goes_to_the_summary_naming_the_setting() -> None:
    code = (
        "from flask_cors import cross_origin\n\n\n"
        "@auth.route('/login', methods=['POST'])\n"
        "@cross_origin(supports_credentials=True)\n"
        "def login():\n    return 'ok'\n"
    )
    [(severity, detail)] = _cors(code)
    assert severity is Severity.INFO
    assert "CORS_ORIGINS" in detail


def test_any_origin_named_stays_inline() -> None:
    code = "from flask_cors import CORS\n\nCORS(app, origins='*', supports_credentials=True)\n"
    [(severity, _)] = _cors(code)
    assert severity is not Severity.INFO
