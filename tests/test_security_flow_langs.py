"""Go, Ruby, PHP, Kotlin, C# and Scala injection findings come from flows: request
input reaching a sink. Internal names spliced into SQL stay silent."""

from __future__ import annotations

import pytest
import rule_helpers as helpers
from rule_helpers import flagged

from bot.diff import added_file
from bot.rules.taint.api import file_flows


def review_new(path: str, code: str, rule: str) -> list[int]:
    return flagged(helpers.review_new(path, code, rule))


CS_PREVIEW = """[ApiController]
public class PreviewController : ControllerBase
{
    [HttpGet("preview")]
    public async Task<IActionResult> Get([FromQuery] string url)
    {
        var body = await _http.GetStringAsync(url);
        var fixedBody = await _http.GetStringAsync("https://status.example.com/");
        return Content("<p>" + url + "</p>", "text/html");
    }
}
"""

PLAY_PREVIEW = """class PreviewController @Inject()(ws: WSClient, cc: ControllerComponents)
    extends AbstractController(cc) {
  def preview = Action { request =>
    val url = request.getQueryString("url").getOrElse("")
    ws.url(url).get()
    ws.url("https://status.example.com/").get()
    Ok(Html("<p>" + HtmlFormat.escape(url) + "</p>"))
    Ok(Html("<p>" + url + "</p>"))
  }
}
"""


@pytest.mark.parametrize(
    ("path", "code", "rule", "lines"),
    [
        ("Controllers/PreviewController.cs", CS_PREVIEW, "ssrf", [7]),
        ("Controllers/PreviewController.cs", CS_PREVIEW, "reflected-xss", [9]),
        ("app/controllers/PreviewController.scala", PLAY_PREVIEW, "ssrf", [5]),
        ("app/controllers/PreviewController.scala", PLAY_PREVIEW, "reflected-xss", [8]),
    ],
)
def test_csharp_and_scala_report_xss_and_ssrf_from_flows(
    path: str, code: str, rule: str, lines: list[int]
) -> None:
    assert review_new(path, code, rule) == lines


def test_csharp_json_deserialization_is_not_flagged() -> None:
    code = (
        "public class PrefsController : ControllerBase\n{\n"
        '    [HttpPost("prefs")]\n'
        "    public IActionResult Save([FromBody] string blob)\n    {\n"
        "        var p = JsonSerializer.Deserialize<Prefs>(blob);\n"
        "        return Ok(p);\n    }\n}\n"
    )
    assert review_new("Controllers/PrefsController.cs", code, "unsafe-deserialization") == []


def test_store_parameter_spliced_into_sql_is_not_request_input() -> None:
    # The pattern rule flagged this; without a request source there is no finding.
    code = (
        "package store\n\nfunc (s *Store) ByTable(table string) {\n"
        '\ts.db.Query("SELECT * FROM " + table + " WHERE id = ?", 1)\n}\n'
    )
    assert review_new("internal/store/t.go", code, "sql-injection") == []


def test_ruby_arel_table_name_next_to_bound_value_is_not_flagged() -> None:
    code = (
        "class UsersController < ApplicationController\n  def index\n"
        '    User.where("#{User.arel_table.name}.email = ?", params[:email])\n'
        "    User.where(\"email = '#{params[:email]}'\")\n  end\nend\n"
    )
    assert review_new("app/controllers/users_controller.rb", code, "sql-injection") == [4]


def test_test_files_report_no_flows() -> None:
    code = 'package x\n\nfunc f(c *gin.Context) {\n\tdb.Query("SELECT " + c.Query("q"))\n}\n'
    assert review_new("internal/x/x_test.go", code, "sql-injection") == []
    assert review_new("internal/x/x.go", code, "sql-injection") == [4]


def test_either_of_two_constants_is_an_allow_list() -> None:
    code = (
        "package x\n\nfunc f(c *gin.Context) {\n"
        '\td := c.Query("d")\n'
        '\tif d == "asc" || d == "desc" {\n'
        '\t\tdb.Query("SELECT * FROM t ORDER BY id " + d)\n'
        "\t}\n"
        '\tif d == "asc" || c.Query("x") == "y" {\n'
        '\t\tdb.Query("SELECT * FROM t ORDER BY id " + d)\n'
        "\t}\n"
        "}\n"
    )
    # Only a value both sides of `||` pin is safe in the branch.
    assert review_new("internal/x/x.go", code, "sql-injection") == [9]


def test_python_guard_on_a_request_read_is_an_allow_list() -> None:
    code = (
        "from flask import request\n\n@app.get('/u')\ndef users():\n"
        "    if request.args.get('sort') in ('name', 'email'):\n"
        "        db.execute('SELECT * FROM u ORDER BY ' + request.args.get('sort'))\n"
        "    db.execute('SELECT * FROM u ORDER BY ' + request.args.get('sort'))\n"
    )
    flows = file_flows(added_file("app/views.py", code).model_copy(update={"language": "python"}))
    assert sorted(f.line for f in flows if f.cls == "sql") == [7]
