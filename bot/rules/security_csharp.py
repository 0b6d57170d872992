"""C# security rules. `csharp-sql-injection` reports from flows: request input
(an action parameter, `Request.Query`) that reaches the SQL text of a query call."""

from __future__ import annotations

from collections.abc import Iterable

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.rules.taint.api import flow_hits

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_CSHARP = frozenset({"csharp"})

CS_SQL_ID = "csharp-sql-injection"
CS_SQL_RULE = Rule(
    id=CS_SQL_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="Request input is spliced into the SQL of a query call",
    rationale=(
        "CWE-89. The value becomes part of the statement text, so whoever sends it "
        "controls the query: `' OR '1'='1` returns every row and a UNION reads other "
        "tables. `FromSqlRaw`/`ExecuteSqlRaw` and Dapper take the string as it is; only "
        "their parameter arguments are bound."
    ),
    fix=(
        'Bind values: EF Core `FromSqlInterpolated`/`FromSql($"… {name}")` (turned into '
        'parameters), `FromSqlRaw("… WHERE name = {0}", name)`, Dapper '
        '`conn.Query<User>("… WHERE name = @name", new { name })`, `SqlCommand` with '
        "`Parameters.AddWithValue`. Identifiers come from a fixed allow-list."
    ),
    languages=("csharp",),
    positive=(
        RuleCase(
            path="Controllers/UsersController.cs",
            code=(
                "[ApiController]\n"
                "public class UsersController : ControllerBase\n"
                "{\n"
                '    [HttpGet("users")]\n'
                "    public IActionResult Get([FromQuery] string name)\n"
                "    {\n"
                "        var rows = _db.Users.FromSqlRaw($\"SELECT * FROM users WHERE name = '{name}'\").ToList();\n"  # noqa: E501
                "        return Ok(rows);\n"
                "    }\n"
                "}\n"
            ),
            lines=(7,),
        ),
    ),
    negative=(
        RuleCase(
            path="Controllers/UsersController.cs",
            code=(
                "[ApiController]\n"
                "public class UsersController : ControllerBase\n"
                "{\n"
                '    [HttpGet("users")]\n'
                "    public IActionResult Get([FromQuery] string name)\n"
                "    {\n"
                '        var rows = _db.Users.FromSqlInterpolated($"SELECT * FROM users WHERE name = {name}").ToList();\n'  # noqa: E501
                "        return Ok(rows);\n"
                "    }\n"
                "}\n"
            ),
        ),
    ),
)


class CSharpSqlInjection(Check):
    name = "security:csharp-sql-injection"
    rules = (CS_SQL_RULE,)
    languages = _CSHARP
    kinds = _CODE_KINDS

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return flow_hits(file, {CS_SQL_ID})


CHECKS: list[Check] = [CSharpSqlInjection()]
