"""The feedback loop across rule renames: feedback recorded while a rule had its old id
(a 👎, a `/bastion ignore`, a comment already posted) still counts for the rule under
its current id, and counts under both ids add up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.anchor import with_fingerprints
from bot.consolidate import already_posted
from bot.diff import added_file
from bot.feedback import (
    Comment,
    Event,
    Reaction,
    RuleStats,
    Thread,
    muted_rules,
    rule_marker,
    thread_events,
)
from bot.github.commands import Command, ignore_reply, ignored_in
from bot.github.feedback_commands import IgnoreTarget, ignore_target, known_rules
from bot.github.flow import without_ignored
from bot.models import ReviewResult
from bot.pipeline import review_files
from bot.server.feedback_store import SqliteFeedback

REPO = "acme/shop"
# (old id kept as an alias, the id the rule reports under now)
RENAMES = [
    ("fk-without-index", "foreign-key-not-indexed"),
    ("filter-on-unindexed-column", "query-on-unindexed-column"),
    ("graphql-breaking-change", "api-breaking-change"),
    ("openapi-deprecation", "api-deprecation"),
    ("openapi-path-casing", "inconsistent-route-naming"),
]
IDS = [old for old, _ in RENAMES]

# A Rails migration whose foreign key has no index: `foreign-key-not-indexed` today,
# `fk-without-index` in comments and feedback recorded before the rename.
_MIGRATION_PATH = "db/migrate/20261201120000_create_refunds.rb"
_MIGRATION = """class CreateRefunds < ActiveRecord::Migration[7.1]
  def change
    create_table :refunds do |t|
      t.bigint :order_id, null: false
      t.integer :amount_cents, null: false
      t.timestamps
    end
    add_foreign_key :refunds, :orders
  end
end
"""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteFeedback]:
    feedback = SqliteFeedback(tmp_path / "ledger.db")
    yield feedback
    feedback.close()


@pytest.mark.parametrize(("old", "new"), RENAMES, ids=IDS)
def test_rejections_under_the_old_id_mute_the_rule_under_its_new_id(old: str, new: str) -> None:
    stats = [RuleStats(REPO, old, {"rejected": 2})]
    assert muted_rules(stats, 2) == {new: 2}


@pytest.mark.parametrize(("old", "new"), RENAMES, ids=IDS)
def test_counts_under_the_old_and_the_new_id_add_up(old: str, new: str) -> None:
    stats = [
        RuleStats(REPO, old, {"rejected": 2, "accepted": 1}),
        RuleStats(REPO, new, {"ignored": 1}),
    ]
    # 3 rejections - 1 acceptance: muted at 2, though neither id alone reaches it.
    assert muted_rules(stats, 2) == {new: 2}


def test_the_store_sums_events_of_both_ids_under_the_new_one(store: SqliteFeedback) -> None:
    store.add(
        [
            Event(REPO, 7, "fk-without-index", "rejected", "rejected:1:alice", "alice"),
            Event(REPO, 7, "fk-without-index", "ignored", "ignored:2", "bob"),
            Event(REPO, 8, "foreign-key-not-indexed", "rejected", "rejected:3:carol", "carol"),
            Event(REPO, 8, "foreign-key-not-indexed", "accepted", "accepted:3:dave", "dave"),
        ]
    )
    (stats,) = store.stats(REPO)
    assert stats.rule == "foreign-key-not-indexed"
    assert (stats.n("rejected"), stats.n("ignored"), stats.n("accepted")) == (2, 1, 1)
    assert stats.rejections == 3


def test_reactions_on_a_comment_posted_under_the_old_id_count_for_the_new_one() -> None:
    body = (
        "**Foreign key without an index** · `fk-without-index`\n\n...\n\n"
        f"<!-- bastion:fp=0123456789abcdef0123 -->{rule_marker('fk-without-index')}"
    )
    first = Comment(1, body, True, "bastion[bot]", (Reaction("THUMBS_DOWN", "alice"),))
    reply = Comment(2, "the table has ten rows", False, "bob")
    thread = Thread("T1", False, _MIGRATION_PATH, None, (first, reply))
    events = thread_events(REPO, 7, [thread])
    assert {(e.rule, e.kind) for e in events} == {
        ("foreign-key-not-indexed", "rejected"),
        ("foreign-key-not-indexed", "replied"),
    }


@pytest.mark.parametrize(("old", "new"), RENAMES, ids=IDS)
def test_ignore_with_an_old_id_is_understood_and_recorded_under_the_new_id(
    old: str, new: str
) -> None:
    command = Command("ignore", rule=old, reason="tiny lookup table")
    assert ignore_target(command, known_rules(), None) == IgnoreTarget(new, "tiny lookup table")
    # In the thread of a comment posted under the old id, with no id given.
    bare = Command("ignore", rule="", reason="")
    assert ignore_target(bare, known_rules(), old) == IgnoreTarget(new, "")


def test_an_ignore_recorded_under_the_old_id_still_holds_back_the_finding() -> None:
    (file,) = [added_file(_MIGRATION_PATH, _MIGRATION)]
    result = review_files([file])
    assert "foreign-key-not-indexed" in {f.rule for f in result.findings}
    # The marker Bastion wrote when `/bastion ignore fk-without-index` was answered
    # before the rename.
    marker = ignore_reply(99, "alice", "fk-without-index", "")
    ignored = ignored_in([marker])
    kept, held = without_ignored(ReviewResult(findings=result.findings), ignored)
    assert "foreign-key-not-indexed" not in {f.rule for f in kept.findings}
    assert held


def test_a_comment_posted_under_the_old_id_before_problem_keys_is_not_posted_again() -> None:
    file = added_file(_MIGRATION_PATH, _MIGRATION)
    findings = [f for f in review_files([file]).findings if f.rule == "foreign-key-not-indexed"]
    assert findings
    for finding in findings:
        # The fingerprint an older Bastion gave the same report under the old id.
        before = finding.model_copy(
            update={"rule": "fk-without-index", "reported_as": "", "legacy_fingerprints": []}
        )
        (posted,) = with_fingerprints([before], {file.path: file})
        assert already_posted(finding, {posted.fingerprint})
