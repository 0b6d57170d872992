"""What a review needs from GitHub: the changed files, the repo config, and the
post-change contents of the backend files. Pure helpers plus thin fetchers."""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from github import GithubException

from bot.config import CONFIG_PATH, ConfigError, RepoConfig, parse_config
from bot.diff import DiffError, parse_diff
from bot.github.client import GitHubClient
from bot.github.errors import TransientGitHubError
from bot.models import ChangedFile, FileStatus, SkippedFile
from bot.select import select_backend

if TYPE_CHECKING:
    from bot.rules.engine import Check

log = logging.getLogger("bastion.github")

BASTION_DIR = ".github/bastion"
AGENTS_DIR = f"{BASTION_DIR}/agents"
NO_PATCH = "no patch from GitHub (binary or too large)"
PREFETCH_THREADS = 4
# Below this many files, threads cost more than they save on a nearby API.
PREFETCH_MIN_FILES = 3


@dataclass
class ChangeSet:
    files: list[ChangedFile]
    skipped: list[SkippedFile] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Files reviewed on part of their lines only (an incremental review).
    partial: set[str] = field(default_factory=set)


def file_diff_text(item: dict[str, Any]) -> str | None:
    """A git-style diff for one entry of `pulls/{n}/files` (or `compare`), rebuilt
    from its `patch`; None when GitHub sent no patch."""
    patch = item.get("patch")
    name = str(item.get("filename") or "")
    if not patch or not name:
        return None
    status = item.get("status")
    old = str(item.get("previous_filename") or name)
    lines = [f"diff --git a/{old} b/{name}"]
    if status == "renamed" and old != name:
        lines += [f"rename from {old}", f"rename to {name}"]
    lines.append("--- /dev/null" if status == "added" else f"--- a/{old}")
    lines.append("+++ /dev/null" if status == "removed" else f"+++ b/{name}")
    text = "\n".join(lines) + "\n" + str(patch)
    return text if text.endswith("\n") else text + "\n"


def files_from_listing(items: Iterable[dict[str, Any]]) -> ChangeSet:
    """`pulls/{n}/files` entries -> changed files; entries without a patch, or
    with one that does not parse, are listed as skipped with the reason."""
    out = ChangeSet(files=[])
    for item in items:
        name = str(item.get("filename") or "")
        text = file_diff_text(item)
        if text is None:
            if name:
                out.skipped.append(SkippedFile(path=name, reason=NO_PATCH))
            continue
        try:
            out.files.extend(parse_diff(text))
        except DiffError as exc:
            out.skipped.append(
                SkippedFile(path=name, reason=f"unreadable patch from GitHub: {exc}")
            )
    return out


def changed_lines(items: Iterable[dict[str, Any]]) -> dict[str, frozenset[int] | None]:
    """Per path, the RIGHT-side lines a compare added; None when GitHub sent no
    patch (then the whole file counts as changed)."""
    lines: dict[str, frozenset[int] | None] = {}
    for item in items:
        name = str(item.get("filename") or "")
        text = file_diff_text(item)
        if not name:
            continue
        if text is None:
            lines[name] = None
            continue
        try:
            parsed = parse_diff(text)
        except DiffError:
            lines[name] = None
            continue
        lines[name] = frozenset().union(*(f.added_lines for f in parsed)) if parsed else frozenset()
    return lines


def restrict_to(
    files: Sequence[ChangedFile],
    since: dict[str, frozenset[int] | None],
    since_sha: str,
    keep_whole: Collection[str] = (),
) -> ChangeSet:
    """Keep only what changed since the last reviewed head. Hunks and commentable
    lines stay those of the whole PR (GitHub anchors comments to the PR diff);
    only `added_lines`, which decide what the rules report, shrink. A changed file in
    `keep_whole` (it holds open Bastion threads) is reviewed whole, so that a finding
    not reported again there is known to be gone."""
    out = ChangeSet(files=[])
    reason = f"unchanged since the last review ({since_sha[:7]})"
    for file in files:
        if file.path not in since:
            out.skipped.append(SkippedFile(path=file.path, reason=reason))
            continue
        lines = since[file.path]
        if lines is None or file.path in keep_whole:
            out.files.append(file)
            continue
        kept = file.added_lines & lines
        if not kept:
            out.skipped.append(SkippedFile(path=file.path, reason=reason))
            continue
        out.files.append(file.model_copy(update={"added_lines": kept}))
        if kept != file.added_lines:
            out.partial.add(file.path)
    return out


def load_agent_files(client: GitHubClient, base_ref: str) -> dict[str, str]:
    """`.github/bastion/agents/*.md` of the base branch: path -> text."""
    out: dict[str, str] = {}
    for entry in client.list_dir(AGENTS_DIR, base_ref):
        name = str(entry.get("name") or "")
        if entry.get("type") != "file" or not name.endswith(".md"):
            continue
        path = f"{AGENTS_DIR}/{name}"
        text = client.file_text(path, base_ref)
        if text is not None:
            out[path] = text
    return out


