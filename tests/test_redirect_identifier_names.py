"""A redirect whose inputs are all named for a record or a route segment (`service`,
`organization_slug`, `user_id`) and none of which opens the target goes to the summary: the
code between composes the app's own URL from them. A destination's name (`return_url`,
`next`), an unnamed read, or an identifier that opens the target (`redirect(slug)`,
`redirect(slug + "/home")`) stays inline."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
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
