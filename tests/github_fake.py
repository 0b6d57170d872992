"""A GitHub REST fake that real PyGithub talks to over HTTP.

A FastAPI app served by uvicorn on 127.0.0.1 (a free port) in a background
thread. It holds repositories, pull requests with a real unified diff, file
contents per ref, and answers like GitHub where Bastion depends on it: the
whole review rejected with 422 when one comment is off the diff, Link-header
pagination, 406 `too_large` diffs, secondary rate limits with `Retry-After`,
scripted 5xx, RS256 JWTs on the installation-token endpoint, check-run
annotation limits. Every request is recorded.

Use `start_fake()`, or the `github_fake` fixture: import `github_fake_fixture`
into the test module (it registers under the name `github_fake`).
"""

from __future__ import annotations

import asyncio
import base64
import copy
import hashlib
import itertools
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jwt
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from loopback import LoopbackServer
from unidiff import PatchSet

from bot.models import Category, Severity
from bot.rules.engine import Check, Hit, Rule

FIXTURES = Path(__file__).parent / "fixtures" / "github"
BOT_LOGIN = "bastion-app[bot]"
DEFAULT_TOKEN = "ghp_fake_token_for_tests"
PER_PAGE_DEFAULT = 30

LINE_NOT_IN_DIFF = (
    "Pull request review thread line must be part of the diff and Pull request review "
    "thread diff hunk can't be blank"
)
SECONDARY_LIMIT = (
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
)


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    status: int = 0


@dataclass
class Scripted:
    method: str
    path: re.Pattern[str]
    status: int
    body: Any
    headers: dict[str, str]
    times: int
    after: bool = False  # the request takes effect; only the answer is this error


@dataclass
class FakePR:
    number: int
    head_sha: str
    base_sha: str
    diff: str
    base_ref: str = "main"
    head_ref: str = "feature"
    state: str = "open"
    draft: bool = False
    title: str = "Add orders API"
    # GitHub's own view of the files, when it differs from `diff` (a push landed
    # between our fetch and our post); review comments are checked against it.
    github_diff: str | None = None
    too_large: bool = False
    author: str = "octocat"
    author_type: str = "User"

    def view(self) -> str:
        return self.github_diff if self.github_diff is not None else self.diff


@dataclass
class FakeRepo:
    full_name: str
    # ref (branch name or SHA) -> path -> bytes
    contents: dict[str, dict[str, bytes]] = field(default_factory=dict)
    prs: dict[int, FakePR] = field(default_factory=dict)
    permissions: dict[str, str] = field(default_factory=dict)
    # (base, head) -> (status, diff between them)
    compares: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    # The tag of the latest published release (its files: `contents[tag]`); None: none.
    latest_release: str | None = None

    def put(self, ref: str, path: str, text: str | bytes) -> None:
        data = text.encode() if isinstance(text, str) else text
        self.contents.setdefault(ref, {})[path] = data


def blob_sha(data: bytes) -> str:
    """The git object id of a file's content, as GitHub reports it."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def tree_entries(files: dict[str, bytes], recursive: bool) -> list[dict[str, Any]]:
    """`git/trees` entries, sorted by path as git sorts them: folders as `tree`
    entries (no size), files as `blob` entries with their size."""
    folders: set[str] = set()
    for path in files:
        parts = path.split("/")[:-1]
        folders.update("/".join(parts[: n + 1]) for n in range(len(parts)))
    entries: list[dict[str, Any]] = []
    for folder in folders:
        if recursive or "/" not in folder:
            digest = hashlib.sha1(f"tree {folder}".encode()).hexdigest()
            entries.append({"path": folder, "mode": "040000", "type": "tree", "sha": digest})
    for path, data in files.items():
        if recursive or "/" not in path:
            entries.append(
                {
                    "path": path,
                    "mode": "100644",
                    "type": "blob",
                    "sha": blob_sha(data),
                    "size": len(data),
                }
            )
    return sorted(entries, key=lambda e: str(e["path"]).encode())


def split_diff(diff: str) -> list[dict[str, Any]]:
    """`pulls/{n}/files` entries for a unified diff, with GitHub's field names."""
    items: list[dict[str, Any]] = []
    for patched in PatchSet(diff):
        source = (patched.source_file or "").removeprefix("a/")
        target = (patched.target_file or "").removeprefix("b/")
        if patched.is_added_file:
            status, name = "added", target
        elif patched.is_removed_file:
            status, name = "removed", source
        elif patched.is_rename:
            status, name = "renamed", target
        else:
            status, name = "modified", target
        text = str(patched)
        start = text.find("\n@@")
        item: dict[str, Any] = {
            "sha": "0" * 40,
            "filename": name,
            "status": status,
            "additions": patched.added,
            "deletions": patched.removed,
            "changes": patched.added + patched.removed,
        }
        if start >= 0 and not patched.is_binary_file:
            item["patch"] = text[start + 1 :].rstrip("\n")
        if status == "renamed":
            item["previous_filename"] = source
        items.append(item)
    return items


