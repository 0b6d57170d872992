"""Rules that are data: a catalogue rule whose check is ast-grep runs here, with no
Python of its own. The same check runs a team's rules from `.github/bastion/rules/`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from bot.models import Category, ChangedFile, FileKind
from bot.rules.astgrep import lines, root_of
from bot.rules.engine import Check, Hit, registry, variant_rule
from bot.rules.loader import RuleSpec, builtin_catalog, load_team_rules
from bot.select import is_test_path

if TYPE_CHECKING:
    from ast_grep_py import Config


_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})


class AstGrepRuleCheck(Check):
    """One rule, one ast-grep rule config per language; a match is a hit on its lines."""

    def __init__(self, spec: RuleSpec, builtin: bool = False) -> None:
        self.name = f"ast-grep:{spec.id}"
        # A pattern folded in from an old id reports under it (`reported-as`), so its
        # findings keep that id's wording (`variants`).
        self.reported_as = {
            lang: str(config.get("reported-as", spec.id)) for lang, config in spec.ast_grep.items()
        }
        self.rules = tuple(
            variant_rule(spec, name).model_copy(update={"id": name})
            for name in dict.fromkeys([spec.id, *sorted(set(self.reported_as.values()))])
        )
        self.languages = frozenset(spec.ast_grep)
        # `hint`: words of which a file must contain one before the rule runs on it (a
        # substring scan costs far less than walking every node of the tree).
        self.hints: dict[str, tuple[str, ...]] = {
            lang: tuple(str(w) for w in config.get("hint") or ())
            for lang, config in spec.ast_grep.items()
        }
        self.configs: dict[str, dict[str, Any]] = {
            lang: {k: v for k, v in config.items() if k not in {"hint", "reported-as"}}
            for lang, config in spec.ast_grep.items()
        }
        # A built-in security rule reads code as the pattern checks do: test code is
        # never deployed, so no attacker reaches it.
        self.code_only = builtin and spec.category is Category.SECURITY
        if self.code_only:
            self.kinds = _CODE_KINDS

    def wants(self, file: ChangedFile) -> bool:
        if self.code_only and is_test_path(file.path):
            return False
        return super().wants(file)

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        language = file.language or ""
        config = self.configs.get(language)
        words = self.hints.get(language)
        if config is not None and words:
            text = file.visible_text()
            if not any(word in text for word in words):
                return
        root = root_of(file) if config is not None else None
        if root is None or config is None:
            return
        for node in root.find_all(cast("Config", config)):
            first, last = lines(node)
            yield Hit(self.reported_as[language], file.path, first, last)


def checks_for(specs: Sequence[RuleSpec], builtin: bool = False) -> list[Check]:
    # A rule checked by Python logic in some languages may still have `<lang>.yml`
    # patterns for others (`check.by-language`): those run here.
    return [AstGrepRuleCheck(spec, builtin) for spec in specs if spec.ast_grep]


def team_checks(files: Iterable[tuple[str, str]]) -> tuple[list[Check], list[str]]:
    """A team's rule files `(path, text)` -> the checks of the valid ones, to pass to
    `review_files(extra_checks=...)`, and one error line per bad file (an id or old id
    a built-in rule already answers to is one)."""
    catalog = builtin_catalog()
    taken = registry().names() | set(catalog.rules) | set(catalog.aliases)
    team = load_team_rules(files, taken=taken)
    return checks_for(team.rules), team.errors


CHECKS: list[Check] = checks_for(list(builtin_catalog().rules.values()), builtin=True)
