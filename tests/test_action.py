"""`bastion action` as a workflow runs it: a subprocess with the Actions environment,
real webhook payloads in `GITHUB_EVENT_PATH`, PyGithub against the GitHub fake."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from github_fake import (  # noqa: F401  (fixtures)
    DEFAULT_TOKEN,
    FakeGitHub,
    github_fake_fixture,
    install_pr,
)

from bot.action import (
    annotation_line,
    escape_data,
    escape_property,
    fork_reason,
    output_block,
    read_inputs,
)
from bot.models import Category, Finding, Severity

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
PAYLOADS = FIXTURES / "action"
REPO = "Codertocat/Hello-World"
NUMBER = 2
HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821"
INDEX_FILE = "db/migrations/0002_orders_customer.sql"
BASE_FILES = {
    "db/migrations/0001_orders.sql": (
        "CREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  customer_id bigint NOT NULL\n);\n"
    ),
    # A plain index build is a comment only on a table the team lists as large.
    ".github/bastion.yml": "large_tables: [orders]\n",
}
HEAD_FILES = {
    **BASE_FILES,
    INDEX_FILE: "CREATE INDEX orders_customer_idx ON orders (customer_id);\n",
}
ANNOTATION = re.compile(r"^::(error|warning|notice) (file=[^:]*)::(.*)$", re.M)


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    summary: str
    outputs: dict[str, str]
    sarif: Path


def payload(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAYLOADS / name).read_text(encoding="utf-8"))
    return data


def pr_comment(body: str, author: str = "Codertocat") -> dict[str, Any]:
    """The octokit example comment, moved onto PR #2 (its examples are all on issues)."""
    data = payload("issue_comment.created.payload.json")
    data["issue"]["number"] = NUMBER
    api = f"https://api.github.com/repos/{REPO}/pulls/{NUMBER}"
    data["issue"]["pull_request"] = {
        "url": api,
        "html_url": f"https://github.com/{REPO}/pull/{NUMBER}",
        "diff_url": f"https://github.com/{REPO}/pull/{NUMBER}.diff",
        "patch_url": f"https://github.com/{REPO}/pull/{NUMBER}.patch",
        "merged_at": None,
    }
    data["comment"]["body"] = body
    data["comment"]["user"]["login"] = author
    return data


def parse_outputs(text: str) -> dict[str, str]:
    """`GITHUB_OUTPUT` as the runner reads it: `name=value` or heredoc blocks."""
    out: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if "<<" in line:
            name, delimiter = line.split("<<", 1)
            value: list[str] = []
            while lines[index] != delimiter:
                value.append(lines[index])
                index += 1
            index += 1
            out[name] = "\n".join(value)
        elif "=" in line:
            name, value_text = line.split("=", 1)
            out[name] = value_text
    return out


def run_action(
    fake: FakeGitHub,
    tmp_path: Path,
    event: str,
    event_payload: dict[str, Any],
    **inputs: str,
) -> Run:
    event_file = tmp_path / "event.json"
    event_file.write_text(json.dumps(event_payload), encoding="utf-8")
    summary, outputs, sarif = tmp_path / "summary.md", tmp_path / "output.txt", tmp_path / "b.sarif"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GITHUB_", "ANTHROPIC_", "BASTION_", "RUNNER_"))
    }
    env.update(
        {
            "GITHUB_ACTIONS": "true",
            "GITHUB_EVENT_NAME": event,
            "GITHUB_EVENT_PATH": str(event_file),
            "GITHUB_REPOSITORY": REPO,
            "GITHUB_API_URL": fake.url,
            "GITHUB_TOKEN": DEFAULT_TOKEN,
            "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_OUTPUT": str(outputs),
            "BASTION_SARIF_FILE": str(sarif),
            # As action.yml passes inputs left empty: present, but blank.
            "ANTHROPIC_API_KEY": "",
            "BASTION_MODEL": "",
            "BASTION_FAIL_ON": "",
            "BASTION_CATEGORIES": "",
            "BASTION_CONFIG": "",
        }
    )
    env.update(inputs)
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "action"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    return Run(
        done.returncode,
        done.stdout,
        done.stderr,
        summary.read_text(encoding="utf-8") if summary.exists() else "",
        parse_outputs(outputs.read_text(encoding="utf-8")) if outputs.exists() else {},
        sarif,
    )


@pytest.fixture
def fake(github_fake: FakeGitHub) -> FakeGitHub:
    install_pr(github_fake, REPO, NUMBER, BASE_FILES, HEAD_FILES, HEAD)
    return github_fake


