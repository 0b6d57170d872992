"""The README's config reference and the shipped JSON Schema follow the model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml

from bot.config_docs import json_schema, readme_with_reference

ROOT = Path(__file__).resolve().parent.parent
FIX = "run `python -m bot.config_docs`"


def test_readme_config_reference_is_up_to_date() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == readme_with_reference(readme), f"README config reference is stale: {FIX}"


def test_json_schema_is_up_to_date() -> None:
    shipped = (ROOT / "docs" / "bastion.schema.json").read_text(encoding="utf-8")
    assert shipped == json_schema(), f"docs/bastion.schema.json is stale: {FIX}"


def test_readme_example_config_is_valid_and_typos_are_not() -> None:
    schema = json.loads(json_schema())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"Example:\n\n```yaml\n(.*?)```", readme, re.S)
    assert example is not None
    jsonschema.validate(yaml.safe_load(example.group(1)), schema)
    bad = {"fail_on": "urgent", "colour": "red"}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))
