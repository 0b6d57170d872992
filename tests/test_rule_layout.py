"""Where rule code lives: check modules import the shared `bot.rules.lib`, the engine
and packages outside `bot.rules`, never each other."""

from __future__ import annotations

import ast
from pathlib import Path

import bot.rules

RULES_DIR = Path(bot.rules.__file__).parent
# The engine and the command-line helpers around the catalogue: not check modules.
ENGINE = frozenset(
    {"engine", "loader", "astgrep", "declarative", "fixture_files", "catalog", "scaffold"}
)


def _allowed(target: str) -> bool:
    """May a check module, a lib module or the taint engine import `target`?"""
    parts = target.split(".")
    if parts[:2] != ["bot", "rules"] or len(parts) == 2:
        return True  # outside bot.rules, or the package's own tables
    return parts[2] in ENGINE or parts[2] in {"lib", "taint"}


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        if node.module == "bot.rules":
            return [f"bot.rules.{alias.name}" for alias in node.names]
        return [node.module]
    return []


def bad_imports(root: Path) -> list[str]:
    """`path:line imports module` for each import of one check module by another (or
    by `lib`/`taint`, which every check may use and so must not depend on a check)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if len(rel.parts) == 1 and rel.stem in ENGINE | {"__init__"}:
            continue
        own = ".".join(("bot", "rules", *rel.with_suffix("").parts))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _imported(node):
                if target != own and not _allowed(target):
                    found.append(f"bot/rules/{rel.as_posix()}:{node.lineno} imports {target}")
    return found


def test_check_modules_import_only_lib_the_engine_and_outside_packages() -> None:
    assert bad_imports(RULES_DIR) == []


def test_the_scan_names_the_offending_import(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "text.py").write_text("from bot.rules.engine import Hit\n")
    (tmp_path / "security_x.py").write_text(
        "from bot.rules.lib.text import f\nfrom bot.rules import security_y\n"
        "def g():\n    from bot.rules.security_z import h\n"
    )
    assert bad_imports(tmp_path) == [
        "bot/rules/security_x.py:2 imports bot.rules.security_y",
        "bot/rules/security_x.py:4 imports bot.rules.security_z",
    ]
