"""The GitHub fake's GraphQL endpoint: review threads, their comments and reactions,
`resolveReviewThread` and `addPullRequestReviewThreadReply`.

A real GraphQL server (graphql-core) over a schema that is a strict subset of
GitHub's: a field GitHub lacks fails the whole query, connections want `first`
(1..100) as GitHub does, errors come back as HTTP 200 with an `errors` array, unknown
node ids are NOT_FOUND. Stricter than GitHub on purpose: resolving or replying to a
thread that the token's account did not start is an error (Bastion must only touch
its own threads).

Threads are built from the fake's review comments: a comment without `in_reply_to_id`
starts a thread `PRRT_<id>`; replies join it.

`repository.object(oid:)` / `object(expression: "REF:path")` return the fake's file
contents as git objects: a `Blob` with GitHub's `text` (null for a binary blob, cut at
512,000 bytes with `isTruncated`), `byteSize` and `isBinary`. Every blob of every ref
the fake holds answers by its SHA; a SHA it does not hold is null, as on GitHub.
"""

from __future__ import annotations

import base64
import hashlib
from typing import TYPE_CHECKING, Any

from graphql import GraphQLError, build_schema, graphql_sync

if TYPE_CHECKING:
    from github_fake import FakeGitHub

SDL = """
type Query {
  repository(owner: String!, name: String!): Repository
}
type Mutation {
  resolveReviewThread(input: ResolveReviewThreadInput!): ResolveReviewThreadPayload
  addPullRequestReviewThreadReply(
    input: AddPullRequestReviewThreadReplyInput!
  ): AddPullRequestReviewThreadReplyPayload
}
type Repository {
  nameWithOwner: String!
  pullRequest(number: Int!): PullRequest
  object(oid: GitObjectID, expression: String): GitObject
}
scalar GitObjectID
interface GitObject { oid: GitObjectID! abbreviatedOid: String! }
type Blob implements GitObject {
  oid: GitObjectID!
  abbreviatedOid: String!
  byteSize: Int!
  isBinary: Boolean
  isTruncated: Boolean!
  text: String
}
type Tree implements GitObject { oid: GitObjectID! abbreviatedOid: String! }
type PullRequest {
  number: Int!
  reviewThreads(first: Int, after: String): PullRequestReviewThreadConnection!
}
type PageInfo { hasNextPage: Boolean! endCursor: String }
type PullRequestReviewThreadConnection {
  nodes: [PullRequestReviewThread] pageInfo: PageInfo! totalCount: Int!
}
type PullRequestReviewThread {
  id: ID!
  isResolved: Boolean!
  path: String!
  line: Int
  resolvedBy: User
  comments(first: Int, after: String): PullRequestReviewCommentConnection!
}
type PullRequestReviewCommentConnection {
  nodes: [PullRequestReviewComment] pageInfo: PageInfo! totalCount: Int!
}
interface Actor { login: String! }
type User implements Actor { login: String! }
type Bot implements Actor { login: String! }
type PullRequestReviewComment {
  id: ID!
  databaseId: Int
  body: String!
  viewerDidAuthor: Boolean!
  author: Actor
  reactions(first: Int, after: String): ReactionConnection!
}
type ReactionConnection { nodes: [Reaction] pageInfo: PageInfo! totalCount: Int! }
enum ReactionContent {
  THUMBS_UP THUMBS_DOWN LAUGH HOORAY CONFUSED HEART ROCKET EYES
}
type Reaction { content: ReactionContent! user: User }
input ResolveReviewThreadInput { threadId: ID! clientMutationId: String }
type ResolveReviewThreadPayload { thread: PullRequestReviewThread clientMutationId: String }
input AddPullRequestReviewThreadReplyInput {
  pullRequestReviewThreadId: ID! body: String! clientMutationId: String
}
type AddPullRequestReviewThreadReplyPayload {
  comment: PullRequestReviewComment clientMutationId: String
}
"""

