"""Rule checks. Each module here defines `CHECKS`; `engine.registry()` finds them.

`MODULE_LANGUAGES` says which languages each module's checks look at, so that a
review imports only the modules its files need (importing every module costs a
noticeable share of a small review's start-up). A module not listed is always
loaded. `tests/test_rule_registry.py` fails when the table and the checks disagree.

`NO_CHECKS` names the modules that define no checks (parsers and helpers shared by
the rule modules): the registry never imports them itself, so a review pays for one
only when a rule module it needs imports it.
"""

NO_CHECKS: frozenset[str] = frozenset(
    {
        "astgrep",
        "catalog",
        "lib",
    }
)

MODULE_LANGUAGES: dict[str, frozenset[str]] = {
    "matviews": frozenset({"javascript", "sql", "typescript"}),
    "migrations_frameworks": frozenset(
        {"go", "javascript", "php", "python", "ruby", "sql", "typescript", "xml"}
    ),
    # The catalogue's ast-grep rules: the languages their `<lang>.yml` files name.
    "declarative": frozenset(
        {
            "csharp",
            "go",
            "java",
            "javascript",
            "kotlin",
            "php",
            "python",
            "ruby",
            "scala",
            "typescript",
        }
    ),
    "flow_rules": frozenset({"csharp", "java", "kotlin", "python"}),
    "graphql": frozenset({"graphql"}),
    "openapi": frozenset({"json", "yaml"}),
    "orm_indexes": frozenset({"go", "prisma", "python", "ruby", "sql"}),
    "protobuf": frozenset({"proto"}),
    "python_ruff": frozenset({"python"}),
    "route_contract": frozenset(
        {"go", "java", "javascript", "kotlin", "php", "python", "ruby", "typescript"}
    ),
    "route_conventions": frozenset(
        {"go", "java", "javascript", "kotlin", "php", "python", "ruby", "typescript"}
    ),
    "routes": frozenset(
        {"go", "java", "javascript", "kotlin", "php", "python", "ruby", "typescript"}
    ),
    "schema_checks": frozenset(
        {
            "go",
            "java",
            "javascript",
            "kotlin",
            "php",
            "prisma",
            "python",
            "ruby",
            "sql",
            "typescript",
        }
    ),
    "security_go": frozenset({"go", "java", "javascript", "kotlin", "php", "ruby", "typescript"}),
    "security_js": frozenset({"go", "java", "javascript", "kotlin", "php", "ruby", "typescript"}),
    "security_crypto": frozenset(
        {
            "csharp",
            "go",
            "java",
            "javascript",
            "kotlin",
            "php",
            "python",
            "ruby",
            "scala",
            "typescript",
        }
    ),
    "security_csharp": frozenset({"csharp"}),
    "security_scala": frozenset({"hocon", "scala"}),
    "security_jvm": frozenset(
        {"csharp", "go", "java", "javascript", "kotlin", "php", "ruby", "scala", "typescript"}
    ),
    "security_python": frozenset({"python"}),
    "security_random": frozenset(
        {
            "csharp",
            "go",
            "java",
            "javascript",
            "kotlin",
            "php",
            "python",
            "ruby",
            "scala",
            "typescript",
        }
    ),
    "security_ruby_php": frozenset(
        {"csharp", "go", "java", "javascript", "kotlin", "php", "ruby", "scala", "typescript"}
    ),
    "security_web": frozenset(
        {
            "csharp",
            "go",
            "java",
            "javascript",
            "kotlin",
            "php",
            "python",
            "ruby",
            "scala",
            "typescript",
        }
    ),
    "sql_injection_js": frozenset({"javascript", "typescript"}),
    "sql_sqlglot": frozenset({"sql"}),
    "sql_squawk": frozenset({"sql"}),
    "sql_types": frozenset({"python", "ruby", "sql"}),
    "taint": frozenset(
        {
            "csharp",
            "go",
            "java",
            "javascript",
            "kotlin",
            "php",
            "python",
            "ruby",
            "scala",
            "typescript",
        }
    ),
}
