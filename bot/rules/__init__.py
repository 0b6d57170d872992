"""Rule checks. Each module here that reports rules defines `CHECKS`; `engine.registry()`
finds them.

Which languages a module's checks look at is read from the catalogue, not kept here:
every `rule.yml` says how each of its languages is checked (`check.module`,
`check.tool`, `check.by-language`, the `<lang>.yml` files), and
`loader.Catalog.module_languages()` turns that into module -> languages, so a review
imports only the modules its files need (importing every module costs a noticeable
share of a small review's start-up). A module no rule names defines no checks (a
parser or helper the rule modules share) and is never imported by the registry itself.
`tests/test_rule_registry.py` fails when a module's checks and the catalogue disagree.
"""