SCHEMA = build_schema(SDL)


def _error(message: str, kind: str) -> GraphQLError:
    return GraphQLError(message, extensions={"type": kind})


def _connection(items: list[Any], first: int | None, after: str | None, name: str) -> dict:
    if first is None:
        raise _error(
            f"You must provide a `first` or `last` value to properly paginate the `{name}` "
            "connection.",
            "MISSING_PAGINATION_BOUNDARIES",
        )
    if not 1 <= first <= 100:
        raise _error(
            f"Requesting {first} records on the `{name}` connection exceeds the `first` "
            "limit of 100 records.",
            "EXCESSIVE_PAGINATION",
        )
    start = 0
    if after is not None:
        try:
            start = int(base64.b64decode(after).decode().removeprefix("cursor:"))
        except ValueError:
            raise _error(
                f"`{after}` does not appear to be a valid cursor.", "INVALID_CURSOR"
            ) from None
    chunk = items[start : start + first]
    end = start + len(chunk)
    return {
        "nodes": chunk,
        "totalCount": len(items),
        "pageInfo": {
            "hasNextPage": end < len(items),
            "endCursor": base64.b64encode(f"cursor:{end}".encode()).decode() if chunk else None,
        },
    }


# GitHub's cut-off for `Blob.text` (not documented; `isTruncated` reports it).
BLOB_TEXT_LIMIT = 512_000


def _blob(data: bytes) -> dict[str, Any]:
    from github_fake import blob_sha

    sha = blob_sha(data)
    binary = b"\x00" in data[:8000]
    return {
        "__typename": "Blob",
        "oid": sha,
        "abbreviatedOid": sha[:7],
        "byteSize": len(data),
        "isBinary": binary,
        "isTruncated": not binary and len(data) > BLOB_TEXT_LIMIT,
        "text": None if binary else data[:BLOB_TEXT_LIMIT].decode("utf-8", errors="replace"),
    }


def _actor(login: str) -> dict[str, str]:
    if login.endswith("[bot]"):
        return {"__typename": "Bot", "login": login.removesuffix("[bot]")}
    return {"__typename": "User", "login": login}


