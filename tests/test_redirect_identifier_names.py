"""A redirect whose inputs are all named for a record or a route segment (`service`,
`organization_slug`, `user_id`) and none of which opens the target goes to the summary: the
code between composes the app's own URL from them. A destination's name (`return_url`,
`next`), an unnamed read, or an identifier that opens the target (`redirect(slug)`,
`redirect(slug + "/home")`) stays inline."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from bot.pipeline import review_files
from tests.rule_helpers import run_rule

PYTHON = """\
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/org/<organization_slug>/go")
def go(organization_slug):
    return redirect(home_of(organization_slug))


def home_of(slug):
    return "https://" + slug


@app.route("/next")
def nxt():
    return_url = request.args.get("return_url")
    return redirect(return_url)


@app.route("/s/<slug>")
def bare(slug):
    return redirect(slug)


@app.route("/t/<slug>")
def leading(slug):
    return redirect(slug + "/home")


@app.route("/n")
def unnamed():
    return redirect(request.args["next"])
"""

GO = """\
package web

import (
\t"net/http"

\t"github.com/gin-gonic/gin"
)

func Preview(c *gin.Context) {
\tservice := c.Param("service")
\tc.Redirect(http.StatusFound, previewURL(service))
}

func Back(c *gin.Context) {
\tredirectPath := c.Query("redirect")
\tc.Redirect(http.StatusFound, redirectPath)
}

func Jump(c *gin.Context) {
\tservice := c.Param("service")
\tc.Redirect(http.StatusFound, service)
}

func previewURL(s string) string {
\treturn s
}
"""


def _by_line(path: str, code: str) -> dict[int, Severity]:
    return {f.line: f.severity for f in run_rule([added_file(path, code)], "open-redirect")}


def test_python_identifier_named_inputs_go_to_the_summary() -> None:
    found = _by_line("app/views.py", PYTHON)
    assert found[8] is Severity.INFO  # organization_slug, through a URL builder
    assert found[18] is not Severity.INFO  # return_url: a destination
    assert found[23] is not Severity.INFO  # the slug is the whole target
    assert found[28] is not Severity.INFO  # the slug opens the target
    assert found[33] is not Severity.INFO  # no name: the read itself


def test_go_identifier_named_input_goes_to_the_summary() -> None:
    found = _by_line("internal/web/preview.go", GO)
    assert found[11] is Severity.INFO
    assert found[16] is not Severity.INFO
    assert found[21] is not Severity.INFO  # the id is the whole target (second argument)


def test_the_summary_line_names_the_identifiers() -> None:
    findings = run_rule([added_file("app/views.py", PYTHON)], "open-redirect")
    detail = next(f.body for f in findings if f.line == 8)
    assert "`organization_slug`" in detail and "summary" in detail


ROUTED_VIEWS = """\
from flask import Flask, redirect

from app.routing import home_of

app = Flask(__name__)


@app.route("/org/<organization_slug>/go")
def go(organization_slug):
    return redirect(home_of(organization_slug))
"""


def _redirects(*files: tuple[str, str]) -> list[Severity]:
    result = review_files([added_file(path, code) for path, code in files])
    return [f.severity for f in result.findings if f.rule == "open-redirect"]


def test_through_code_another_file_defines_it_is_followed_and_stays_in_the_summary() -> None:
    # Not shown: the summary, as any flow through unseen code.
    assert _redirects(("app/views.py", ROUTED_VIEWS)) == [Severity.INFO]
    # Shown and unsafe (the slug opens the URL it builds): it stays in the summary, with
    # the names' note, instead of coming back inline.
    unsafe = "def home_of(slug):\n    return slug + '/home'\n"
    result = review_files(
        [added_file("app/views.py", ROUTED_VIEWS), added_file("app/routing.py", unsafe)]
    )
    redirects = [f for f in result.findings if f.rule == "open-redirect"]
    assert [f.severity for f in redirects] == [Severity.INFO]
    assert "named for a record" in redirects[0].body
    # Shown and safe (a fixed path before the slug): followed, no flow is left.
    safe = "def home_of(slug):\n    return '/orgs/' + slug + '/home'\n"
    assert _redirects(("app/views.py", ROUTED_VIEWS), ("app/routing.py", safe)) == []
