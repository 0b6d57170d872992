"""The repository's schema-bearing files at the PR's head, for the schema model.

One recursive tree call lists the head commit; `bot.schema.schema_paths` picks the
files that may declare schema (migrations, schema dumps, models); each is read with
one contents call at the head SHA, unless read before: texts are kept on disk under
the data directory by git blob SHA (a blob SHA names its content, so an unchanged file
is fetched once per repository, whatever the commit), and the pick of one commit is
kept by its SHA (a second review of the same head makes no call at all).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from github import GithubException

from bot.github.client import MAX_CONTENT_BYTES, GitHubClient

if TYPE_CHECKING:
    from bot.github.fetch import ContentCache

log = logging.getLogger("bastion.github")

CACHE_DIR = "schema-cache"
_SHA = re.compile(r"^[0-9a-f]{40}$")
_SYMLINK_MODE = "120000"
NOT_BUILT = "The schema model was not built ({why}); indexing checks used the changed files only."
TRUNCATED = (
    "GitHub listed only part of this repository's files (a truncated tree): the schema "
    "model may miss some tables."
)


def read_schema_files(
    client: GitHubClient, head_sha: str, head: ContentCache, cache_dir: Path | None
) -> tuple[dict[str, str] | None, str | None]:
    """Path -> text of the schema files at `head_sha`, and one note (or None)."""
    from bot.pipeline import pick_schema_files, schema_cap_note

    store = _Store(cache_dir, client.repo) if cache_dir is not None else None
    listed = store.listing(head_sha) if store is not None else None
    if listed is None:
        try:
            _headers, tree = client.request(
                "GET",
                f"/repos/{client.repo}/git/trees/{head_sha}",
                params={"recursive": "1"},
            )
        except GithubException as exc:
            return None, NOT_BUILT.format(why=f"GitHub answered {exc.status} to the file list")
        if not isinstance(tree, dict) or not isinstance(tree.get("tree"), list):
            return None, NOT_BUILT.format(why="GitHub sent no file list")
        blobs = _blobs(tree["tree"])
        picked, left_out = pick_schema_files(blobs)
        notes = [TRUNCATED] if tree.get("truncated") is True else []
        if left_out:
            notes.append(schema_cap_note(left_out))
        listed = {"files": {p: blobs[p] for p in picked}, "notes": notes}
        if store is not None:
            store.save_listing(head_sha, listed)
    files: dict[str, str] = listed["files"]
    note = " ".join(listed["notes"]) or None
    texts: dict[str, str] = {}
    todo: list[str] = []
    for path, sha in files.items():
        cached = store.blob(sha) if store is not None else None
        if cached is not None:
            texts[path] = cached
        elif head.known(path):
            text = head.text(path)
            if text is not None:
                texts[path] = text
        else:
            todo.append(path)
    head.prefetch(todo)
    for path in todo:
        text = head.text(path)
        if text is None:
            continue
        texts[path] = text
        if store is not None:
            store.save_blob(files[path], text)
    return texts, note


def _blobs(entries: list[Any]) -> dict[str, str]:
    """Regular files of a tree listing small enough to read: path -> blob SHA."""
    out: dict[str, str] = {}
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("type") != "blob":
            continue
        path, sha, size = entry.get("path"), entry.get("sha"), entry.get("size")
        if entry.get("mode") == _SYMLINK_MODE or not isinstance(path, str) or not path:
            continue
        if not isinstance(sha, str) or not _SHA.match(sha):
            continue
        if isinstance(size, int) and size > MAX_CONTENT_BYTES:
            continue
        out[path] = sha
    return out


class _Store:
    """Files under `<data dir>/schema-cache/<repo key>/`: `trees/<commit>.json` (the pick
    of one commit) and `blobs/<sha>` (texts). A file that cannot be read or written is a
    cache miss, never an error."""

    def __init__(self, root: Path, repo: str) -> None:
        key = hashlib.sha256(repo.lower().encode()).hexdigest()[:16]
        self.root = root / CACHE_DIR / key

    def listing(self, commit: str) -> dict[str, Any] | None:
        if not _SHA.match(commit):
            return None
        try:
            data = json.loads((self.root / "trees" / f"{commit}.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        files, notes = data.get("files"), data.get("notes")
        if not isinstance(files, dict) or not isinstance(notes, list):
            return None
        if not all(isinstance(p, str) and isinstance(s, str) for p, s in files.items()):
            return None
        return {"files": files, "notes": [str(n) for n in notes]}

    def save_listing(self, commit: str, listed: dict[str, Any]) -> None:
        if _SHA.match(commit):
            self._write(self.root / "trees" / f"{commit}.json", json.dumps(listed))

    def blob(self, sha: str) -> str | None:
        if not _SHA.match(sha):
            return None
        try:
            return (self.root / "blobs" / sha).read_text("utf-8")
        except (OSError, ValueError):
            return None

    def save_blob(self, sha: str, text: str) -> None:
        if _SHA.match(sha):
            self._write(self.root / "blobs" / sha, text)

    def _write(self, path: Path, text: str) -> None:
        # Write then rename: a concurrent worker reads the old file or the new, never half.
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except OSError as exc:
            log.warning("schema cache not written: %s", type(exc).__name__)
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(tmp)
