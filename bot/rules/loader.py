"""The rule catalogue: one `rule.yml` per rule, read and validated here.

Built-in rules live in `bot/rules/catalog/<category>/<rule-id>/rule.yml`. A rule is
checked one of three ways (`check.kind`): `ast-grep` (a declarative rule per
language, in `<lang>.yml` beside `rule.yml` or inline under `ast-grep:`; the
languages are the ones found), `python` (a named check in a `bot.rules` module,
for logic a pattern cannot express) or `analyzer` (ruff, squawk, detect-secrets:
`codes` names the analyzer's codes the rule reports; the module running the analyzer
keeps no table of them). `check.by-language` gives a language its own check, or a
list of checks when a pattern and a flow both answer for it. Which module answers
for which language is read from here (`Catalog.module_languages`), so the registry
imports only the modules a review's languages need.

A team's own rules use the same format, one file per rule under
`.github/bastion/rules/<rule-id>.yml` of the base branch, and may only be
`ast-grep` rules: code from a repository is never run.

A rule may absorb others (`aliases`): hits reported under an old id are reported
under the rule's id, with the old id's wording from `variants`, so existing
suppressions and config keep working after a merge or a rename.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot import lazyre as re
from bot.models import Category, Severity
from bot.rules.astgrep import SG_LANGUAGES
from bot.select import LANGUAGES as SELECT_LANGUAGES
from bot.yamlsafe import YamlError, load_yaml

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

RULE_ID = r"^[a-z0-9][a-z0-9-]*$"
# What `check.by-language` may name: every language `bot.select` gives a file.
KNOWN_LANGUAGES = frozenset({*SELECT_LANGUAGES.values(), "dotenv", "hocon"})
TEAM_RULES_DIR = ".github/bastion/rules"
# A team's rule file is a few KiB; anything past this is refused unread.
MAX_TEAM_RULE_CHARS = 64 * 1024
MAX_TEAM_RULES = 50


Tool = Literal["ruff", "squawk", "detect-secrets"]
# The `bot.rules` module that runs each analyzer: the codes it asks for and how they
# map to rule ids are the catalogue's (`check.codes`), the module holds only the logic.
ANALYZER_MODULES: dict[str, str] = {
    "ruff": "python_ruff",
    "squawk": "sql_squawk",
    "detect-secrets": "secrets",
}
# The module that runs every `<lang>.yml` ast-grep rule of the catalogue.
DECLARATIVE_MODULE = "declarative"
# What a code of each analyzer looks like: ruff `S506`, squawk `ban-drop-table`,
# detect-secrets a detector class name (`AWSKeyDetector`).
_CODE_SHAPES: dict[str, str] = {
    "ruff": r"^[A-Z]{1,4}[0-9]{1,4}$",
    "squawk": r"^[a-z][a-z-]*[a-z]$",
    "detect-secrets": r"^[A-Z][A-Za-z0-9]*Detector$",
}


def _require_keys(
    kind: str, module: str | None, tool: str | None, codes: tuple[str, ...] | dict[str, str]
) -> None:
    """The keys each `kind` needs, and only those."""
    if kind == "python" and not module:
        raise ValueError("module is required when kind is python")
    if kind == "analyzer" and not tool:
        raise ValueError("tool is required when kind is analyzer")
    if kind == "analyzer" and not codes:
        raise ValueError("codes are required when kind is analyzer (the analyzer's codes)")
    if kind != "analyzer" and (codes or tool):
        raise ValueError("tool and codes are for kind analyzer only")
    if kind != "python" and module:
        raise ValueError(f"module is for kind python only (kind {kind} names its own)")
    if tool is not None:
        for code in codes:
            if not re.match(_CODE_SHAPES[tool], code):
                raise ValueError(f"'{code}' is not a {tool} code")


class LanguageCheck(BaseModel):
    """How one language of a rule is checked when it differs from the rule's own `kind`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["ast-grep", "python", "analyzer"]
    module: str | None = None
    tool: Tool | None = None
    # kind analyzer: the analyzer's codes this rule reports. A list reports them under
    # the rule's id; a mapping names, per code, the id (the rule's or an old one in
    # `aliases`) whose wording its hits keep.
    codes: tuple[str, ...] | dict[str, str] = ()

    @model_validator(mode="after")
    def _complete(self) -> LanguageCheck:
        _require_keys(self.kind, self.module, self.tool, self.codes)
        return self

    def module_name(self) -> str:
        """The `bot.rules` module (top-level name) that reports this check's hits."""
        if self.kind == "analyzer" and self.tool is not None:
            return ANALYZER_MODULES[self.tool]
        if self.kind == "python" and self.module:
            return self.module.split(".", 1)[0]
        return DECLARATIVE_MODULE

    def modules_named(self) -> set[str]:
        """The module as the rule names it (`taint.checks`), or its analyzer's; none for
        ast-grep."""
        if self.kind == "python" and self.module:
            return {self.module}
        if self.kind == "analyzer" and self.tool is not None:
            return {ANALYZER_MODULES[self.tool]}
        return set()

    def reported_as(self, rule_id: str) -> dict[str, str]:
        """Each analyzer code -> the id its hits are reported under."""
        if isinstance(self.codes, dict):
            return dict(self.codes)
        return dict.fromkeys(self.codes, rule_id)


