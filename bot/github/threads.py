"""Bastion's review threads on GitHub: read them (one paginated GraphQL query per PR)
and resolve the ones a push fixed (one GraphQL document for all of them).

GraphQL failures are not review failures: without the threads the review goes on
as before (fingerprints from the REST comments), and a thread left open is resolved
by the next push's review.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from github import GithubException

from bot.feedback import (
    MAX_THREAD_PAGES,
    THREADS_QUERY,
    GraphQLShapeError,
    Thread,
    parse_threads_page,
    resolve_mutation,
    resolved_ids,
    split_repo,
)
from bot.github.client import GitHubClient

log = logging.getLogger("bastion.github")


def _first_error(errors: list[dict[str, object]]) -> str:
    return str(errors[0].get("message") or "error")[:200] if errors else ""


def read_threads(
    client: GitHubClient, number: int, authors: Iterable[str] = ()
) -> list[Thread] | None:
    """Every review thread of the PR, or None when GitHub's GraphQL API would not say."""
    owner, name = split_repo(client.repo)
    threads: list[Thread] = []
    cursor: str | None = None
    for _ in range(MAX_THREAD_PAGES):
        variables = {"owner": owner, "name": name, "number": number, "after": cursor}
        try:
            data, errors = client.graphql(THREADS_QUERY, variables)
        except GithubException as exc:
            # No GraphQL here (an old Enterprise server, a token without access): the
            # review goes on from the REST comments. Rate limits and 5xx propagate.
            log.warning("review threads of #%s not read: GitHub answered %s", number, exc.status)
            return None
        if errors:
            log.warning("review threads of #%s not read: %s", number, _first_error(errors))
            return None
        try:
            page = parse_threads_page(data, authors)
        except GraphQLShapeError as exc:
            log.warning("review threads of #%s not read: %s", number, exc)
            return None
        threads.extend(page.threads)
        cursor = page.next_cursor
        if cursor is None:
            break
    return threads


def resolve_fixed(
    client: GitHubClient, threads: Sequence[Thread], sha: str, pr_paths: set[str]
) -> list[str]:
    """Reply to and resolve each fixed thread in one call; the ids GitHub resolved."""
    if not threads:
        return []
    document, variables = resolve_mutation(threads, sha, pr_paths)
    data, errors = client.graphql(document, variables)
    if errors:
        log.warning("resolving fixed threads: %s", _first_error(errors))
    return resolved_ids(data, threads)