def writes(fake: FakeGitHub) -> list[Any]:
    """POST and PATCH calls that change something: a GraphQL query (it reads the
    schema files in one batch) is a POST that writes nothing."""
    return [
        c
        for c in fake.calls("POST") + fake.calls("PATCH")
        if not (c.path.endswith("/graphql") and "mutation" not in str(c.json))
    ]


def annotations(stdout: str) -> list[tuple[str, str, str]]:
    return ANNOTATION.findall(stdout)


def assert_sarif(path: Path, rule: str, file: str) -> None:
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == [rule]
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == file
    assert location["region"]["startLine"] == 1


# -- pull_request ------------------------------------------------------------------------


def test_pull_request_posts_review_check_run_summary_sarif_and_fails(fake, tmp_path) -> None:
    run = run_action(fake, tmp_path, "pull_request", payload("pull_request.opened.payload.json"))

    assert run.code == 1, run.stderr
    [review] = fake.successful_reviews(REPO, NUMBER)
    assert review["commit_id"] == HEAD
    assert f"<!-- bastion:review head={HEAD} run=action -->" in review["body"]
    [comment] = fake.review_comments[(REPO, NUMBER)]
    assert (comment["path"], comment["line"], comment["side"]) == (INDEX_FILE, 1, "RIGHT")
    assert "index-build-blocking" in comment["body"]
    [check] = fake.check_runs.values()
    assert check["name"] == "bastion"
    assert check["conclusion"] == "failure"
    assert [a["path"] for a in check["annotations"]] == [INDEX_FILE]
    # The check run already puts the finding on the diff: no duplicate workflow annotations.
    assert annotations(run.stdout) == []
    assert "Posted a review on #2" in run.summary
    assert "index-build-blocking" in run.summary
    assert "the step fails" in run.summary
    assert run.outputs == {"findings": "1", "high": "1", "sarif-file": str(run.sarif)}
    assert_sarif(run.sarif, "index-build-blocking", INDEX_FILE)


def test_rerun_posts_nothing_new_and_still_reports(fake, tmp_path) -> None:
    event = payload("pull_request.opened.payload.json")
    first = run_action(fake, tmp_path, "pull_request", event)
    second = run_action(fake, tmp_path, "pull_request", event)

    assert (first.code, second.code) == (1, 1)
    assert len(fake.successful_reviews(REPO, NUMBER)) == 1
    assert "Already reviewed at ec26c3e" in second.summary
    assert second.outputs["findings"] == "1"


def test_fail_on_never_and_a_category_filter(fake, tmp_path) -> None:
    event = payload("pull_request.opened.payload.json")
    run = run_action(fake, tmp_path, "pull_request", event, BASTION_FAIL_ON="never")
    assert run.code == 0, run.stderr
    [check] = fake.check_runs.values()
    assert check["conclusion"] == "success"

    only_security = run_action(
        fake, tmp_path, "pull_request", event, BASTION_CATEGORIES="security, api-design"
    )
    assert only_security.code == 0
    assert only_security.outputs["findings"] == "0"


def test_closed_pull_request_is_skipped_with_outputs_set(fake, tmp_path) -> None:
    event = payload("pull_request.opened.payload.json")
    event["action"] = "closed"
    run = run_action(fake, tmp_path, "pull_request", event)

    assert run.code == 0
    assert "pull_request closed is not reviewed" in run.summary
    assert run.outputs["findings"] == "0"
    assert json.loads(run.sarif.read_text())["runs"][0]["results"] == []
    assert fake.calls("POST") == []


# -- read-only tokens ---------------------------------------------------------------------


def test_fork_pull_request_reports_through_annotations_without_posting(fake, tmp_path) -> None:
    event = payload("pull_request.opened.payload.json")
    event["pull_request"]["head"]["repo"]["full_name"] = "someone-else/Hello-World"

    run = run_action(fake, tmp_path, "pull_request", event, BASTION_FAIL_ON="never")

    assert run.code == 0, run.stderr
    assert writes(fake) == []
    [(level, props, message)] = annotations(run.stdout)
    assert level == "error"
    assert props.startswith(f"file={INDEX_FILE},line=1,endLine=1,title=")
    assert "index-build-blocking" in props
    assert "%0A" in message or "\n" not in message
    assert "read-only" in run.summary and "someone-else/Hello-World" in run.summary
    assert "index-build-blocking" in run.summary
    assert run.outputs["high"] == "1"
    assert_sarif(run.sarif, "index-build-blocking", INDEX_FILE)


