"""Taint tracking: which request input reaches which dangerous call, per function.

`flows_python(tree)` / `flows_tree(root, language)` give the flows of one file;
`bot.rules.taint.checks` turns them into findings. Sources, sinks and sanitizers are
data (`data/<language>.yml`), so a new language is a front end plus a data file.
"""

from bot.rules.taint.checks import CHECKS

__all__ = ["CHECKS"]
