"""Set K's classes (docs/benchmarks.md, lead's section of 2026-12-06 evening): ASP.NET Core's
`QueryString` keeps its leading `?`, so redirecting to a path plus it stays on the site."""

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