def test_fork_pull_request_still_fails_on_findings(fake, tmp_path) -> None:
    event = payload("pull_request.opened.payload.json")
    event["pull_request"]["head"]["repo"]["full_name"] = "someone-else/Hello-World"
    run = run_action(fake, tmp_path, "pull_request", event)
    assert run.code == 1
    assert writes(fake) == []


def test_403_on_posting_falls_back_to_annotations(fake, tmp_path) -> None:
    fake.script("POST", rf"/pulls/{NUMBER}/reviews$", 403, {"message": "Resource not accessible"})
    fake.check_runs_forbidden = True

    run = run_action(
        fake, tmp_path, "pull_request", payload("pull_request.opened.payload.json"),
        BASTION_FAIL_ON="never",
    )  # fmt: skip

    assert run.code == 0, run.stderr
    assert fake.successful_reviews(REPO, NUMBER) == []
    assert [c.status for c in fake.calls("POST", r"/reviews$")] == [403]
    assert [level for level, _, _ in annotations(run.stdout)] == ["error"]
    assert "GitHub answered 403 to posting the review" in run.summary
    assert run.outputs["findings"] == "1"


# -- issue_comment ---------------------------------------------------------------------------


def test_review_command_from_a_writer_reviews_with_its_categories(fake, tmp_path) -> None:
    fake.repos[REPO].permissions["Codertocat"] = "write"
    event = pr_comment("/review indexing")

    run = run_action(fake, tmp_path, "issue_comment", event)

    assert run.code == 1, run.stderr
    assert [r["content"] for r in fake.reactions] == ["eyes"]
    assert fake.reactions[0]["comment_id"] == event["comment"]["id"]
    [review] = fake.successful_reviews(REPO, NUMBER)
    assert f"run=comment-{event['comment']['id']}" in review["body"]
    assert run.outputs["high"] == "1"


def test_review_command_for_another_category_finds_nothing(fake, tmp_path) -> None:
    fake.repos[REPO].permissions["Codertocat"] = "admin"
    run = run_action(fake, tmp_path, "issue_comment", pr_comment("/review security"))
    assert run.code == 0
    assert run.outputs["findings"] == "0"
    assert len(fake.successful_reviews(REPO, NUMBER)) == 1


def test_review_command_from_a_reader_is_ignored(fake, tmp_path) -> None:
    fake.repos[REPO].permissions["Codertocat"] = "read"

    run = run_action(fake, tmp_path, "issue_comment", pr_comment("/review"))

    assert run.code == 0
    assert fake.reactions == []
    assert fake.successful_reviews(REPO, NUMBER) == []
    assert "Codertocat has read permission; write is needed" in run.summary
    assert run.outputs["findings"] == "0"


def test_comment_without_command_or_on_an_issue_does_nothing(fake, tmp_path) -> None:
    plain = run_action(
        fake, tmp_path, "issue_comment", payload("issue_comment.created.payload.json")
    )
    assert plain.code == 0
    assert "not a pull request" in plain.summary
    chatter = run_action(fake, tmp_path, "issue_comment", pr_comment("Looks good to me"))
    assert chatter.code == 0
    assert fake.calls("POST") == []


def test_help_command_is_answered_like_the_app(fake, tmp_path) -> None:
    fake.repos[REPO].permissions["Codertocat"] = "write"
    run = run_action(fake, tmp_path, "issue_comment", pr_comment("/bastion help"))
    assert run.code == 0, run.stderr
    [reply] = fake.issue_comments[(REPO, NUMBER)]
    assert "/review" in reply["body"]


# -- workflow_dispatch and usage -------------------------------------------------------------


def test_workflow_dispatch_reviews_the_pr_input(fake, tmp_path) -> None:
    run = run_action(fake, tmp_path, "workflow_dispatch", payload("workflow_dispatch.payload.json"))
    assert run.code == 1, run.stderr
    assert len(fake.successful_reviews(REPO, NUMBER)) == 1


