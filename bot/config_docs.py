"""Generated parts of README.md (the config reference from `RepoConfig`, the example
review rendered from the shipped example PR) and the config's JSON Schema.

`python -m bot.config_docs` rewrites them; tests fail when any is out of date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bot.config import RepoConfig, parse_config

BEGIN = "<!-- config-reference:begin -->"
END = "<!-- config-reference:end -->"
EXAMPLE_BEGIN = "<!-- example-review:begin -->"
EXAMPLE_END = "<!-- example-review:end -->"
EXAMPLE_DIFF = "examples/pr-mixed.diff"
EXAMPLE_RULE = "sql-injection"
ROOT = Path(__file__).resolve().parent.parent


def _default(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "`[" + ", ".join(str(getattr(v, "value", v)) for v in value) + "]`"
    if isinstance(value, dict):
        return f"`{value}`"
    if value is None:
        return "—"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{getattr(value, 'value', value)}`"


def _rows(model: type[BaseModel], prefix: str = "") -> list[str]:
    rows: list[str] = []
    instance = model()
    for name, field in model.model_fields.items():
        key = f"{prefix}{name}"
        value = getattr(instance, name)
        if isinstance(value, BaseModel):
            rows.append(f"| `{key}` | | {field.description or ''} |")
            rows += _rows(type(value), f"{key}.")
            continue
        description = (field.description or "").replace("|", "\\|")
        rows.append(f"| `{key}` | {_default(value)} | {description} |")
    return rows


def reference_table() -> str:
    lines = ["| key | default | meaning |", "|---|---|---|", *_rows(RepoConfig)]
    return "\n".join(lines) + "\n"


def json_schema() -> str:
    schema = RepoConfig.model_json_schema()
    # `llm: false` is accepted by a validator on the model; say so in the schema too.
    llm = schema["properties"]["llm"]
    schema["properties"]["llm"] = {
        "anyOf": [{"type": "boolean"}, {k: v for k, v in llm.items() if k != "description"}],
        "description": llm.get("description", ""),
    }
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Bastion repo config (.github/bastion.yml)"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def _between(text: str, begin: str, end: str, body: str) -> str:
    head, found, rest = text.partition(begin)
    if not found:
        return text
    _, _, tail = rest.partition(end)
    return f"{head}{begin}\n{body}{end}{tail}"


# What the AI review adds to the example: its own report of the SQL injection the rule
# engine also finds, on the `execute` call. Written out here (no model runs for the
# docs) to show how two engines' reports of one problem become one comment.
EXAMPLE_AI_BODY = (
    "`customer_email` and `status` come from the search form and are pasted into the SQL "
    "text, so `' OR '1'='1` returns every customer's orders and a stacked statement can "
    "change data. The string is built on lines 27-28 and executed on line 26; pass both "
    'values as parameters: `cur.execute("... WHERE customer_email = %s AND status = %s '
    '...", (customer_email, status))`. The driver then sends them apart from the query, '
    "and the statement plan can be reused for every customer."
)


def _example_agent_findings(files: Any) -> list[Any]:
    from bot.models import Category, Finding, Severity, Source

    return [
        Finding(
            path="app/services/orders.py",
            line=26,
            end_line=28,
            category=Category.SECURITY,
            severity=Severity.HIGH,
            rule="llm-security",
            title="Order search runs SQL built from the customer's input",
            body=EXAMPLE_AI_BODY,
            source=Source.LLM,
            sources=[Source.LLM],
            cwe=89,
            confidence=0.95,
        )
    ]


class _ExampleAgent:
    """A fixed AI answer for the README example (`bot.pipeline.Reviewer`)."""

    def review(self, files: Any, hints: Any, config: Any) -> Any:
        from bot.pipeline import AgentOutcome

        return AgentOutcome(findings=_example_agent_findings(files))


def example_review() -> str:
    """One consolidated inline comment and the review summary, exactly as the publisher
    renders them for the shipped example PR (rule engine plus a fixed AI answer)."""
    from bot.github.publish import comment_body
    from bot.pipeline import review_diff
    from bot.report.markdown import render

    result = review_diff(
        (ROOT / EXAMPLE_DIFF).read_bytes(), parse_config("{}"), agent=_ExampleAgent()
    )
    finding = next(f for f in result.findings if f.rule == EXAMPLE_RULE)
    where = f"{finding.path}:{finding.line}"
    if finding.end_line > finding.line:
        where += f"-{finding.end_line}"
    summary = render(result, include_inline=False)
    return (
        f"An inline comment on `{where}` (one problem reported by the rule engine and "
        "by the AI review):\n\n"
        f"````markdown\n{comment_body(finding)}\n````\n\n"
        f"The review's summary body:\n\n````markdown\n{summary.rstrip()}\n````\n"
    )


def readme_with_reference(readme: str) -> str:
    readme = _between(readme, BEGIN, END, reference_table())
    return _between(readme, EXAMPLE_BEGIN, EXAMPLE_END, example_review())


def main() -> None:
    readme = ROOT / "README.md"
    readme.write_text(readme_with_reference(readme.read_text(encoding="utf-8")), encoding="utf-8")
    (ROOT / "docs" / "bastion.schema.json").write_text(json_schema(), encoding="utf-8")


if __name__ == "__main__":
    main()