class CheckSpec(BaseModel):
    """How a rule is checked: one `kind` for every language, or, for a problem one
    language answers with a pattern and another with Python logic, `kind` for the
    languages that have a `<lang>.yml` and `by-language` for the others."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    kind: Literal["ast-grep", "python", "analyzer"]
    # kind python: the `bot.rules` module holding the check.
    module: str | None = None
    # kind analyzer: the tool and its codes for this rule (ruff S113, squawk ...).
    tool: Tool | None = None
    codes: tuple[str, ...] | dict[str, str] = ()
    # language -> its own check, when it is not `kind` (`python: {kind: python, module: x}`),
    # or a list of them when two checks answer for one language (a pattern and a flow).
    by_language: dict[str, LanguageCheck | tuple[LanguageCheck, ...]] = Field(
        default_factory=dict, alias="by-language"
    )

    @model_validator(mode="after")
    def _complete(self) -> CheckSpec:
        _require_keys(self.kind, self.module, self.tool, self.codes)
        return self

    def own(self) -> LanguageCheck:
        """The check of the languages `by-language` does not name."""
        return LanguageCheck.model_construct(
            kind=self.kind, module=self.module, tool=self.tool, codes=self.codes
        )

    def for_language(self, language: str) -> tuple[LanguageCheck, ...]:
        """The checks that answer for `language` (one, or the `by-language` list)."""
        own = self.by_language.get(language)
        if own is None:
            return (self.own(),)
        return own if isinstance(own, tuple) else (own,)

    def language_checks(self) -> list[tuple[str, LanguageCheck]]:
        """Every `by-language` entry as (language, check), lists flattened."""
        return [(lang, c) for lang in self.by_language for c in self.for_language(lang)]

    def modules(self) -> set[str]:
        """Every `bot.rules` module (as named, `taint.checks`) that reports this rule for
        some language by logic or an analyzer; the ast-grep languages are `declarative`'s."""
        return {
            m
            for check in (self.own(), *(c for _, c in self.language_checks()))
            for m in check.modules_named()
        }