class GraphQLView:
    """One request's view of the fake, as the token's account (the viewer) sees it."""

    def __init__(self, fake: FakeGitHub, viewer: str) -> None:
        self.fake = fake
        self.viewer = viewer

    # -- nodes -------------------------------------------------------------------

    def _comment(self, stored: dict[str, Any]) -> dict[str, Any]:
        login = str(stored["user"]["login"])
        reactions = [
            {"content": content, "user": {"login": user}}
            for content, user in self.fake.review_reactions.get(stored["id"], [])
        ]
        return {
            "id": f"PRRC_{stored['id']}",
            "databaseId": stored["id"],
            "body": stored["body"],
            "viewerDidAuthor": login == self.viewer,
            "author": _actor(login),
            "reactions": lambda info, first=None, after=None: _connection(
                reactions, first, after, "reactions"
            ),
        }

    def _thread(self, thread_id: str) -> dict[str, Any]:
        found = self.fake.thread(thread_id)
        if found is None:
            raise _error(
                f"Could not resolve to a node with the global id of '{thread_id}'", "NOT_FOUND"
            )
        state, comments = found
        first = comments[0]
        return {
            "id": thread_id,
            "isResolved": state["resolved"],
            "path": first.get("path", ""),
            "line": first.get("line"),
            "resolvedBy": {"login": state["resolved_by"]} if state["resolved_by"] else None,
            "comments": lambda info, first=None, after=None: _connection(
                [self._comment(c) for c in comments], first, after, "comments"
            ),
        }

    def _pull(self, repo: str, number: int) -> dict[str, Any] | None:
        owner, _, name = repo.partition("/")
        _repo, pr = self.fake._pr(owner, name, number)
        if pr is None:
            return None
        ids = self.fake.thread_ids(repo, number)
        return {
            "number": number,
            "reviewThreads": lambda info, first=None, after=None: _connection(
                [self._thread(t) for t in ids], first, after, "reviewThreads"
            ),
        }

    # -- root --------------------------------------------------------------------

    def root(self) -> dict[str, Any]:
        def repository(info: Any, owner: str, name: str) -> dict[str, Any] | None:
            full = f"{owner}/{name}"
            if full not in self.fake.repos:
                raise _error(
                    f"Could not resolve to a Repository with the name '{full}'.", "NOT_FOUND"
                )
            return {
                "nameWithOwner": full,
                "pullRequest": lambda info, number: self._pull(full, number),
                "object": lambda info, oid=None, expression=None: self._object(
                    full, oid, expression
                ),
            }

        return {
            "repository": repository,
            "resolveReviewThread": self._resolve,
            "addPullRequestReviewThreadReply": self._reply,
        }

    def _object(self, repo: str, oid: str | None, expression: str | None) -> Any:
        self.fake.blob_reads += 1
        contents = self.fake.repos[repo].contents
        if oid is not None:
            for files in contents.values():
                for data in files.values():
                    blob = _blob(data)
                    if blob["oid"] == oid:
                        return blob
            return None
        if expression is not None and ":" in expression:
            ref, _, path = expression.partition(":")
            data = contents.get(ref, {}).get(path)
            if data is not None:
                return _blob(data)
            if any(p.startswith(path.rstrip("/") + "/") for p in contents.get(ref, {})):
                digest = hashlib.sha1(f"tree {path}".encode()).hexdigest()
                return {"__typename": "Tree", "oid": digest, "abbreviatedOid": digest[:7]}
        return None

    def _own_thread(self, thread_id: str, verb: str) -> None:
        found = self.fake.thread(thread_id)
        if found is None:
            raise _error(
                f"Could not resolve to a node with the global id of '{thread_id}'", "NOT_FOUND"
            )
        starter = found[1][0]["user"]["login"]
        if starter != self.viewer:
            raise _error(
                f"{self.viewer} may not {verb} thread {thread_id}: {starter} started it "
                "(the fake allows a bot only its own threads)",
                "FORBIDDEN",
            )

    def _resolve(self, info: Any, input: dict[str, Any]) -> dict[str, Any]:
        thread_id = str(input["threadId"])
        self._own_thread(thread_id, "resolve")
        self.fake.set_resolved(thread_id, self.viewer)
        return {"thread": self._thread(thread_id), "clientMutationId": None}

    def _reply(self, info: Any, input: dict[str, Any]) -> dict[str, Any]:
        thread_id = str(input["pullRequestReviewThreadId"])
        self._own_thread(thread_id, "reply in")
        body = str(input["body"])
        if not body.strip():
            raise _error("Body can't be blank", "UNPROCESSABLE")
        stored = self.fake.add_reply(thread_id, self.viewer, body)
        return {"comment": self._comment(stored), "clientMutationId": None}


def execute(fake: FakeGitHub, viewer: str, payload: Any) -> dict[str, Any]:
    """The JSON answer GitHub gives to one GraphQL POST body."""
    if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
        problem = "A query attribute must be specified and must be a string."
        return {"errors": [{"message": problem}]}
    variables = payload.get("variables")
    view = GraphQLView(fake, viewer)
    with fake.graphql_lock:
        result = graphql_sync(
            SCHEMA,
            payload["query"],
            root_value=view.root(),
            variable_values=variables if isinstance(variables, dict) else None,
        )
    answer: dict[str, Any] = {}
    if result.data is not None:
        answer["data"] = result.data
    if result.errors:
        errors = []
        for err in result.errors:
            item = err.formatted
            kind = (item.get("extensions") or {}).get("type")
            if kind:
                item["type"] = kind
            errors.append(item)
        answer["errors"] = errors
    return answer
