# bastion-fixture: app/services/scaffold.py
# ok: jinja-autoescape-disabled
from jinja2 import Environment, FileSystemLoader


def scaffold_env(template_dir: str) -> Environment:
    # Renders Python and JavaScript sources of a generated plugin: their braces would
    # clash with `{{ }}`, and HTML escaping would corrupt the code.
    return Environment(
        loader=FileSystemLoader(template_dir),
        variable_start_string="<<",
        variable_end_string=">>",
        block_start_string="<%",
        block_end_string="%>",
        autoescape=False,
    )