@dataclass
class TeamRuleSet:
    """A team's rules read off the base branch: the checks of the valid ones, and one
    line per file that could not be used (named, with the key at fault)."""

    checks: list[Check] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def load_team_rule_set(client: GitHubClient, base_ref: str) -> TeamRuleSet:
    """`.github/bastion/rules/*.yml` of the base branch: one listing, then one contents
    call per rule file, at most `MAX_TEAM_RULES` of them, none over the size cap."""
    from bot.rules.declarative import team_checks
    from bot.rules.loader import (
        MAX_TEAM_RULE_CHARS,
        MAX_TEAM_RULES,
        TEAM_RULES_DIR,
        is_team_rule_file,
    )

    out = TeamRuleSet()
    entries = sorted(
        (e for e in client.list_dir(TEAM_RULES_DIR, base_ref) if e.get("type") == "file"),
        key=lambda e: str(e.get("name") or ""),
    )
    paths = [f"{TEAM_RULES_DIR}/{e.get('name')}" for e in entries]
    sizes = {path: e.get("size") for path, e in zip(paths, entries, strict=True)}
    wanted = [p for p in paths if is_team_rule_file(p)]
    if len(wanted) > MAX_TEAM_RULES:
        out.errors.append(
            f"{TEAM_RULES_DIR}: more than {MAX_TEAM_RULES} rule files; "
            f"{len(wanted) - MAX_TEAM_RULES} ignored ({wanted[MAX_TEAM_RULES]} and after)"
        )
        wanted = wanted[:MAX_TEAM_RULES]
    limit = MAX_TEAM_RULE_CHARS * 4  # bytes: the loader counts characters
    texts: list[tuple[str, str]] = []
    for path in wanted:
        size = sizes.get(path)
        if isinstance(size, int) and size > limit:
            out.errors.append(f"{path}: larger than {MAX_TEAM_RULE_CHARS // 1024} KiB")
            continue
        text = client.file_text(path, base_ref, max_bytes=limit)
        if text is None:
            out.errors.append(f"{path}: not readable as text (binary, or too large)")
            continue
        texts.append((path, text))
    if texts:
        out.checks, errors = team_checks(texts)
        out.errors.extend(errors)
    return out


def wanted_contents(files: Sequence[ChangedFile], config: RepoConfig) -> list[str]:
    """Paths whose post-change content the rules will want: the files selection
    keeps from the diff alone, minus deleted and binary ones."""
    kept, _skipped = select_backend(files, config.paths)
    return [f.path for f in kept if f.status not in (FileStatus.DELETED, FileStatus.BINARY)]


class ContentCache:
    """File texts at one commit (the head SHA, or the base): prefetched in a small pool,
    then served to `review_files` as its `load_content` (or `load_base_content`, which
    reads a renamed file under its previous path); a miss fetches on demand, once."""

    def __init__(self, client: GitHubClient, head_sha: str, *, base: bool = False) -> None:
        self._client = client
        self._head = head_sha
        self._base = base
        self._texts: dict[str, str | None] = {}
        self._lock = threading.Lock()

    def known(self, path: str) -> bool:
        return path in self._texts

    def text(self, path: str) -> str | None:
        """The file at this commit, fetched on first use."""
        with self._lock:
            if path not in self._texts:
                self._texts[path] = self._client.file_text(path, self._head)
            return self._texts[path]

    def seed(self, texts: Mapping[str, str]) -> None:
        """Texts read another way (a batched GraphQL query): not fetched again."""
        with self._lock:
            for path, text in texts.items():
                self._texts.setdefault(path, text)

    def prefetch(self, paths: Sequence[str]) -> None:
        todo = [p for p in dict.fromkeys(paths) if p not in self._texts]
        if len(todo) < PREFETCH_MIN_FILES:
            for path in todo:
                self._texts[path] = self._client.file_text(path, self._head)
            return
        workers = min(PREFETCH_THREADS, len(todo))
        chunks = [todo[i::workers] for i in range(workers)]
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bastion-fetch") as pool:
            # PyGithub is not thread-safe: each thread gets its own client.
            results = pool.map(self._fetch_chunk, chunks)
            for chunk_result in results:
                self._texts.update(chunk_result)

    def _fetch_chunk(self, paths: Sequence[str]) -> dict[str, str | None]:
        client = self._client.clone()
        try:
            return {path: client.file_text(path, self._head) for path in paths}
        finally:
            client.close()

    def __call__(self, file: ChangedFile) -> str | None:
        if self._base:
            if file.status in (FileStatus.ADDED, FileStatus.BINARY):
                return None
            return self.text(file.previous_path or file.path)
        if file.status in (FileStatus.DELETED, FileStatus.BINARY):
            return None
        return self.text(file.path)


# Folders listed at the release tag per review: migrations live in one or two.
MAX_RELEASE_LISTINGS = 3


