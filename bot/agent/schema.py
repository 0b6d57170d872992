"""The `report_findings` tool: the only way the model can answer a review request.

The tool's input schema is generated from these models, and the same models
validate what comes back, so the contract the model sees and the one we enforce
cannot drift apart.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

TOOL_NAME = "report_findings"

# The instructions explain every field; the schema itself carries no prose.
TOOL_DESCRIPTION = "Your whole review of this request; call once."


class ModelFinding(BaseModel):
    # A problem no hint names, on a numbered line of this request. (A comment, not a
    # docstring: pydantic would send a docstring to the model as a description.)

    # Strict: a string where a number belongs is a malformed answer, not a number.
    model_config = ConfigDict(strict=True, extra="ignore")

    path: str
    line: int = Field(ge=1)
    end_line: int | None = Field(None, ge=1)
    category: Literal["security", "indexing", "api-design"]
    severity: Literal["high", "medium", "low", "info"]
    title: str = Field(min_length=3, max_length=120)
    body: str = Field(min_length=10, max_length=3000)
    suggestion: str | None = Field(None, max_length=3000)
    confidence: float = Field(ge=0.0, le=1.0)
    quote: str = Field(min_length=1, max_length=1000)
    cwe: int | None = Field(None, ge=1, le=9999)
    rule: str | None = Field(None, max_length=80)


class HintDismissal(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")

    hint: str = Field(pattern=r"^H\d+$")
    reason: str = Field(min_length=5, max_length=500)


class HintConfirmation(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")

    hint: str = Field(pattern=r"^H\d+$")
    note: str = Field(min_length=10, max_length=3000)


class ReportFindings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    findings: list[ModelFinding]
    confirmed_hints: list[HintConfirmation] = Field(default_factory=list)
    dismissed_hints: list[HintDismissal] = Field(default_factory=list)


# Enforced when the answer is validated, not worth their tokens in every request.
_UNADVERTISED = frozenset({"maxLength", "minLength", "pattern", "minimum", "maximum"})


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """Replace `$ref`s by their definitions, drop pydantic's `title`s and the limits
    validation enforces anyway, and show an optional field as its type alone: fewer
    tokens, and a flat schema every JSON Schema reader accepts."""
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline_refs(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        options = node.get("anyOf")
        if isinstance(options, list) and {"type": "null"} in options and len(options) == 2:
            kept = next(o for o in options if o != {"type": "null"})
            rest = {k: v for k, v in node.items() if k != "anyOf"}
            return _inline_refs({**kept, **rest}, defs)
        return {
            key: _inline_refs(value, defs)
            for key, value in node.items()
            if key not in ("$defs", *_UNADVERTISED)
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
