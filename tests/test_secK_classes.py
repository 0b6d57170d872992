"""Set K's classes (docs/benchmarks.md, lead's section of 2026-12-06 evening): ASP.NET Core's
`QueryString` keeps its leading `?`, so redirecting to a path plus it stays on the site; a Ruby
method with a parameter named `params` that its own file calls gets its callers' value."""

from __future__ import annotations

from bot.diff import added_file
from tests.rule_helpers import run_rule

CSHARP = """\
using Microsoft.AspNetCore.Builder;

public static class BasePath
{
    public static void Use(IApplicationBuilder app, string redirectTarget)
    {
        app.Use(async (context, next) =>
        {
            var query = context.Request.QueryString;
            var queryString = query.HasValue ? query.Value : "";
            context.Response.Redirect(redirectTarget + queryString, true);
            var back = context.Request.Query["returnUrl"];
            context.Response.Redirect(back);
            await next();
        });
    }
}
"""


def test_a_redirect_keeping_the_query_string_stays_on_the_site() -> None:
    lines = [f.line for f in run_rule([added_file("Startup.cs", CSHARP)], "open-redirect")]
    assert 11 not in lines
    assert 13 in lines


RUBY = """\
module ActivitiesHelper
  def render_activity(activity)
    params = activity.parameters
    page_options(params)
  end

  def page_options(params)
    "<b>#{params[:title]}</b>".html_safe
  end
end
"""

RUBY_MODEL = """\
class Note < ApplicationRecord
  def self.search(params)
    "<b>#{params[:title]}</b>".html_safe
  end
end
"""


def test_a_ruby_helper_parameter_named_params_follows_its_callers_in_the_file() -> None:
    helper = run_rule([added_file("app/helpers/activities_helper.rb", RUBY)], "reflected-xss")
    assert not helper
    # Called only from elsewhere (a controller passing the request's params): still the request.
    model = run_rule([added_file("app/models/note.rb", RUBY_MODEL)], "reflected-xss")
    assert [f.line for f in model] == [3]
