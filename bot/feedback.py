"""The feedback loop, pure: review threads in, feedback events, fixed threads and muted
rules out.

Bastion's inline comments open review threads. Each time a PR is reviewed again (and
when it closes) one GraphQL query reads them back with their replies and reactions.
From that: which threads' findings a push fixed (resolved with a one-line reply), and
what people said about each rule (👍 accepted, 👎 rejected, a reply). The events are
keyed so that reading the same thread twice, or a job that runs twice, records nothing
twice; the store sums them per repository and rule.

Nothing here touches the network or a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from bot import lazyre as re

# One GraphQL query per PR (paginated over threads): threads, their comments, reactions.
THREADS_QUERY = """
query($owner: String!, $name: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 50, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          isResolved
          path
          resolvedBy { login }
          comments(first: 30) {
            nodes {
              databaseId
              body
              viewerDidAuthor
              author { login }
              reactions(first: 50) { nodes { content user { login } } }
            }
          }
        }
      }
    }
  }
}
"""

MAX_THREAD_PAGES = 20
AGENT_RULE_PREFIX = "llm-"  # the AI's findings: only the AI can tell they are gone
FIXED_MARKER = "<!-- bastion:fixed={sha} -->"
_FP_RE = re.compile(r"<!-- bastion:fp=([0-9a-f]{6,64}) -->")
_RULE_RE = re.compile(r"<!-- bastion:rule=([\w.:/-]{1,100}) -->")
_HEAD_RULE_RE = re.compile(r"·\s*`([\w.:/-]{1,100})`")
_FIXED_RE = re.compile(r"<!-- bastion:fixed=([0-9a-fA-F]{4,64}) -->")

Kind = Literal["accepted", "rejected", "replied", "fixed", "ignored"]
KINDS: tuple[Kind, ...] = ("accepted", "rejected", "replied", "fixed", "ignored")
# Events read off the threads as they are now: a reaction taken back disappears, so
# these are replaced per PR on each read. `fixed` and `ignored` are only ever added.
THREAD_KINDS: tuple[Kind, ...] = ("accepted", "rejected", "replied")
_REACTION_KIND: dict[str, Kind] = {"THUMBS_UP": "accepted", "THUMBS_DOWN": "rejected"}


def rule_marker(rule: str) -> str:
    """The rule's id in a hidden marker ('' for an id the marker pattern cannot carry)."""
    marker = f"<!-- bastion:rule={rule} -->"
    return marker if _RULE_RE.fullmatch(marker) else ""


def rule_of(body: str) -> str | None:
    """The rule of a finding comment: its hidden marker, else the id on its first line."""
    found = _RULE_RE.search(body) or _HEAD_RULE_RE.search(body)
    return found.group(1) if found else None


def current_rule(rule: str) -> str:
    """The id a rule reports under now. A rule renamed or folded into another keeps its
    old ids as aliases; feedback recorded under one (a 👎 on an old comment, an ignore,
    a stored count) belongs to the rule under its current id."""
    if not rule or rule.startswith(AGENT_RULE_PREFIX):
        return rule
    from bot.rules.loader import builtin_catalog

    return builtin_catalog().canonical(rule)


def fingerprint_of(body: str) -> str | None:
    found = _FP_RE.search(body)
    return found.group(1) if found else None


@dataclass(frozen=True)
class Reaction:
    content: str
    user: str


@dataclass(frozen=True)
class Comment:
    id: int | None
    body: str
    mine: bool  # written by the account this token acts as (Bastion)
    author: str
    reactions: tuple[Reaction, ...] = ()


@dataclass(frozen=True)
class Thread:
    id: str
    resolved: bool
    path: str
    resolved_by: str | None
    comments: tuple[Comment, ...]

    @property
    def ours(self) -> bool:
        """Bastion started it: its first comment is ours and carries a finding marker."""
        return bool(self.comments) and self.comments[0].mine and self.fingerprint is not None

    @property
    def fingerprint(self) -> str | None:
        return fingerprint_of(self.comments[0].body) if self.comments else None

    @property
    def rule(self) -> str:
        found = rule_of(self.comments[0].body) if self.comments else None
        return current_rule(found) if found else "unknown"

    @property
    def human_replies(self) -> list[Comment]:
        return [c for c in self.comments[1:] if not c.mine]

    @property
    def fixed_reply(self) -> str | None:
        """The commit Bastion already named as the fix in this thread, if any."""
        for comment in self.comments[1:]:
            found = _FIXED_RE.search(comment.body) if comment.mine else None
            if found:
                return found.group(1)
        return None


@dataclass(frozen=True)
class Event:
    """One piece of feedback on one rule in one repository; `key` makes it unique."""

    repo: str
    pr: int
    rule: str
    kind: Kind
    key: str
    actor: str = ""
    detail: str = ""