class Variant(BaseModel):
    """An old id's own wording, kept when it was merged into this rule."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    rationale: str
    fix: str
    severity: Severity
    languages: tuple[str, ...] = ()
    # The old id's own CWE when it named a narrower weakness than the rule (CWE-95 eval
    # under CWE-94 code injection): its findings keep it.
    cwe: tuple[int, ...] = ()


class RuleSpec(BaseModel):
    """One `rule.yml`."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    id: str = Field(pattern=RULE_ID)
    aliases: tuple[str, ...] = ()
    category: Category
    severity: Severity
    cwe: tuple[int, ...] = ()
    title: str = Field(min_length=1, max_length=300)
    rationale: str = Field(min_length=1)
    fix: str = Field(min_length=1)
    languages: tuple[str, ...] = ()
    check: CheckSpec
    variants: dict[str, Variant] = Field(default_factory=dict)
    # Inline ast-grep rules, language -> ast-grep rule config ({rule, constraints, utils}).
    ast_grep: dict[str, dict[str, Any]] = Field(default_factory=dict, alias="ast-grep")

    @model_validator(mode="after")
    def _consistent(self) -> RuleSpec:
        for alias in self.aliases:
            if not re.match(RULE_ID, alias) or alias == self.id:
                raise ValueError(f"alias '{alias}' is not a rule id or repeats the rule's own")
        unknown = set(self.variants) - set(self.aliases)
        if unknown:
            raise ValueError(f"variants for ids not in aliases: {', '.join(sorted(unknown))}")
        checks = [("check", self.check.own())] + [
            (f"check.by-language.{lang}", own) for lang, own in self.check.language_checks()
        ]
        for where, own in checks:
            if isinstance(own.codes, dict):
                for code, name in own.codes.items():
                    if name != self.id and name not in self.aliases:
                        raise ValueError(
                            f"{where}.codes: {code} is reported as '{name}', which is neither "
                            "the rule's id nor one of its aliases"
                        )
        for lang in self.check.by_language:
            if lang not in KNOWN_LANGUAGES:
                raise ValueError(f"check.by-language: unknown language '{lang}'")
            kinds = [own.kind for own in self.check.for_language(lang)]
            if "ast-grep" in kinds and lang not in self.ast_grep:
                raise ValueError(f"check.by-language.{lang}: ast-grep needs a {lang}.yml")
            if lang in self.ast_grep and "ast-grep" not in kinds:
                # The <lang>.yml always runs: a second check must be listed beside it.
                raise ValueError(
                    f"check.by-language.{lang}: the language has an ast-grep rule "
                    f"({lang}.yml) and is also checked by kind {kinds[0]}; list both "
                    "([{kind: ast-grep}, ...]) if both answer for it"
                )
        bad = sorted(set(self.ast_grep) - set(SG_LANGUAGES))
        if bad:
            raise ValueError(f"ast-grep has no parser for: {', '.join(bad)}")
        for lang, config in self.ast_grep.items():
            if not isinstance(config.get("rule"), dict):
                raise ValueError(f"ast-grep.{lang} needs a 'rule' mapping")
            named = config.get("reported-as", self.id)
            if named != self.id and named not in self.aliases:
                raise ValueError(
                    f"ast-grep.{lang}.reported-as: '{named}' is neither the rule's id nor "
                    "one of its aliases"
                )
        if self.category is not Category.SECURITY and self.cwe:
            raise ValueError("cwe is for security rules only")
        return self


@dataclass
class Catalog:
    rules: dict[str, RuleSpec] = field(default_factory=dict)
    # Every old id -> the id it is reported under now.
    aliases: dict[str, str] = field(default_factory=dict)
    # Where each rule was read from (for error messages).
    origin: dict[str, str] = field(default_factory=dict)

    # Analyzer -> its code -> the id (a rule's or an old one) its hits are reported under.
    codes: dict[str, dict[str, str]] = field(default_factory=dict)

    def canonical(self, rule_id: str) -> str:
        return self.aliases.get(rule_id, rule_id)

    def add(self, spec: RuleSpec, origin: str) -> None:
        taken = set(self.rules) | set(self.aliases)
        for name in (spec.id, *spec.aliases):
            if name in taken:
                raise CatalogError(f"{origin}: key 'id': rule id '{name}' is already used")
        claims: dict[str, dict[str, str]] = {}
        for check in (spec.check.own(), *(c for _, c in spec.check.language_checks())):
            if check.kind != "analyzer" or check.tool is None:
                continue
            for code, name in check.reported_as(spec.id).items():
                owner = self.codes.get(check.tool, {}).get(code)
                if owner is not None:
                    raise CatalogError(
                        f"{origin}: key 'check.codes': {check.tool} {code} is already "
                        f"reported as '{owner}'"
                    )
                claims.setdefault(check.tool, {})[code] = name
        self.rules[spec.id] = spec
        self.origin[spec.id] = origin
        self.aliases.update((alias, spec.id) for alias in spec.aliases)
        for tool, found in claims.items():
            self.codes.setdefault(tool, {}).update(found)

    def module_languages(self) -> dict[str, frozenset[str] | None]:
        """Each `bot.rules` module that reports a rule -> the languages it reports them in
        (None: any file, a rule with no `languages`). Read off every rule's
        `check` and `check.by-language`, so no table of it is kept by hand."""
        found: dict[str, set[str] | None] = {}
        for spec in self.rules.values():
            if not spec.languages:
                for module in spec.check.modules() or {DECLARATIVE_MODULE}:
                    found[module.split(".", 1)[0]] = None
                continue
            for language in spec.languages:
                for check in spec.check.for_language(language):
                    known = found.setdefault(check.module_name(), set())
                    if known is not None:
                        known.add(language)
        return {m: None if langs is None else frozenset(langs) for m, langs in found.items()}


class CatalogError(ValueError):
    """One clear line naming the file and the key."""