class Sources:
    """Every read of the repository's files a review makes, in one place: the config
    and agent definitions from the base branch (a PR cannot change its own review),
    the post-change contents at the head, and the base version of a file for checks
    that compare before and after."""

    def __init__(
        self,
        client: GitHubClient,
        base_ref: str,
        head_sha: str,
        config_path: str = CONFIG_PATH,
        *,
        base_sha: str | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self.client = client
        self.base_ref = base_ref
        self.head_sha = head_sha
        # The commit the PR's base is at: the pre-change side of compared files.
        self.base_sha = base_sha or base_ref
        self.config_path = config_path
        self.cache_dir = cache_dir
        self._agents: dict[str, str] | None = None
        self._bastion: dict[str, str] | None = None
        self._team: TeamRuleSet | None = None
        self._head: ContentCache | None = None
        self._base: ContentCache | None = None
        self._release: str | None = None  # "" once asked and there is none
        self._released_dirs: dict[str, frozenset[str]] = {}

    def config(self) -> tuple[RepoConfig, ConfigError | None]:
        """The base branch's config; one that does not validate gives the defaults and the error."""
        text = self.client.file_text(self.config_path, self.base_ref)
        try:
            return parse_config(text, self.config_path), None
        except ConfigError as exc:
            return parse_config(None), exc

    def _bastion_dir(self) -> dict[str, str]:
        """`.github/bastion/` at the base branch, name -> entry type: one listing says
        whether there are agent definitions or team rules to read at all (most
        repositories have neither, and then this is the only call)."""
        if self._bastion is None:
            self._bastion = {
                str(entry.get("name") or ""): str(entry.get("type") or "")
                for entry in self.client.list_dir(BASTION_DIR, self.base_ref)
            }
        return self._bastion

    def agent_files(self) -> dict[str, str]:
        if self._agents is None:
            there = self._bastion_dir().get(AGENTS_DIR.rsplit("/", 1)[-1]) == "dir"
            self._agents = load_agent_files(self.client, self.base_ref) if there else {}
        return self._agents

    def team_rules(self) -> TeamRuleSet:
        """The team's own rules (`.github/bastion/rules/`) from the base branch, like the
        config: a PR cannot add or change the rules it is reviewed with. Validated;
        each bad file is one error line, and the good rules run."""
        if self._team is None:
            there = self._bastion_dir().get("rules") == "dir"
            self._team = load_team_rule_set(self.client, self.base_ref) if there else TeamRuleSet()
        return self._team

    def head_contents(self, files: Sequence[ChangedFile], config: RepoConfig) -> ContentCache:
        """The loader `review_files` reads post-change contents through, prefetched for
        the files the rules will want."""
        contents = self._head_cache()
        contents.prefetch(wanted_contents(files, config))
        return contents

    def _head_cache(self) -> ContentCache:
        if self._head is None:
            self._head = ContentCache(self.client, self.head_sha)
        return self._head

    def base_contents(self) -> ContentCache:
        """The loader `review_files` reads pre-change contents through: one contents call
        per file a rule compares (`bot.pipeline.wants_base`), on demand, cached."""
        if self._base is None:
            self._base = ContentCache(self.client, self.base_sha, base=True)
        return self._base

    def base_text(self, path: str) -> str | None:
        """A file as it is at the PR's base (None when absent there)."""
        return self.base_contents().text(path)

    def read_ref(self, path: str, side: str) -> str | None:
        """`review_files(load_ref=...)`: a file an OpenAPI description `$ref`s, from the
        same commit as the side of the spec being read."""
        if side == "base":
            return self.base_text(path)
        return self._head_cache().text(path)

    def released(self, path: str) -> bool | None:
        """`review_files(released=...)`: whether `path` is in the latest release (its
        folder at the release tag lists it), False when it came after it, None when the
        repository has no release or the answer would cost more calls than it is worth.
        One call for the release, then one per migration folder asked about, each cached;
        only asked for the few findings whose table's age matters."""
        folder, _, name = path.rpartition("/")
        try:
            if self._release is None:
                self._release = self.client.latest_release_tag() or ""
            if not self._release:
                return None
            if folder not in self._released_dirs:
                if len(self._released_dirs) >= MAX_RELEASE_LISTINGS:
                    return None
                self._released_dirs[folder] = frozenset(
                    str(entry.get("name") or "")
                    for entry in self.client.list_dir(folder, self._release)
                )
        except (GithubException, TransientGitHubError) as exc:
            # Only a severity hangs on the answer: not worth failing or retrying a review.
            log.info("release state unknown for %s: %s", path, type(exc).__name__)
            self._release = ""
            return None
        return name in self._released_dirs[folder]

    def schema_files(self) -> tuple[dict[str, str] | None, str | None]:
        """`review_files(schema_files=...)` and a note for the review (None when there is
        nothing to say): the schema-bearing files at the head, from one recursive tree
        call and one GraphQL query per 50 files not read before (cached by blob SHA under
        the data directory, so unchanged files are fetched once per repository)."""
        from bot.github.schema_files import read_schema_files

        return read_schema_files(self.client, self.head_sha, self._head_cache(), self.cache_dir)
