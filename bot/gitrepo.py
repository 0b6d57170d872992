"""A local git repository, read for `bastion review --git BASE..HEAD`.

Revisions come from the user's command line, so none may reach git as an option:
a revision starting with `-` is refused, and every call that takes one puts
`--end-of-options` before it (git 2.24 and later). Files are read from git's
object database, never from the working tree, so a symbolic link is a blob
holding its target's name and nothing outside the repository is ever opened.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_TIMEOUT_S = 120
_SYMLINK_MODE = "120000"


class GitError(Exception):
    """git could not answer; the message is one line, ready for a user."""


@dataclass(frozen=True)
class GitRange:
    base: str
    head: str
    merge_base: bool  # `BASE...HEAD`: the change since the branches diverged

    @property
    def spec(self) -> str:
        return f"{self.base}{'...' if self.merge_base else '..'}{self.head}"


def parse_range(spec: str) -> GitRange:
    """`BASE..HEAD` or `BASE...HEAD` (HEAD may be left out)."""
    if "..." in spec:
        base, head = spec.split("...", 1)
        merge_base = True
    elif ".." in spec:
        base, head = spec.split("..", 1)
        merge_base = False
    else:
        raise GitError(f"--git expects BASE..HEAD (for example main..HEAD), got {_shown(spec)}")
    if not base:
        raise GitError(f"--git expects BASE..HEAD with a base, got {_shown(spec)}")
    for rev in (base, head):
        if rev.startswith("-"):
            raise GitError(f"--git: {_shown(rev)} is not a revision (it starts with '-')")
        if any(ch in rev for ch in "\0\n\r"):
            raise GitError("--git: a revision may not contain control characters")
    return GitRange(base, head or "HEAD", merge_base)


def _shown(value: str) -> str:
    return repr(value if len(value) <= 80 else value[:77] + "...")


@dataclass(frozen=True)
class TreeEntry:
    mode: str
    kind: str  # blob, tree, commit (a submodule)
    size: int | None
    oid: str

    @property
    def is_symlink(self) -> bool:
        return self.mode == _SYMLINK_MODE


class GitRepo:
    def __init__(self, path: Path) -> None:
        if not path.is_dir():
            what = "not a directory" if path.exists() else "no such directory"
            raise GitError(f"--repo {path}: {what}")
        # Absolute, so the path never looks like an option to git either.
        self.path = path.resolve()
        self.shown = str(path)

    def run(self, *argv: str, stdin: bytes | None = None) -> bytes:
        argv_all = ["git", "-C", str(self.path), *argv]
        try:
            if stdin is None:
                done = subprocess.run(
                    argv_all,
                    capture_output=True,
                    timeout=_TIMEOUT_S,
                    check=False,
                    stdin=subprocess.DEVNULL,
                )
            else:
                done = subprocess.run(
                    argv_all, capture_output=True, timeout=_TIMEOUT_S, check=False, input=stdin
                )
        except FileNotFoundError:
            raise GitError("--git needs the git command, which is not installed") from None
        except subprocess.TimeoutExpired:
            raise GitError(f"git {argv[0]} took longer than {_TIMEOUT_S} s") from None
        if done.returncode != 0:
            detail = done.stderr.decode(errors="replace").strip().splitlines()
            last = detail[-1] if detail else f"exit status {done.returncode}"
            raise GitError(f"git {argv[0]} failed in {self.shown}: {last[:200]}")
        return done.stdout

    def check_repository(self) -> None:
        try:
            self.run("rev-parse", "--git-dir")
        except GitError:
            raise GitError(f"--repo {self.shown}: not a git repository") from None

    def commit(self, rev: str) -> str:
        """The commit `rev` names, or a `GitError` saying it names none."""
        out = self.run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
        return out.decode().strip()

    def verify_range(self, rng: GitRange) -> None:
        self.check_repository()
        for rev in (rng.base, rng.head):
            try:
                self.commit(rev)
            except GitError:
                raise GitError(f"--git: no commit {_shown(rev)} in {self.shown}") from None

    def diff(self, rng: GitRange) -> bytes:
        return self.run(
            "diff", "--no-color", "--no-ext-diff", "-M", "--end-of-options", rng.spec, "--"
        )

    def entry(self, rev: str, path: str) -> TreeEntry | None:
        """The tree entry at `path` in `rev`, or None when there is none."""
        out = self.run("ls-tree", "-l", "-z", "--end-of-options", rev, "--", path)
        for record in out.split(b"\0"):
            meta, _, name = record.partition(b"\t")
            if name.decode(errors="replace") != path:
                continue
            mode, kind, oid, size = meta.decode().split()
            return TreeEntry(mode, kind, int(size) if size.isdigit() else None, oid)
        return None

    def blob(self, rev: str, path: str) -> bytes:
        """The content of `path` at `rev` as stored: a link's target name, not what it
        points to."""
        return self.run("cat-file", "blob", "--end-of-options", f"{rev}:{path}")

    def blob_by_id(self, oid: str) -> bytes:
        return self.run("cat-file", "blob", "--end-of-options", oid)

    def files(self, rev: str) -> dict[str, int]:
        """Every regular file in the tree of `rev`: path -> size in bytes (links and
        submodules left out: a link's blob is a name, not the file)."""
        out = self.run("ls-tree", "-r", "-z", "-l", "--end-of-options", rev)
        found: dict[str, int] = {}
        for record in out.split(b"\0"):
            meta, _, name = record.partition(b"\t")
            parts = meta.decode(errors="replace").split()
            if len(parts) != 4 or parts[1] != "blob" or parts[0] == _SYMLINK_MODE:
                continue
            if parts[3].isdigit():
                found[name.decode(errors="replace")] = int(parts[3])
        return found

    def blobs(self, rev: str, paths: Iterable[str], max_bytes: int) -> dict[str, bytes]:
        """Many files of `rev` in one git process: path -> content, leaving out what is
        missing, not a regular blob, or larger than `max_bytes`. Each request names
        `rev:path` on its own line, so a path with a line break cannot be asked for."""
        wanted = [p for p in dict.fromkeys(paths) if "\n" not in p and "\r" not in p]
        if not wanted:
            return {}
        request = "".join(f"{rev}:{p}\n" for p in wanted).encode()
        out = self.run("cat-file", "--batch", stdin=request)
        found: dict[str, bytes] = {}
        at = 0
        for path in wanted:
            end = out.find(b"\n", at)
            if end < 0:
                break
            header = out[at:end].split()
            at = end + 1
            if len(header) != 3 or not header[2].isdigit():
                continue  # "<name> missing" (or ambiguous): nothing follows
            size = int(header[2])
            if header[1] == b"blob" and size <= max_bytes:
                found[path] = out[at : at + size]
            at += size + 1  # the content and its trailing newline
        return found

    def released(self, rev: str, path: str) -> bool | None:
        """Whether the commit that added `path` (followed through renames) is part of a
        release tag reachable from `rev`: True when it is, False when `rev` has a tag but
        the file came after it, None when there is no tag or git cannot tell."""
        try:
            latest = self.run("describe", "--tags", "--abbrev=0", "--end-of-options", rev)
            added = self.run(
                "log",
                "--follow",
                "--diff-filter=A",
                "--format=%H",
                "--end-of-options",
                rev,
                "--",
                path,
            )
        except GitError:
            return None
        tag, commits = latest.decode().strip(), added.decode().split()
        if not tag or not commits:
            return None
        try:
            # Exit status 1 ("not an ancestor") raises like any failure, so ask the
            # reverse question through merge-base, which answers on stdout.
            base = self.run("merge-base", "--end-of-options", commits[-1], f"{tag}^{{commit}}")
        except GitError:
            return None
        return base.decode().strip() == commits[-1]
