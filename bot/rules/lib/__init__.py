"""Helpers the check modules of `bot.rules` share. A check module imports from here,
from the engine and from packages outside `bot.rules`, never from another check
module (`tests/test_rule_layout.py`), so each check can be read, moved or dropped
on its own."""
