"""The config reference in README.md and the JSON Schema, generated from `RepoConfig`.

`python -m bot.config_docs` rewrites both; tests fail when either is out of date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bot.config import RepoConfig

BEGIN = "<!-- config-reference:begin -->"
END = "<!-- config-reference:end -->"
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


def readme_with_reference(readme: str) -> str:
    head, _, rest = readme.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{reference_table()}{END}{tail}"


def main() -> None:
    readme = ROOT / "README.md"
    readme.write_text(readme_with_reference(readme.read_text(encoding="utf-8")), encoding="utf-8")
    (ROOT / "docs" / "bastion.schema.json").write_text(json_schema(), encoding="utf-8")


if __name__ == "__main__":
    main()