class FeedbackSink(Protocol):
    """Where events go and rule counts come from (the store beside the job ledger)."""

    def sync_pr(self, repo: str, pr: int, events: list[Event]) -> None: ...
    def add(self, events: list[Event]) -> None: ...
    def stats(self, repo: str | None = None) -> list[RuleStats]: ...


@dataclass
class ThreadsPage:
    threads: list[Thread]
    next_cursor: str | None


class GraphQLShapeError(ValueError):
    """GitHub's answer is not the shape the query asked for."""


def _dig(data: Any, *path: str) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _nodes(data: Any) -> list[dict[str, Any]]:
    nodes = _dig(data, "nodes")
    return [n for n in nodes if isinstance(n, dict)] if isinstance(nodes, list) else []


def _comment(node: Mapping[str, Any], ours: set[str]) -> Comment:
    raw_id = node.get("databaseId")
    author = str(_dig(node, "author", "login") or "")
    reactions = tuple(
        Reaction(str(r.get("content") or ""), str(_dig(r, "user", "login") or ""))
        for r in _nodes(node.get("reactions"))
    )
    return Comment(
        id=raw_id if isinstance(raw_id, int) and not isinstance(raw_id, bool) else None,
        body=str(node.get("body") or ""),
        mine=node.get("viewerDidAuthor") is True or _bare(author) in ours,
        author=author,
        reactions=reactions,
    )


def _bare(login: str) -> str:
    # REST names an App `slug[bot]`, GraphQL the bare `slug`.
    return login.removesuffix("[bot]")


def parse_threads_page(data: Any, authors: Iterable[str] = ()) -> ThreadsPage:
    """One page of the threads query's `data`; raises `GraphQLShapeError` when the PR
    or its threads are missing (a query GitHub did not answer as asked). A comment is
    Bastion's when GitHub says this token wrote it, or its author wrote Bastion's
    reviews (`authors`, from the REST reviews: a token changed since)."""
    ours = {_bare(a) for a in authors if a}
    connection = _dig(data, "repository", "pullRequest", "reviewThreads")
    if not isinstance(connection, dict):
        raise GraphQLShapeError("the answer has no repository.pullRequest.reviewThreads")
    threads = []
    for node in _nodes(connection):
        thread_id = node.get("id")
        if not isinstance(thread_id, str) or not thread_id:
            continue
        threads.append(
            Thread(
                id=thread_id,
                resolved=node.get("isResolved") is True,
                path=str(node.get("path") or ""),
                resolved_by=_dig(node, "resolvedBy", "login") or None,
                comments=tuple(_comment(c, ours) for c in _nodes(node.get("comments"))),
            )
        )
    info = connection.get("pageInfo") if isinstance(connection.get("pageInfo"), dict) else {}
    cursor = info.get("endCursor") if info and info.get("hasNextPage") is True else None
    return ThreadsPage(threads, cursor if isinstance(cursor, str) and cursor else None)


def split_repo(repo: str) -> tuple[str, str]:
    owner, _, name = repo.partition("/")
    return owner, name


# -- what people said -----------------------------------------------------------------


def thread_events(repo: str, pr: int, threads: Iterable[Thread]) -> list[Event]:
    """Feedback as the threads show it now: reactions on Bastion's first comment
    (👍 accepted, 👎 rejected; one per person and kind), human replies, and threads
    Bastion itself resolved as fixed (kept even if its store write was lost before)."""
    events: list[Event] = []
    for thread in threads:
        if not thread.ours:
            continue
        first, rule = thread.comments[0], thread.rule
        cid = first.id if first.id is not None else thread.id
        seen: set[tuple[str, str]] = set()
        for reaction in first.reactions:
            kind = _REACTION_KIND.get(reaction.content)
            if kind is None or not reaction.user or (kind, reaction.user) in seen:
                continue
            seen.add((kind, reaction.user))
            events.append(
                Event(repo, pr, rule, kind, f"{kind}:{cid}:{reaction.user}", reaction.user)
            )
        for reply in thread.human_replies:
            rid = reply.id if reply.id is not None else f"{cid}:{reply.author}"
            events.append(Event(repo, pr, rule, "replied", f"replied:{rid}", reply.author))
        sha = thread.fixed_reply
        if thread.resolved and sha is not None:
            events.append(Event(repo, pr, rule, "fixed", f"fixed:{thread.id}", "", sha))
    return events


def ignore_event(repo: str, pr: int, rule: str, comment_id: int, actor: str, reason: str) -> Event:
    return Event(
        repo, pr, current_rule(rule), "ignored", f"ignored:{comment_id}", actor, reason[:500]
    )


# -- threads that follow the code -------------------------------------------------------


