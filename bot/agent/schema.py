"""The `report_findings` tool: the only way the model can answer a review request.

The tool's input schema is generated from these models, and the same models
validate what comes back, so the contract the model sees and the one we enforce
cannot drift apart.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

TOOL_NAME = "report_findings"

TOOL_DESCRIPTION = (
    "Report the result of reviewing the files in this request. Call it exactly once. "
    "`findings` holds each problem worth a reviewer's comment (an empty list when there is "
    "none); `dismissed_hints` holds the rule-engine hints you are confident are false alarms, "
    "each with the reason. Every finding must cite a numbered line of this request."
)


class ModelFinding(BaseModel):
    """One problem in the changed code, anchored to a numbered line of this request."""

    # Strict: a string where a number belongs is a malformed answer, not a number.
    model_config = ConfigDict(strict=True, extra="ignore")

    path: str = Field(description="The file's path exactly as written in its <file path=...> tag.")
    line: int = Field(
        ge=1,
        description="Number printed on the flagged line (added or context line).",
    )
    end_line: int | None = Field(
        None,
        ge=1,
        description="Last line of a range, same hunk; omit for one line.",
    )
    category: Literal["security", "indexing", "api-design"]
    severity: Literal["high", "medium", "low", "info"] = Field(
        description="As defined in the instructions."
    )
    title: str = Field(
        min_length=3, max_length=120, description="One line naming the problem, no trailing dot."
    )
    body: str = Field(
        min_length=10,
        max_length=3000,
        description="Markdown: what goes wrong, when, and the fix.",
    )
    suggestion: str | None = Field(
        None,
        max_length=3000,
        description="Replacement for lines line..end_line, only when complete and correct.",
    )
    confidence: float = Field(ge=0.0, le=1.0, description="How sure you are, 0 to 1.")
    quote: str = Field(
        min_length=1,
        max_length=1000,
        description="The cited line's text, verbatim, from after the '|'.",
    )


class HintDismissal(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")

    hint: str = Field(pattern=r"^H\d+$", description="The hint's id, e.g. H3.")
    reason: str = Field(
        min_length=5, max_length=500, description="Why this hint is a false alarm here."
    )


class ReportFindings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    findings: list[ModelFinding] = Field(
        description="Problems found; empty when the change is fine."
    )
    dismissed_hints: list[HintDismissal] = Field(
        default_factory=list, description="Rule hints that are false alarms in this code."
    )


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """Replace `$ref`s by their definitions and drop pydantic's `title`s: fewer tokens,
    and a flat schema every JSON Schema reader accepts."""
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline_refs(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        return {
            key: _inline_refs(value, defs)
            for key, value in node.items()
            if key != "$defs"
            and not (key == "title" and isinstance(value, str))
            and not (key == "default" and value is None)
        }
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    return node


def input_schema() -> dict[str, Any]:
    schema = ReportFindings.model_json_schema()
    flat: dict[str, Any] = _inline_refs(schema, schema.get("$defs", {}))
    return flat


def tool_definition() -> dict[str, Any]:
    return {"name": TOOL_NAME, "description": TOOL_DESCRIPTION, "input_schema": input_schema()}
