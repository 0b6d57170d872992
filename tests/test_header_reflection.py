"""A page reflecting only a request header (User-Agent, Accept-Language) shows the sender's
own value: another site cannot set it in the victim's browser, so the finding goes to the
summary. Referer and Cookie can be chosen by another site (a link, a cookie set earlier) and
stay inline, as does a query parameter. C#'s `WriteAsync` is a page sink only on the
response. See docs/benchmarks.md "secJfix"."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from tests.rule_helpers import run_rule

PYTHON = """\
from flask import Flask, request
app = Flask(__name__)

@app.route("/ua")
def ua():
    agent = request.headers.get("User-Agent")
    return "<p>" + agent + "</p>"

@app.route("/ref")
def ref():
    back = request.headers.get("Referer")
    return "<a href='" + back + "'>back</a>"

@app.route("/q")
def q():
    name = request.args.get("name")
    return "<p>" + name + "</p>"
"""

PHP = """\
<?php
echo "<p>" . $_SERVER['HTTP_USER_AGENT'] . "</p>";
echo "<p>" . $_SERVER['PHP_SELF'] . "</p>";
echo "<p>" . $_GET['q'] . "</p>";
"""

CSHARP = """\
using Microsoft.AspNetCore.Mvc;
using System.Threading.Channels;

public class LogsController : Controller
{
    private readonly ChannelWriter<string> channelWriter;

    [HttpGet("tail")]
    public async Task Tail(string filter)
    {
        await channelWriter.WriteAsync("<b>" + filter + "</b>");
        await Response.WriteAsync("<b>" + filter + "</b>");
    }
}
"""


def _by_line(path: str, code: str) -> dict[int, Severity]:
    return {f.line: f.severity for f in run_rule([added_file(path, code)], "reflected-xss")}


def test_a_reflected_header_goes_to_the_summary_but_referer_and_query_stay() -> None:
    got = _by_line("app.py", PYTHON)
    assert got[7] is Severity.INFO
    assert got[12] is not Severity.INFO
    assert got[17] is not Severity.INFO


def test_php_server_headers_only_not_the_url() -> None:
    got = _by_line("page.php", PHP)
    assert got[2] is Severity.INFO
    assert got[3] is not Severity.INFO
    assert got[4] is not Severity.INFO


def test_csharp_write_async_is_a_page_sink_on_the_response_only() -> None:
    got = _by_line("Controllers/LogsController.cs", CSHARP)
    assert 11 not in got
    assert got.get(12) is not None and got[12] is not Severity.INFO


PHP_PLAIN = """\
<?php
header('Content-Type: text/plain; charset=UTF-8');
header('X-Content-Type-Options: nosniff');
echo $_GET['challenge'];
"""


def test_a_php_script_declaring_a_non_html_type_echoes_no_page() -> None:
    assert _by_line("p/api/hub.php", PHP_PLAIN) == {}
    html = PHP_PLAIN.replace("text/plain", "text/html")
    assert 4 in _by_line("p/api/hub.php", html)
    assert 4 in _by_line("p/api/hub.php", PHP_PLAIN.replace("header('Content-Type", "// ('"))


PHP_REDIRECT = """\
<?php
function checkSSL(): void {
    global $request;
    if (!$request->isSecure()) {
        $to = 'https://' . $request->getHost() . $request->getRequestUri();
        emitResponse(new RedirectResponse($to));
    }
}
header('Location: ' . $_SERVER['HTTP_REFERER']);
header('Location: ' . $_GET['next']);
"""


def test_a_redirect_built_from_the_host_header_stays_on_the_site() -> None:
    """The force-HTTPS redirect to the request's own host and path: the browser sent that
    Host itself. Referer and the query are the other site's choice and stay inline."""
    got = {
        f.line: f.severity
        for f in run_rule([added_file("load.php", PHP_REDIRECT)], "open-redirect")
    }
    assert 6 not in got
    assert got[9] is not Severity.INFO
    assert got[10] is not Severity.INFO


GO_REDIRECT = """\
package web

func forceHTTPS(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "https://"+r.Host+r.URL.Path, http.StatusMovedPermanently)
}

func next(w http.ResponseWriter, r *http.Request) {
	u, _ := url.Parse(r.URL.Query().Get("next"))
	http.Redirect(w, r, "https://"+u.Host+"/home", http.StatusFound)
}
"""


RUBY_REDIRECT = """\
class GoController < ApplicationController
  def https
    redirect_to "https://" + request.host + request.fullpath
  end

  def away
    redirect_to "https://" + URI(params[:next]).host + "/home"
  end
end
"""


def test_only_the_requests_own_host_keeps_a_redirect_on_the_site() -> None:
    """`r.Host`, `request.host` are the host the browser asked; the host of a URL the
    client sent (`u.Host`, `URI(params[:next]).host`) is not."""
    got = [f.line for f in run_rule([added_file("web/https.go", GO_REDIRECT)], "open-redirect")]
    assert got == [9]
    ruby = [added_file("app/controllers/go_controller.rb", RUBY_REDIRECT)]
    assert [f.line for f in run_rule(ruby, "open-redirect")] == [7]