def fixed_threads(
    threads: Iterable[Thread],
    present: set[str],
    reviewed_paths: set[str],
    pr_paths: set[str],
    agent_ran: bool = False,
) -> list[Thread]:
    """Bastion's open threads whose finding is gone at this head: not produced by this
    review although its file was reviewed whole (and, for an AI finding, the AI ran),
    or its file is no longer in the PR. Threads a person resolved are theirs: never
    touched (and never reopened)."""
    out = []
    for thread in threads:
        if not thread.ours or thread.resolved or thread.fingerprint in present:
            continue
        if thread.path in pr_paths:
            if thread.path not in reviewed_paths:
                continue
            if thread.rule.startswith(AGENT_RULE_PREFIX) and not agent_ran:
                continue
        out.append(thread)
    return out


def fixed_reply_body(sha: str, gone: bool) -> str:
    what = "the code it pointed at is gone" if gone else "the finding is no longer reported"
    return f"Resolved by {sha[:7]}: {what}.\n\n{FIXED_MARKER.format(sha=sha)}"


def resolve_mutation(
    threads: Sequence[Thread], sha: str, pr_paths: set[str]
) -> tuple[str, dict[str, Any]]:
    """One GraphQL document that replies to and resolves every fixed thread: one call
    however many threads. A thread that already carries Bastion's reply (a retry after
    a crash between the two) is only resolved."""
    fields: list[str] = []
    params: list[str] = []
    variables: dict[str, Any] = {}
    for index, thread in enumerate(threads):
        params.append(f"$t{index}: ID!")
        variables[f"t{index}"] = thread.id
        if thread.fixed_reply is None:
            params.append(f"$b{index}: String!")
            variables[f"b{index}"] = fixed_reply_body(sha, thread.path not in pr_paths)
            fields.append(
                f"r{index}: addPullRequestReviewThreadReply(input: "
                f"{{pullRequestReviewThreadId: $t{index}, body: $b{index}}}) {{ comment {{ id }} }}"
            )
        fields.append(
            f"s{index}: resolveReviewThread(input: {{threadId: $t{index}}}) "
            "{ thread { id isResolved } }"
        )
    document = f"mutation({', '.join(params)}) {{\n  " + "\n  ".join(fields) + "\n}"
    return document, variables


def resolved_ids(data: Any, threads: Sequence[Thread]) -> list[str]:
    """Threads the mutation's answer says are resolved now."""
    out = []
    for index, thread in enumerate(threads):
        if _dig(data, f"s{index}", "thread", "isResolved") is True:
            out.append(thread.id)
    return out


# -- counts, precision, muting ---------------------------------------------------------------


@dataclass
class RuleStats:
    repo: str
    rule: str
    counts: dict[str, int] = field(default_factory=dict)

    def n(self, kind: Kind) -> int:
        return self.counts.get(kind, 0)

    @property
    def rejections(self) -> int:
        return self.n("rejected") + self.n("ignored")

    @property
    def precision(self) -> float | None:
        """Share of judged findings that were right: (👍 + fixed) over (👍 + fixed + 👎 +
        ignored). None before anyone judged one."""
        good = self.n("accepted") + self.n("fixed")
        total = good + self.rejections
        return good / total if total else None


def under_current_ids(stats: Iterable[RuleStats]) -> list[RuleStats]:
    """Counts per repository and rule, those recorded under a rule's old ids added to
    its current id's, sorted."""
    out: dict[tuple[str, str], RuleStats] = {}
    for item in stats:
        rule = current_rule(item.rule)
        merged = out.setdefault((item.repo, rule), RuleStats(item.repo, rule))
        for kind, count in item.counts.items():
            merged.counts[kind] = merged.counts.get(kind, 0) + count
    return [out[k] for k in sorted(out)]


def muted_rules(stats: Iterable[RuleStats], mute_after: int) -> dict[str, int]:
    """Rules this repository rejected (👎 or `/bastion ignore`) at least `mute_after`
    times more than it accepted them (0: none), with that net count: each 👍 offsets
    one rejection, so a rule people came to value comes back. Counts under a rule's
    old ids are its own."""
    if mute_after <= 0:
        return {}
    out = {}
    for item in under_current_ids(stats):
        net = item.rejections - item.n("accepted")
        if net >= mute_after:
            out[item.rule] = net
    return out


def muted_note(rule: str, net: int, mute_after: int) -> str:
    """Why a rule is in the summary, and the one setting that brings it back: muted
    findings have no inline comment left to 👍, so only the config can undo it."""
    return (
        f"Rule `{rule}` is listed here instead of inline: this repository rejected it "
        f"(👎 or `/bastion ignore`) {net} time(s) more than it accepted it, and "
        f"`learn.mute_after` is {mute_after}. To bring it back inline, set `learn.mute_after` "
        f"above {net} (or to 0, which switches muting off) in `.github/bastion.yml` on the "
        "base branch."
    )