def _first_error(exc: ValidationError, source: str) -> CatalogError:
    err = exc.errors()[0]
    # A union's member shows in the location as its type (`function-after[...]`): not a key.
    parts = [str(part) for part in err["loc"] if "[" not in str(part)]
    key = ".".join(parts) or "(top level)"
    if err["type"] == "extra_forbidden":
        return CatalogError(f"{source}: unknown key '{key}'")
    message = err["msg"].removeprefix("Value error, ")
    return CatalogError(f"{source}: key '{key}': {message}")


def _builtin_yaml(text: str) -> object:
    # Our own catalogue is trusted and read on every start-up: libyaml parses it several
    # times faster than the guarded pure-Python loader that team files go through.
    cached = _PARSED.get(text)
    if cached is not None:
        return cached
    try:
        return yaml.load(text, Loader=_FAST_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0]) from None


class _ParsedCache:
    """The built-in catalogue's YAML, parsed, kept between runs in the user's cache
    folder: parsing the ~150 files is most of the catalogue's share of start-up, and a
    review starts once per command. Keyed by a hash of each file's text, so an edited
    file is parsed afresh (the folder is trusted like the rest of the user's home);
    stored as JSON (plain data: nothing in the file can run code), and only data that
    JSON gives back unchanged is stored. A cache folder that cannot be read or written is no cache.
    `BASTION_CACHE_DIR` names the folder; set to the empty string, it turns this off."""

    VERSION = 1

    def __init__(self) -> None:
        self.path = _cache_path()
        self.stored: dict[str, str] = {}
        self.used: dict[str, str] = {}
        self.missed = False
        if self.path is None:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("version") == self.VERSION:
            entries = data.get("entries")
            if isinstance(entries, dict):
                self.stored = {k: v for k, v in entries.items() if isinstance(v, str)}

    def get(self, text: str) -> object | None:
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        stored = self.stored.get(key)
        if stored is not None:
            try:
                value: object = json.loads(stored)
            except ValueError:
                value = None
            if value is not None:
                self.used[key] = stored
                return value
        self.missed = True
        try:
            value = yaml.load(text, Loader=_FAST_LOADER)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            return None  # `_builtin_yaml` parses it again and says what is wrong
        try:
            encoded = json.dumps(value, ensure_ascii=False)
            if value is not None and json.loads(encoded) == value:
                self.used[key] = encoded
        except (TypeError, ValueError):
            pass  # a date, a non-string key...: parsed on every run
        return value

    def save(self) -> None:
        if self.path is None or not self.missed:
            return
        body = json.dumps({"version": self.VERSION, "entries": self.used}, ensure_ascii=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".catalog-", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(body)
                os.replace(tmp, self.path)  # whole or not at all, whoever reads at once
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            pass


def _cache_path() -> Path | None:
    configured = os.environ.get("BASTION_CACHE_DIR")
    if configured is not None:
        folder = Path(configured) if configured else None
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "bastion"
    return folder / "catalog-yaml.json" if folder is not None else None


class _Parsed:
    """Text -> its parsed YAML while `builtin_catalog` reads the catalogue."""

    cache: _ParsedCache | None = None

    def get(self, text: str) -> object | None:
        return self.cache.get(text) if self.cache is not None else None


_PARSED = _Parsed()


def parse_rule(
    text: str, source: str, extra_ast_grep: Mapping[str, str] = {}, *, builtin: bool = False
) -> RuleSpec:
    """A `rule.yml`'s text (plus `<lang>.yml` texts beside it) -> a validated rule.
    `builtin`: a file shipped with Bastion, not one from a repository."""
    load = _builtin_yaml if builtin else load_yaml
    try:
        data = load(text)
    except YamlError as exc:
        raise CatalogError(f"{source}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise CatalogError(f"{source}: expected a mapping of rule keys")
    inline = data.get("ast-grep") or {}
    if extra_ast_grep:
        if not isinstance(inline, dict):
            raise CatalogError(f"{source}: key 'ast-grep': expected a mapping")
        inline = dict(inline)
        for lang, body in extra_ast_grep.items():
            try:
                inline[lang] = load(body)
            except YamlError as exc:
                raise CatalogError(f"{source}: {lang}.yml is not valid YAML: {exc}") from None
        data = {**data, "ast-grep": inline}
    try:
        spec = RuleSpec.model_validate(data)
    except ValidationError as exc:
        raise _first_error(exc, source) from None
    if spec.check.kind == "ast-grep":
        if not spec.ast_grep:
            raise CatalogError(f"{source}: key 'ast-grep': an ast-grep rule needs one language")
        if spec.languages:
            # The languages are the ones the rule has a pattern for (plus the ones
            # `by-language` names), never a second list.
            raise CatalogError(
                f"{source}: key 'languages': an ast-grep rule's languages come from its "
                "<lang>.yml files and check.by-language"
            )
        found = set(spec.ast_grep) | set(spec.check.by_language)
        spec = spec.model_copy(update={"languages": tuple(sorted(found))})
    elif spec.check.by_language:
        missing = sorted(set(spec.check.by_language) - set(spec.languages))
        if missing:
            raise CatalogError(
                f"{source}: key 'check.by-language': {', '.join(missing)} not in languages"
            )
    return spec


def _read_dir(directory: Traversable, label: str) -> RuleSpec:
    text = directory.joinpath("rule.yml").read_text(encoding="utf-8")
    extra = {
        entry.name.removesuffix(".yml"): entry.read_text(encoding="utf-8")
        for entry in directory.iterdir()
        if entry.name.endswith(".yml") and entry.name != "rule.yml"
    }
    spec = parse_rule(text, label, extra, builtin=True)
    if spec.id != directory.name:
        raise CatalogError(f"{label}: key 'id': '{spec.id}' differs from its folder name")
    return spec


def catalog_root() -> Traversable:
    return resources.files("bot.rules").joinpath("catalog")


@lru_cache(maxsize=1)
def builtin_catalog() -> Catalog:
    """Every built-in rule; a broken file is a bug in Bastion, so it raises."""
    catalog = Catalog()
    root = catalog_root()
    cache = _ParsedCache()
    _PARSED.cache = cache
    try:
        for category in sorted(root.iterdir(), key=lambda t: t.name):
            if not category.is_dir():
                continue
            for folder in sorted(category.iterdir(), key=lambda t: t.name):
                if folder.is_dir() and folder.joinpath("rule.yml").is_file():
                    label = f"bot/rules/catalog/{category.name}/{folder.name}/rule.yml"
                    spec = _read_dir(folder, label)
                    if spec.category.value != category.name:
                        raise CatalogError(f"{label}: key 'category': folder says {category.name}")
                    catalog.add(spec, label)
    finally:
        _PARSED.cache = None
    cache.save()
    return catalog


@lru_cache(maxsize=1)
def builtin_module_languages() -> dict[str, frozenset[str] | None]:
    """`module_languages` of the built-in catalogue. Computed from the parsed catalogue
    rather than kept in a generated index: every review parses the catalogue anyway
    (each check module names its rules through it), so the map costs a walk over ~100
    parsed rules and there is no second copy to go stale."""
    return builtin_catalog().module_languages()


@dataclass
class TeamRules:
    rules: list[RuleSpec] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def load_team_rules(files: Iterable[tuple[str, str]], taken: Iterable[str] = ()) -> TeamRules:
    """A team's rules from `(path, text)` pairs read off the base branch. Each bad
    file is one error line naming the file and key; the good ones still load."""
    out = TeamRules()
    used = set(taken)
    for count, (path, text) in enumerate(sorted(files)):
        if count >= MAX_TEAM_RULES:
            out.errors.append(f"{path}: more than {MAX_TEAM_RULES} rule files; the rest ignored")
            break
        if len(text) > MAX_TEAM_RULE_CHARS:
            out.errors.append(f"{path}: larger than {MAX_TEAM_RULE_CHARS // 1024} KiB")
            continue
        try:
            spec = parse_rule(text, path)
        except CatalogError as exc:
            out.errors.append(str(exc))
            continue
        name = path.rsplit("/", 1)[-1].removesuffix(".yml").removesuffix(".yaml")
        if spec.check.kind != "ast-grep":
            out.errors.append(f"{path}: key 'check.kind': a team's rule must be ast-grep")
        elif spec.id != name:
            out.errors.append(f"{path}: key 'id': '{spec.id}' differs from the file name")
        elif {spec.id, *spec.aliases} & used:
            out.errors.append(f"{path}: key 'id': rule id '{spec.id}' is already used")
        else:
            used.update((spec.id, *spec.aliases))
            out.rules.append(spec)
    return out


def is_team_rule_file(path: str) -> bool:
    head, _, name = path.rpartition("/")
    return head == TEAM_RULES_DIR and name.endswith((".yml", ".yaml"))
