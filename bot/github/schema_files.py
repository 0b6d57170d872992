"""The repository's schema-bearing files at the PR's head, for the schema model.

One recursive tree call lists the head commit; `bot.schema.schema_paths` picks the
files that may declare schema (migrations, schema dumps, models). Their texts come
in batches: one GraphQL query reads up to `BLOBS_PER_QUERY` blobs by their SHA (a
40-file repository costs one query), and only a blob GraphQL cannot give whole
(over its 512,000-byte text limit, or missing from the answer) is read with a
contents call. Texts are kept on disk under the data directory by git blob SHA (a
blob SHA names its content, so an unchanged file is fetched once per repository,
whatever the commit), and the pick of one commit is kept by its SHA (a second review
of the same head makes no call at all).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from github import GithubException

from bot import lazyre as re
from bot.github.client import MAX_CONTENT_BYTES, GitHubClient

if TYPE_CHECKING:
    from bot.github.fetch import ContentCache

log = logging.getLogger("bastion.github")

CACHE_DIR = "schema-cache"
_SHA = re.compile(r"^[0-9a-f]{40}$")
_SYMLINK_MODE = "120000"
NOT_BUILT = "The schema model was not built ({why}); indexing checks used the changed files only."
# GraphQL returns at most this much of a blob's text (`isTruncated` then says so).
GRAPHQL_TEXT_BYTES = 512_000
BLOBS_PER_QUERY = 50
# Text one query may bring back: the answer stays a few megabytes at most.
BYTES_PER_QUERY = 2_000_000
UNREADABLE = (
    "The schema model left out {count} file(s) GitHub returned no text for ({what}): {paths}."
)
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
        listed = {
            "files": {p: blobs[p][0] for p in picked},
            "sizes": {p: blobs[p][1] for p in picked},
            "notes": notes,
        }
        if store is not None:
            store.save_listing(head_sha, listed)
    files: dict[str, str] = listed["files"]
    sizes: dict[str, int] = listed.get("sizes", {})
    said: list[str] = list(listed["notes"])
    texts: dict[str, str] = {}
    todo: dict[str, str] = {}
    unreadable: list[str] = []
    for path, sha in files.items():
        cached = store.blob(sha) if store is not None else None
        if cached is not None:
            texts[path] = cached
        elif store is not None and store.unreadable(sha):
            unreadable.append(path)
        elif head.known(path):
            text = head.text(path)
            if text is not None:
                texts[path] = text
        else:
            todo[path] = sha
    read, binary = _read_blobs(client, todo, sizes)
    head.seed(read)
    rest = [p for p in todo if p not in read and p not in binary]
    head.prefetch(rest)  # what GraphQL could not give whole: one contents call each
    for path in rest:
        text = head.text(path)
        if text is None:
            unreadable.append(path)
            if store is not None:
                store.save_unreadable(todo[path])
            continue
        read[path] = text
    for path, text in read.items():
        texts[path] = text
        if store is not None:
            store.save_blob(todo[path], text)
    for path in binary:
        unreadable.append(path)
        if store is not None:
            store.save_unreadable(todo[path])
    if unreadable:
        said.append(_unreadable_note(sorted(unreadable)))
    return texts, " ".join(said) or None


def _unreadable_note(paths: list[str]) -> str:
    shown = ", ".join(f"`{p}`" for p in paths[:5])
    if len(paths) > 5:
        shown += f" and {len(paths) - 5} more"
    return UNREADABLE.format(
        count=len(paths), what=f"binary, or over {MAX_CONTENT_BYTES:,} bytes", paths=shown
    )


def _batches(todo: dict[str, str], sizes: dict[str, int]) -> list[list[str]]:
    """Paths per GraphQL query: at most `BLOBS_PER_QUERY`, and `BYTES_PER_QUERY` of
    text as the tree listing sized them. A blob GraphQL would truncate is left out
    (a contents call reads it whole)."""
    batches: list[list[str]] = []
    used = 0
    for path in todo:
        size = sizes.get(path, 0)
        if size > GRAPHQL_TEXT_BYTES:
            continue
        if not batches or len(batches[-1]) >= BLOBS_PER_QUERY or used + size > BYTES_PER_QUERY:
            batches.append([])
            used = 0
        batches[-1].append(path)
        used += size
    return batches


def _blob_query(shas: list[str]) -> str:
    # The SHAs were checked against `_SHA` (40 hex digits): safe to write into the query.
    fields = "\n".join(
        f'    b{n}: object(oid: "{sha}") {{ ... on Blob {{ text isBinary isTruncated }} }}'
        for n, sha in enumerate(shas)
    )
    return (
        "query($owner: String!, $name: String!) {\n"
        f"  repository(owner: $owner, name: $name) {{\n{fields}\n  }}\n}}"
    )


def _read_blobs(
    client: GitHubClient, todo: dict[str, str], sizes: dict[str, int]
) -> tuple[dict[str, str], list[str]]:
    """Texts of the blobs GraphQL returns whole, and the paths it says are binary.
    A blob it truncates or leaves out is in neither (the caller reads it over REST);
    a query GitHub refuses leaves its whole batch to REST."""
    owner, _, name = client.repo.partition("/")
    texts: dict[str, str] = {}
    binary: list[str] = []
    for batch in _batches(todo, sizes):
        try:
            data, errors = client.graphql(
                _blob_query([todo[p] for p in batch]), {"owner": owner, "name": name}
            )
        except GithubException as exc:
            log.warning("schema files: GraphQL answered %s; reading them one by one", exc.status)
            continue
        if errors:
            log.warning("schema files: GraphQL errors: %s", str(errors[0].get("message"))[:200])
        repository = data.get("repository") if isinstance(data, dict) else None
        if not isinstance(repository, dict):
            continue
        for n, path in enumerate(batch):
            blob = repository.get(f"b{n}")
            if not isinstance(blob, dict):
                continue
            text = blob.get("text")
            if blob.get("isBinary") is True or (text is None and "text" in blob):
                binary.append(path)
            elif isinstance(text, str) and blob.get("isTruncated") is False:
                if "\x00" not in text[:8192]:
                    texts[path] = text.replace("\r\n", "\n")
                else:
                    binary.append(path)
    return texts, binary


def _blobs(entries: list[Any]) -> dict[str, tuple[str, int]]:
    """Regular files of a tree listing small enough to read: path -> (blob SHA, size)."""
    out: dict[str, tuple[str, int]] = {}
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
        out[path] = (sha, size if isinstance(size, int) else 0)
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
        sizes = data.get("sizes")
        if not isinstance(sizes, dict):
            sizes = {}  # a listing saved before sizes were kept: batches by count alone
        sizes = {p: n for p, n in sizes.items() if isinstance(p, str) and isinstance(n, int)}
        return {"files": files, "sizes": sizes, "notes": [str(n) for n in notes]}

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

    def unreadable(self, sha: str) -> bool:
        """A blob known to give no text (binary, or too large): not asked for again."""
        return bool(_SHA.match(sha)) and (self.root / "unreadable" / sha).is_file()

    def save_unreadable(self, sha: str) -> None:
        if _SHA.match(sha):
            self._write(self.root / "unreadable" / sha, "")

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