@pytest.mark.parametrize(
    ("event", "change", "extra", "message"),
    [
        ("workflow_dispatch", {"inputs": {"pr": "abc"}}, {}, "must be a pull request number"),
        # Digits `int` refuses (superscript, past 4,300 of them) or no PR number has.
        ("workflow_dispatch", {"inputs": {"pr": "²"}}, {}, "must be a pull request number"),
        ("workflow_dispatch", {"inputs": {"pr": "9" * 5_000}}, {}, "got '99999"),
        ("workflow_dispatch", {"inputs": {"pr": str(2**31)}}, {}, "must be a pull request number"),
        (
            "issue_comment",
            {"comment": {"id": "7", "body": "/review", "user": {"login": "a", "type": "User"}}},
            {},
            "comment.id must be a comment id",
        ),
        ("workflow_dispatch", {}, {"BASTION_FAIL_ON": "critical"}, "fail-on 'critical'"),
        ("workflow_dispatch", {}, {"BASTION_CATEGORIES": "style"}, "unknown 'style'"),
        ("workflow_dispatch", {}, {"GITHUB_TOKEN": ""}, "GITHUB_TOKEN is not set"),
    ],
)
def test_usage_errors_exit_2_with_one_line(fake, tmp_path, event, change, extra, message) -> None:
    base = (
        pr_comment("/review")
        if event == "issue_comment"
        else payload("workflow_dispatch.payload.json")
    )
    event_payload = {**base, **change}
    run = run_action(fake, tmp_path, event, event_payload, **extra)
    assert run.code == 2
    [line] = run.stderr.strip().splitlines()
    assert line.startswith("bastion: error: ") and message in line
    assert "Traceback" not in run.stderr


def test_unreadable_event_file_exits_2(fake, tmp_path) -> None:
    run = run_action(
        fake, tmp_path, "pull_request", {}, GITHUB_EVENT_PATH=str(tmp_path / "missing.json")
    )
    assert run.code == 2
    assert "cannot read the event file" in run.stderr


def test_missing_pull_request_exits_2_naming_it(fake, tmp_path) -> None:
    event = {**payload("workflow_dispatch.payload.json"), "inputs": {"pr": "99"}}
    run = run_action(fake, tmp_path, "workflow_dispatch", event)
    assert run.code == 2
    assert "404" in run.stderr and f"{REPO}#99" in run.stderr


# -- pure pieces ------------------------------------------------------------------------------


def finding(severity: Severity, **changes: Any) -> Finding:
    base: dict[str, Any] = {
        "path": "app/a,b:c.py",
        "line": 3,
        "end_line": 5,
        "category": Category.SECURITY,
        "severity": severity,
        "rule": "some-rule",
        "title": "Title: with, punctuation",
        "body": "100% bad\r\nsecond line",
        "fingerprint": "abc123",
    }
    base.update(changes)
    return Finding(**base)


def test_annotation_escapes_properties_and_message() -> None:
    line = annotation_line(finding(Severity.HIGH))
    assert line == (
        "::error file=app/a%2Cb%3Ac.py,line=3,endLine=5,"
        "title=Title%3A with%2C punctuation (some-rule)::100%25 bad%0D%0Asecond line"
    )


@pytest.mark.parametrize(
    ("severity", "command"),
    [
        (Severity.HIGH, "error"),
        (Severity.MEDIUM, "warning"),
        (Severity.LOW, "notice"),
        (Severity.INFO, "notice"),
    ],
)
def test_annotation_level_per_severity(severity: Severity, command: str) -> None:
    assert annotation_line(finding(severity)).startswith(f"::{command} ")


def test_escapes() -> None:
    assert escape_data("a%b\nc:d,e") == "a%25b%0Ac:d,e"
    assert escape_property("a%b\nc:d,e") == "a%25b%0Ac%3Ad%2Ce"


def test_output_block_survives_values_holding_the_delimiter() -> None:
    value = "line one\nEOF\nline three"
    block = output_block("text", value, delimiter="EOF")
    assert parse_outputs(block) == {"text": value}


def test_fork_reason_only_for_pull_request_from_elsewhere() -> None:
    event = payload("pull_request.opened.payload.json")
    assert fork_reason("pull_request", event) is None
    forked = copy.deepcopy(event)
    forked["pull_request"]["head"]["repo"]["full_name"] = "x/y"
    assert fork_reason("pull_request", forked) == "pull request from the fork x/y"
    assert fork_reason("pull_request_target", forked) is None
    forked["pull_request"]["head"]["repo"] = None
    assert fork_reason("pull_request", forked) == "pull request from a deleted fork"


def test_inputs_blank_means_defaults() -> None:
    inputs = read_inputs({"BASTION_FAIL_ON": " ", "BASTION_CATEGORIES": "", "BASTION_CONFIG": ""})
    assert inputs.fail_on is None
    assert inputs.categories == ()
    assert inputs.config_path == ".github/bastion.yml"
    assert inputs.sarif_file is None