def hunks_by_path(diff: str) -> dict[str, list[set[int]]]:
    """RIGHT-side line numbers of each hunk, per file, as GitHub validates them."""
    out: dict[str, list[set[int]]] = {}
    for patched in PatchSet(diff):
        name = (patched.target_file or "").removeprefix("b/")
        if patched.is_removed_file:
            continue
        out[name] = [
            {ln.target_line_no for ln in hunk if ln.target_line_no is not None} for hunk in patched
        ]
    return out


class FakeGitHub:
    def __init__(self) -> None:
        self.repos: dict[str, FakeRepo] = {}
        self.requests: list[Recorded] = []
        self.scripts: list[Scripted] = []
        self.tokens: set[str] = {DEFAULT_TOKEN}
        self.app_id = "4242"
        self.app_slug = "bastion-app"
        self.public_key: str | None = None
        self.tokens_issued = 0
        self.check_runs_forbidden = False
        # Entries a recursive tree lists before GitHub says `truncated` (its limit is
        # 100,000 entries or 7 MB).
        self.tree_limit = 100_000
        # (method, path regex) -> seconds every matching request waits before it is served
        self.delays: dict[tuple[str, str], float] = {}
        self.reviews: dict[tuple[str, int], list[dict[str, Any]]] = {}
        self.review_comments: dict[tuple[str, int], list[dict[str, Any]]] = {}
        self.issue_comments: dict[tuple[str, int], list[dict[str, Any]]] = {}
        self.reactions: list[dict[str, Any]] = []
        # review comment id -> [(GraphQL reaction content, login)]
        self.review_reactions: dict[int, list[tuple[str, str]]] = {}
        # thread id (PRRT_<first comment id>) -> {"resolved": bool, "resolved_by": login}
        self.thread_state: dict[str, dict[str, Any]] = {}
        self.graphql_lock = threading.RLock()
        # `repository.object` fields answered (a batched query counts each of its blobs).
        self.blob_reads = 0
        self.check_runs: dict[int, dict[str, Any]] = {}
        self._ids = itertools.count(1000)
        self._lock = threading.Lock()
        self.url = ""
        self._loopback: LoopbackServer | None = None
        self.app = self._build_app()
        self._pr_template = json.loads((FIXTURES / "pull_request.opened.payload.json").read_text())[
            "pull_request"
        ]

    # -- setup -------------------------------------------------------------------

    def add_repo(self, full_name: str) -> FakeRepo:
        repo = FakeRepo(full_name)
        self.repos[full_name] = repo
        return repo

    def script(
        self,
        method: str,
        path_regex: str,
        status: int,
        body: Any = None,
        headers: dict[str, str] | None = None,
        times: int = 1,
        after: bool = False,
    ) -> None:
        """Answer the next `times` matching requests with this status. With `after`,
        the request is carried out first (a time-out or 502 on a write that landed)."""
        self.scripts.append(
            Scripted(
                method.upper(),
                re.compile(path_regex),
                status,
                body if body is not None else {"message": "Server Error"},
                headers or {},
                times,
                after,
            )
        )

    def rate_limit_next(self, method: str, path_regex: str, retry_after: int) -> None:
        self.script(
            method,
            path_regex,
            403,
            {"message": SECONDARY_LIMIT, "documentation_url": "https://docs.github.com"},
            {"Retry-After": str(retry_after)},
        )

    def calls(self, method: str | None = None, path_regex: str | None = None) -> list[Recorded]:
        return [
            r
            for r in self.requests
            if (method is None or r.method == method)
            and (path_regex is None or re.search(path_regex, r.path))
        ]

    def successful_reviews(self, repo: str, number: int) -> list[dict[str, Any]]:
        return self.reviews.get((repo, number), [])

    # -- review threads (GraphQL) -------------------------------------------------

    def _comment_by_id(self, comment_id: int) -> tuple[tuple[str, int], dict[str, Any]] | None:
        for key, comments in self.review_comments.items():
            for comment in comments:
                if comment["id"] == comment_id:
                    return key, comment
        return None

    def thread_ids(self, repo: str, number: int) -> list[str]:
        comments = self.review_comments.get((repo, number), [])
        return [f"PRRT_{c['id']}" for c in comments if c.get("in_reply_to_id") is None]

    def thread(self, thread_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
        """(state, comments oldest first) of a thread, None for an unknown id."""
        if not thread_id.startswith("PRRT_") or not thread_id[5:].isdigit():
            return None
        found = self._comment_by_id(int(thread_id[5:]))
        if found is None or found[1].get("in_reply_to_id") is not None:
            return None
        key, first = found
        replies = [c for c in self.review_comments[key] if c.get("in_reply_to_id") == first["id"]]
        state = self.thread_state.setdefault(thread_id, {"resolved": False, "resolved_by": None})
        return state, [first, *replies]

    def thread_of(self, comment_id: int) -> str:
        return f"PRRT_{comment_id}"

    def set_resolved(self, thread_id: str, login: str) -> None:
        self.thread_state[thread_id] = {"resolved": True, "resolved_by": login}

    def add_reply(self, thread_id: str, login: str, body: str) -> dict[str, Any]:
        found = self.thread(thread_id)
        assert found is not None
        first = found[1][0]
        key = next(k for k, v in self.review_comments.items() if first in v)
        stored = {
            "id": self._next_id(),
            "user": {"login": login, "type": "Bot" if login.endswith("[bot]") else "User"},
            "body": body,
            "path": first.get("path"),
            "line": first.get("line"),
            "in_reply_to_id": first["id"],
            "pull_request_review_id": first.get("pull_request_review_id"),
        }
        self.review_comments[key].append(stored)
        return stored

    def react_review_comment(self, comment_id: int, user: str, content: str) -> None:
        """A person's reaction (GraphQL content: THUMBS_UP, THUMBS_DOWN...) on a review comment."""
        self.review_reactions.setdefault(comment_id, []).append((content, user))

    # -- server ------------------------------------------------------------------

    def start(self) -> FakeGitHub:
        self._loopback = LoopbackServer(self.app, "fake GitHub API")
        self.url = self._loopback.start()
        return self

    def stop(self) -> None:
        if self._loopback is not None:
            self._loopback.stop()

    # -- helpers -----------------------------------------------------------------

    def _next_id(self) -> int:
        with self._lock:
            return next(self._ids)

    def _user(self, token: str | None = None) -> dict[str, Any]:
        return {"login": BOT_LOGIN, "id": 1, "type": "Bot"}

    def _paginate(self, request: Request, items: list[Any]) -> Response:
        per_page = int(request.query_params.get("per_page", PER_PAGE_DEFAULT))
        page = int(request.query_params.get("page", 1))
        chunk = items[(page - 1) * per_page : page * per_page]
        headers = {}
        last = max(1, -(-len(items) // per_page))
        if page < last:
            base = f"{self.url}{request.url.path}"
            links = [
                f'<{base}?per_page={per_page}&page={page + 1}>; rel="next"',
                f'<{base}?per_page={per_page}&page={last}>; rel="last"',
            ]
            headers["Link"] = ", ".join(links)
        return JSONResponse(chunk, headers=headers)

    def _pr_json(self, repo: FakeRepo, pr: FakePR) -> dict[str, Any]:
        data = copy.deepcopy(self._pr_template)
        api = f"{self.url}/repos/{repo.full_name}"
        data.update(
            {
                "url": f"{api}/pulls/{pr.number}",
                "number": pr.number,
                "state": pr.state,
                "draft": pr.draft,
                "title": pr.title,
                "comments_url": f"{api}/issues/{pr.number}/comments",
                "review_comments_url": f"{api}/pulls/{pr.number}/comments",
            }
        )
        data["head"]["sha"] = pr.head_sha
        data["head"]["ref"] = pr.head_ref
        data["base"]["sha"] = pr.base_sha
        data["base"]["ref"] = pr.base_ref
        data["user"]["login"] = pr.author
        data["user"]["type"] = pr.author_type
        return data

    def _authorized(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        token = header.split(" ", 1)[1] if " " in header else ""
        return token in self.tokens

    # -- routes ------------------------------------------------------------------

    def _build_app(self) -> FastAPI:
        app = FastAPI()
        fake = self

        @app.middleware("http")
        async def record(request: Request, call_next: Any) -> Response:
            raw = await request.body()
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw.decode(errors="replace")
            entry = Recorded(
                request.method,
                request.url.path,
                dict(request.query_params),
                dict(request.headers),
                body,
            )
            with fake._lock:
                fake.requests.append(entry)
                scripted = next(
                    (
                        s
                        for s in fake.scripts
                        if s.times > 0
                        and s.method == request.method
                        and s.path.search(request.url.path)
                    ),
                    None,
                )
                if scripted is not None:
                    scripted.times -= 1
            for (method, pattern), seconds in list(fake.delays.items()):
                if method == request.method and re.search(pattern, request.url.path):
                    await asyncio.sleep(seconds)
            if scripted is not None and scripted.after and fake._authorized(request):
                await call_next(request)
            if scripted is not None:
                response: Response = JSONResponse(
                    scripted.body, status_code=scripted.status, headers=scripted.headers
                )
            elif not request.url.path.startswith("/app") and not fake._authorized(request):
                response = JSONResponse({"message": "Bad credentials"}, status_code=401)
            else:
                response = await call_next(request)
            entry.status = response.status_code
            return response

        @app.post("/app/installations/{installation_id}/access_tokens")
        def access_token(installation_id: int, request: Request) -> Response:
            problem = fake._jwt_problem(request)
            if problem:
                return JSONResponse({"message": problem}, status_code=401)
            token = f"ghs_installation_{installation_id}_{fake._next_id()}"
            fake.tokens.add(token)
            fake.tokens_issued += 1
            expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
            return JSONResponse({"token": token, "expires_at": expires}, status_code=201)

        @app.get("/app")
        def get_app(request: Request) -> Response:
            problem = fake._jwt_problem(request)
            if problem:
                return JSONResponse({"message": problem}, status_code=401)
            return JSONResponse({"id": int(fake.app_id), "slug": fake.app_slug})

        @app.get("/user")
        def get_user() -> Response:
            return JSONResponse({"login": "bastion-user", "type": "User"})

        @app.get("/repos/{owner}/{name}/pulls/{number}")
        def get_pull(owner: str, name: str, number: int, request: Request) -> Response:
            repo, pr = fake._pr(owner, name, number)
            if pr is None or repo is None:
                return JSONResponse({"message": "Not Found"}, status_code=404)
            if "diff" in request.headers.get("accept", ""):
                if pr.too_large:
                    return JSONResponse(
                        {
                            "message": "Sorry, the diff exceeded the maximum number of "
                            "files (300). Consider using 'List pull requests files' API "
                            "or locally cloning the repository instead.",
                            "errors": [
                                {"resource": "PullRequest", "field": "diff", "code": "too_large"}
                            ],
                        },
                        status_code=406,
                    )
                return PlainTextResponse(
                    pr.diff, media_type="application/vnd.github.v3.diff; charset=utf-8"
                )
            return JSONResponse(fake._pr_json(repo, pr))

        @app.get("/repos/{owner}/{name}/pulls/{number}/files")
        def pull_files(owner: str, name: str, number: int, request: Request) -> Response:
            _repo, pr = fake._pr(owner, name, number)
            if pr is None:
                return JSONResponse({"message": "Not Found"}, status_code=404)
            return fake._paginate(request, split_diff(pr.view()))

        @app.get("/repos/{owner}/{name}/pulls/{number}/reviews")
        def list_reviews(owner: str, name: str, number: int, request: Request) -> Response:
            return fake._paginate(request, fake.reviews.get((f"{owner}/{name}", number), []))

        @app.get("/repos/{owner}/{name}/pulls/{number}/comments")
        def list_review_comments(owner: str, name: str, number: int, request: Request) -> Response:
            key = (f"{owner}/{name}", number)
            return fake._paginate(request, fake.review_comments.get(key, []))

        @app.post("/repos/{owner}/{name}/pulls/{number}/reviews")
        async def create_review(owner: str, name: str, number: int, request: Request) -> Response:
            _repo, pr = fake._pr(owner, name, number)
            if pr is None:
                return JSONResponse({"message": "Not Found"}, status_code=404)
            return fake._create_review(f"{owner}/{name}", pr, await request.json())

        @app.get("/repos/{owner}/{name}/issues/{number}/comments")
        def list_issue_comments(owner: str, name: str, number: int, request: Request) -> Response:
            key = (f"{owner}/{name}", number)
            return fake._paginate(request, fake.issue_comments.get(key, []))

        @app.post("/repos/{owner}/{name}/issues/{number}/comments")
        async def create_issue_comment(
            owner: str, name: str, number: int, request: Request
        ) -> Response:
            body = (await request.json()).get("body")
            if not isinstance(body, str) or not body:
                return JSONResponse({"message": "Validation Failed"}, status_code=422)
            comment = {"id": fake._next_id(), "body": body, "user": fake._user()}
            fake.issue_comments.setdefault((f"{owner}/{name}", number), []).append(comment)
            return JSONResponse(comment, status_code=201)

        @app.post("/repos/{owner}/{name}/issues/comments/{comment_id}/reactions")
        async def react(owner: str, name: str, comment_id: int, request: Request) -> Response:
            # A review comment's id is not a conversation comment's: GitHub answers 404.
            if fake._comment_by_id(comment_id) is not None:
                return JSONResponse({"message": "Not Found"}, status_code=404)
            content = (await request.json()).get("content")
            reaction = {"id": fake._next_id(), "content": content, "comment_id": comment_id}
            fake.reactions.append(reaction)
            return JSONResponse(reaction, status_code=201)

        @app.post("/repos/{owner}/{name}/pulls/comments/{comment_id}/reactions")
        async def react_review(
            owner: str, name: str, comment_id: int, request: Request
        ) -> Response:
            found = fake._comment_by_id(comment_id)
            if found is None or found[0][0] != f"{owner}/{name}":
                return JSONResponse({"message": "Not Found"}, status_code=404)
            content = (await request.json()).get("content")
            reaction = {
                "id": fake._next_id(),
                "content": content,
                "comment_id": comment_id,
                "review_comment": True,
            }
            fake.reactions.append(reaction)
            return JSONResponse(reaction, status_code=201)

        @app.get("/repos/{owner}/{name}/pulls/comments/{comment_id}")
        def get_review_comment(owner: str, name: str, comment_id: int) -> Response:
            found = fake._comment_by_id(comment_id)
            if found is None or found[0][0] != f"{owner}/{name}":
                return JSONResponse({"message": "Not Found"}, status_code=404)
            return JSONResponse(found[1])

        @app.post("/repos/{owner}/{name}/pulls/{number}/comments/{comment_id}/replies")
        async def reply_review_comment(
            owner: str, name: str, number: int, comment_id: int, request: Request
        ) -> Response:
            found = fake._comment_by_id(comment_id)
            if found is None or found[0] != (f"{owner}/{name}", number):
                return JSONResponse({"message": "Not Found"}, status_code=404)
            if found[1].get("in_reply_to_id") is not None:
                # GitHub: replies to replies are not supported.
                return JSONResponse({"message": "Validation Failed"}, status_code=422)
            body = (await request.json()).get("body")
            if not isinstance(body, str) or not body:
                return JSONResponse({"message": "Validation Failed"}, status_code=422)
            stored = fake.add_reply(fake.thread_of(comment_id), fake._user()["login"], body)
            return JSONResponse(stored, status_code=201)

        async def graphql_endpoint(request: Request) -> Response:
            from github_fake_graphql import execute

            try:
                payload = await request.json()
            except ValueError:
                return JSONResponse({"message": "Problems parsing JSON"}, status_code=400)
            return JSONResponse(execute(fake, fake._user()["login"], payload))

        # github.com serves `/graphql`; GitHub Enterprise `/api/graphql`.
        app.add_api_route("/graphql", graphql_endpoint, methods=["POST"])
        app.add_api_route("/api/graphql", graphql_endpoint, methods=["POST"])

        @app.get("/repos/{owner}/{name}/collaborators/{user}/permission")
        def permission(owner: str, name: str, user: str) -> Response:
            repo = fake.repos.get(f"{owner}/{name}")
            level = repo.permissions.get(user, "none") if repo else "none"
            role = level
            if level == "maintain":
                level = "write"
            return JSONResponse({"permission": level, "role_name": role, "user": {"login": user}})

        @app.get("/repos/{owner}/{name}/releases/latest")
        def latest_release(owner: str, name: str) -> Response:
            # GitHub: the most recent non-draft, non-prerelease release, else 404.
            repo = fake.repos.get(f"{owner}/{name}")
            tag = repo.latest_release if repo else None
            if tag is None:
                return JSONResponse(
                    {
                        "message": "Not Found",
                        "documentation_url": "https://docs.github.com/rest/releases/releases#get-the-latest-release",
                        "status": "404",
                    },
                    status_code=404,
                )
            base = f"{fake.url}/repos/{owner}/{name}"
            return JSONResponse(
                {
                    "url": f"{base}/releases/1",
                    "id": 1,
                    "tag_name": tag,
                    "target_commitish": "main",
                    "name": tag,
                    "draft": False,
                    "prerelease": False,
                    "created_at": "2026-11-30T10:00:00Z",
                    "published_at": "2026-11-30T10:05:00Z",
                    "assets": [],
                    "tarball_url": f"{base}/tarball/{tag}",
                    "zipball_url": f"{base}/zipball/{tag}",
                    "body": "",
                }
            )

        @app.get("/repos/{owner}/{name}/contents/{path:path}")
        def contents(owner: str, name: str, path: str, request: Request) -> Response:
            repo = fake.repos.get(f"{owner}/{name}")
            ref = request.query_params.get("ref", "main")
            files = repo.contents.get(ref, {}) if repo else {}
            if path in files:
                data = files[path]
                return JSONResponse(
                    {
                        "type": "file",
                        "encoding": "base64",
                        "size": len(data),
                        "name": path.rsplit("/", 1)[-1],
                        "path": path,
                        "sha": blob_sha(data),
                        "content": base64.b64encode(data).decode(),
                    }
                )
            prefix = path.rstrip("/") + "/"
            entries = sorted(
                {p[len(prefix) :].split("/")[0] for p in files if p.startswith(prefix)}
            )
            if entries:
                listing = [
                    {
                        "name": entry,
                        "path": prefix + entry,
                        "type": "file" if prefix + entry in files else "dir",
                    }
                    for entry in entries
                ]
                return JSONResponse(listing)
            return JSONResponse({"message": "Not Found"}, status_code=404)

        @app.get("/repos/{owner}/{name}/git/trees/{tree_sha}")
        def git_tree(owner: str, name: str, tree_sha: str, request: Request) -> Response:
            # A commit SHA, or a branch name, names the tree of that commit. Any value of
            # `recursive` (even "0" or "false") lists the whole tree; without it, one level.
            repo = fake.repos.get(f"{owner}/{name}")
            files = repo.contents.get(tree_sha) if repo else None
            if files is None:
                return JSONResponse(
                    {
                        "message": "Not Found",
                        "documentation_url": "https://docs.github.com/rest/git/trees#get-a-tree",
                        "status": "404",
                    },
                    status_code=404,
                )
            recursive = "recursive" in request.query_params
            entries = tree_entries(files, recursive)
            truncated = len(entries) > fake.tree_limit
            return JSONResponse(
                {
                    "sha": hashlib.sha1(tree_sha.encode()).hexdigest(),
                    "url": f"{fake.url}/repos/{owner}/{name}/git/trees/{tree_sha}",
                    "tree": entries[: fake.tree_limit],
                    "truncated": truncated,
                }
            )

        @app.get("/repos/{owner}/{name}/compare/{basehead}")
        def compare(owner: str, name: str, basehead: str) -> Response:
            repo = fake.repos.get(f"{owner}/{name}")
            base, _, head = basehead.partition("...")
            found = repo.compares.get((base, head)) if repo else None
            if found is None:
                return JSONResponse({"message": "Not Found"}, status_code=404)
            status, diff = found
            return JSONResponse(
                {
                    "status": status,
                    "merge_base_commit": {"sha": base},
                    "files": split_diff(diff) if diff.strip() else [],
                }
            )

        @app.post("/repos/{owner}/{name}/check-runs")
        async def create_check_run(owner: str, name: str, request: Request) -> Response:
            if fake.check_runs_forbidden:
                return JSONResponse(
                    {"message": "Resource not accessible by personal access token"},
                    status_code=403,
                )
            payload = await request.json()
            run_id = fake._next_id()
            run = {"id": run_id, "annotations": [], "updates": 0, **payload}
            fake.check_runs[run_id] = run
            return JSONResponse({k: v for k, v in run.items()}, status_code=201)

        @app.patch("/repos/{owner}/{name}/check-runs/{run_id}")
        async def update_check_run(
            owner: str, name: str, run_id: int, request: Request
        ) -> Response:
            run = fake.check_runs.get(run_id)
            if run is None:
                return JSONResponse({"message": "Not Found"}, status_code=404)
            payload = await request.json()
            output = payload.get("output") or {}
            annotations = output.get("annotations") or []
            if len(annotations) > 50:
                return JSONResponse(
                    {"message": "Validation Failed: at most 50 annotations per request"},
                    status_code=422,
                )
            run["annotations"].extend(annotations)
            run["updates"] += 1
            run.update({k: v for k, v in payload.items() if k != "output"})
            run["output"] = {k: v for k, v in output.items() if k != "annotations"}
            return JSONResponse({"id": run_id, "status": run.get("status")})

        return app

    def _pr(self, owner: str, name: str, number: int) -> tuple[FakeRepo | None, FakePR | None]:
        repo = self.repos.get(f"{owner}/{name}")
        return repo, repo.prs.get(number) if repo else None

    def _jwt_problem(self, request: Request) -> str | None:
        header = request.headers.get("authorization", "")
        if not header.startswith("Bearer ") or self.public_key is None:
            return "A JSON web token could not be decoded"
        try:
            claims = jwt.decode(
                header[7:],
                self.public_key,
                algorithms=["RS256"],
                options={"require": ["iat", "exp", "iss"]},
                leeway=0,
            )
        except jwt.PyJWTError as exc:
            return f"A JSON web token could not be decoded ({type(exc).__name__})"
        now = time.time()
        if claims["iat"] > now + 1:
            return "'Issued at' claim ('iat') must be an Integer representing a time in the past"
        if claims["exp"] > now + 600 or claims["exp"] - claims["iat"] > 660:
            return "'Expiration time' claim ('exp') is too far in the future"
        if str(claims["iss"]) != self.app_id:
            return "Integration not found"
        return None

    def _create_review(self, repo: str, pr: FakePR, payload: dict[str, Any]) -> Response:
        event = payload.get("event")
        if event not in ("COMMENT", "REQUEST_CHANGES", "APPROVE"):
            return JSONResponse({"message": "Unprocessable Entity"}, status_code=422)
        if not payload.get("body") and event != "APPROVE":
            return JSONResponse(
                {"message": "Unprocessable Entity", "errors": ["Body can't be blank"]},
                status_code=422,
            )
        if len(payload.get("body") or "") > 65_536:
            return JSONResponse({"message": "body is too long"}, status_code=422)
        hunks = hunks_by_path(pr.view())
        for comment in payload.get("comments") or []:
            problem = _comment_problem(comment, hunks)
            if problem:
                return JSONResponse(
                    {
                        "message": "Unprocessable Entity",
                        "errors": [problem],
                        "documentation_url": "https://docs.github.com/rest/pulls/reviews",
                    },
                    status_code=422,
                )
        review_id = self._next_id()
        state = {"COMMENT": "COMMENTED", "REQUEST_CHANGES": "CHANGES_REQUESTED"}.get(
            event, "APPROVED"
        )
        review = {
            "id": review_id,
            "user": self._user(),
            "body": payload.get("body"),
            "state": state,
            "commit_id": payload.get("commit_id"),
            "event": event,
        }
        self.reviews.setdefault((repo, pr.number), []).append(review)
        for comment in payload.get("comments") or []:
            stored = {
                "id": self._next_id(),
                "pull_request_review_id": review_id,
                "user": self._user(),
                "commit_id": payload.get("commit_id"),
                **comment,
            }
            self.review_comments.setdefault((repo, pr.number), []).append(stored)
        return JSONResponse(review)


def _comment_problem(comment: dict[str, Any], hunks: dict[str, list[set[int]]]) -> str | None:
    path = comment.get("path")
    if path not in hunks:
        return "Pull request review thread path is invalid"
    line = comment.get("line")
    if comment.get("side", "RIGHT") != "RIGHT" or not isinstance(line, int):
        return LINE_NOT_IN_DIFF
    hunk = next((h for h in hunks[path] if line in h), None)
    if hunk is None:
        return LINE_NOT_IN_DIFF
    start = comment.get("start_line")
    if start is not None and start not in hunk:
        return "Pull request review thread start line must be part of the same hunk as the line."
    return None


def start_fake() -> FakeGitHub:
    return FakeGitHub().start()


@pytest.fixture(name="github_fake")
def github_fake_fixture() -> Iterator[FakeGitHub]:
    fake = start_fake()
    try:
        yield fake
    finally:
        fake.stop()


# -- scenarios ---------------------------------------------------------------------


def make_diff(base: dict[str, str], head: dict[str, str]) -> str:
    """A git-style unified diff (3 lines of context) between two file maps."""
    import difflib

    parts: list[str] = []
    for path in sorted(set(base) | set(head)):
        old, new = base.get(path), head.get(path)
        if old == new:
            continue
        old_lines = (old or "").splitlines(keepends=True)
        new_lines = (new or "").splitlines(keepends=True)
        header = [f"diff --git a/{path} b/{path}\n"]
        if old is None:
            header.append("new file mode 100644\n")
        elif new is None:
            header.append("deleted file mode 100644\n")
        body = list(
            difflib.unified_diff(
                old_lines,
                new_lines,
                "/dev/null" if old is None else f"a/{path}",
                "/dev/null" if new is None else f"b/{path}",
                n=3,
            )
        )
        parts.extend(header)
        parts.extend(line if line.endswith("\n") else line + "\n" for line in body)
    return "".join(parts)


def python_module(name: str, lines: int, unsafe_at: tuple[int, ...] = ()) -> str:
    """Bland Python of `lines` lines; `UNSAFE` on the given 1-based lines (the test
    check flags those)."""
    out = [f'"""{name}: generated for tests."""', ""]
    n = 0
    while len(out) < lines:
        n += 1
        out += [f"def {name}_step_{n}(value):", f"    return value + {n}", ""]
    out = out[:lines]
    for line in unsafe_at:
        indent = "    " if out[line - 1].startswith("    ") else ""
        out[line - 1] = f"{indent}query = build(UNSAFE)  # line {line}"
    return "\n".join(out) + "\n"


def typical_files(unsafe: dict[str, tuple[int, ...]] | None = None) -> tuple[dict, dict]:
    """Base and head of a typical PR: 7 files, ~300 changed lines, two of them
    frontend/docs, five backend."""
    unsafe = unsafe or {}
    base = {
        "app/api/orders.py": python_module("orders", 40),
        "app/handlers/users.py": python_module("users", 30),
        "web/src/App.tsx": "export function App() {\n  return null;\n}\n",
        ".github/bastion.yml": "max_comments: 25\n",
    }
    head = dict(base)
    head["app/api/orders.py"] = python_module("orders", 90, unsafe.get("app/api/orders.py", ()))
    head["app/handlers/users.py"] = python_module(
        "users", 70, unsafe.get("app/handlers/users.py", ())
    )
    head["app/services/billing.py"] = python_module(
        "billing", 80, unsafe.get("app/services/billing.py", ())
    )
    head["app/models.py"] = python_module("models", 50, unsafe.get("app/models.py", ()))
    head["app/routes/health.py"] = python_module(
        "health", 30, unsafe.get("app/routes/health.py", ())
    )
    head["web/src/App.tsx"] = (
        "export function App() {\n"
        + "".join(f"  const item{i} = {i};\n" for i in range(20))
        + "  return null;\n}\n"
    )
    head["docs/api.md"] = "# API\n\n" + "".join(f"- endpoint {i}\n" for i in range(20))
    return base, head


def install_pr(
    fake: FakeGitHub,
    repo_name: str,
    number: int,
    base: dict[str, str],
    head: dict[str, str],
    head_sha: str,
    base_sha: str = "b" * 40,
    **options: Any,
) -> FakePR:
    """Put a PR into the fake: contents at the base branch and both SHAs, and the
    real diff between them."""
    repo = fake.repos.get(repo_name) or fake.add_repo(repo_name)
    for path, text in base.items():
        repo.put("main", path, text)
        repo.put(base_sha, path, text)
    for path, text in head.items():
        repo.put(head_sha, path, text)
    pr = FakePR(
        number=number, head_sha=head_sha, base_sha=base_sha, diff=make_diff(base, head), **options
    )
    repo.prs[number] = pr
    return pr


# -- a rule for tests: flags lines containing UNSAFE -------------------------------

UNSAFE_RULE_ID = "test-unsafe-call"


class UnsafeCheck(Check):
    """Module-level, so that it pickles by reference into the rule engine's child."""

    name = "test-unsafe"
    rules = (
        Rule(
            id=UNSAFE_RULE_ID,
            category=Category.SECURITY,
            severity=Severity.HIGH,
            title="Query built from untrusted input",
            rationale="Input reaches the query unescaped; ping @octocat <b>now</b>.",
            fix="Bind parameters.",
            languages=("python",),
        ),
    )
    languages = frozenset({"python"})

    def check_file(self, file: Any) -> Iterator[Any]:
        for number, text in enumerate(file.visible_text().splitlines(), 1):
            if "UNSAFE" in text:
                yield Hit(
                    rule=UNSAFE_RULE_ID,
                    path=file.path,
                    line=number,
                    suggestion=text.replace("UNSAFE", "params"),
                )


def _unsafe_check() -> Any:
    return UnsafeCheck()


@pytest.fixture(name="unsafe_rule")
def unsafe_rule_fixture() -> Iterator[str]:
    """Registers the test check for one test, and removes it after."""
    from bot.rules.engine import add_check, remove_check

    check = add_check(_unsafe_check())
    try:
        yield UNSAFE_RULE_ID
    finally:
        remove_check(check)


# -- a rule for tests: never ends on a file containing HANG_FOREVER --------------------

HANG_MARK = "HANG_FOREVER"
HANG_RULE_ID = "test-never-ends"


class HangingCheck(Check):
    """A check stuck on one hostile file (module-level: it pickles into the child)."""

    name = "test-hang"
    rules = (
        Rule(
            id=HANG_RULE_ID,
            category=Category.SECURITY,
            severity=Severity.LOW,
            title="Never reported",
            rationale="A check that loops on one file.",
            fix="None.",
            languages=("python",),
        ),
    )
    languages = frozenset({"python"})

    def check_file(self, file: Any) -> Iterator[Any]:
        if HANG_MARK in file.visible_text():
            while True:
                time.sleep(0.05)
        yield from ()


@pytest.fixture(name="hanging_rule")
def hanging_rule_fixture() -> Iterator[str]:
    from bot.rules.engine import add_check, remove_check

    check = add_check(HangingCheck())
    try:
        yield HANG_RULE_ID
    finally:
        remove_check(check)
