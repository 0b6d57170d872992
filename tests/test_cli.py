"""`bastion review` as a user runs it: a real subprocess, exit codes and messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "pr-mixed.diff"
CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC")}


def bastion(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=CLEAN_ENV,
        timeout=120,
    )


def test_example_prints_findings_and_fails_on_high() -> None:
    done = bastion("review", str(EXAMPLE))
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert "db/migrations/0042_orders_customer_email.sql:4" in out
    assert "app/services/orders.py" in out
    assert "web/src/components/OrderList.tsx" not in out.split("skipped")[0]
    assert "Traceback" not in done.stderr


def test_json_output_and_fail_on_never() -> None:
    done = bastion("review", str(EXAMPLE), "--format", "json", "--fail-on", "never")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["schema_version"] == 1
    rules = {(f["path"], f["line"], f["rule"]) for f in data["findings"]}
    assert ("db/migrations/0042_orders_customer_email.sql", 4, "index-build-blocking") in rules
    skipped = {s["path"]: s["reason"] for s in data["skipped"]}
    assert "frontend" in skipped["web/src/components/OrderList.tsx"]
    assert skipped["README.md"] == "documentation"
    assert any("AI review did not run" in note for note in data["notes"])


def test_stdin_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    done = bastion(
        "review", "-", "--format", "sarif", "--output", str(out), stdin=EXAMPLE.read_bytes()
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert json.loads(out.read_text())["version"] == "2.1.0"


def test_category_filter() -> None:
    done = bastion("review", str(EXAMPLE), "--format", "json", "--category", "indexing")
    data = json.loads(done.stdout)
    assert data["findings"] and {f["category"] for f in data["findings"]} == {"indexing"}


def test_empty_diff_is_a_clear_message_and_exit_0(tmp_path: Path) -> None:
    empty = tmp_path / "empty.diff"
    empty.write_text("")
    done = bastion("review", str(empty))
    assert done.returncode == 0
    assert "the diff is empty" in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "does-not-exist.diff"], "cannot read does-not-exist.diff: no such file"),
        (["review"], "no diff given"),
        (["review", "examples", "--no-llm"], "it is a directory"),
        (["review", "EXAMPLE", "--category", "style"], "unknown category 'style'"),
        (["review", "EXAMPLE", "--config", "missing.yml"], "--config missing.yml: no such file"),
        (["review", "--git", "main"], "--git expects BASE..HEAD"),
    ],
)
def test_usage_errors_are_one_line_exit_2(args: list[str], message: str) -> None:
    args = [str(EXAMPLE) if a == "EXAMPLE" else a for a in args]
    done = bastion(*args)
    assert done.returncode == 2
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_malformed_diff_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.diff"
    bad.write_text("--- a/x.py\n+++ b/x.py\n@@ -1,3 +1,3 @@\n a\n")
    done = bastion("review", str(bad))
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "bastion: error: malformed diff: line 5: input ends inside a hunk (the diff is truncated)"
    )


def test_bad_config_names_key_and_file(tmp_path: Path) -> None:
    config = tmp_path / "bastion.yml"
    config.write_text("max_comments: many\n")
    done = bastion("review", str(EXAMPLE), "--config", str(config))
    assert done.returncode == 2
    assert f"{config}: key 'max_comments'" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_config_from_repo_is_used(tmp_path: Path) -> None:
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "bastion.yml").write_text("fail_on: never\n")
    done = bastion("review", str(EXAMPLE), cwd=tmp_path)
    assert done.returncode == 0


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, timeout=60)


def _repo_with_two_commits(tmp_path: Path) -> Path:
    """A repository whose HEAD adds a column that rewrites the table (a high finding)
    over HEAD~1."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "dev@example.com")
    _git(repo, "config", "user.name", "dev")
    (repo / "db").mkdir()
    (repo / "db" / "001_init.sql").write_text(
        "CREATE TABLE events (id bigint primary key, a text);\n"
    )
    # The team says `events` is large: a rewrite of it is a high comment, not a summary line.
    (repo / ".github").mkdir()
    (repo / ".github" / "bastion.yml").write_text("large_tables:\n  - events\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    # A volatile default: every row is rewritten under an exclusive lock.
    (repo / "db" / "002_index.sql").write_text(
        "ALTER TABLE events ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();\n"
    )
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "head")
    return repo


def test_git_range_reads_whole_files(tmp_path: Path) -> None:
    repo = _repo_with_two_commits(tmp_path)
    done = bastion(
        "review", "--git", "HEAD~1..HEAD", "--repo", str(repo), "--format", "json", "--no-llm"
    )
    assert done.returncode == 1, done.stderr
    findings = json.loads(done.stdout)["findings"]
    assert [(f["path"], f["line"]) for f in findings] == [("db/002_index.sql", 1)]


def test_git_range_in_a_directory_that_is_not_a_repo(tmp_path: Path) -> None:
    done = bastion("review", "--git", "main..HEAD", "--repo", str(tmp_path))
    assert done.returncode == 2
    assert "not a git repository" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_light_startup_imports_no_server_github_or_llm_library(tmp_path: Path) -> None:
    small = tmp_path / "small.diff"
    small.write_text(
        "--- a/app/x.py\n+++ b/app/x.py\n@@ -1,3 +1,4 @@\n import os\n"
        "+cursor.execute(f'SELECT * FROM t WHERE id = {os.environ[\"X\"]}')\n x = 1\n y = 2\n"
    )
    script = (
        "import sys\n"
        "from bot.cli import main\n"
        f"code = main(['review', {str(small)!r}, '--format', 'json'])\n"
        "names = ('fastapi', 'uvicorn', 'github', 'anthropic', 'huey', 'redis', 'starlette')\n"
        "heavy = [m for m in names if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=CLEAN_ENV,
        timeout=60,
    )
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr


def _one_line_exit_2(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.mark.parametrize("side", ["base", "head"])
def test_git_revisions_never_reach_git_as_options(tmp_path: Path, side: str) -> None:
    repo = _repo_with_two_commits(tmp_path)
    # `--output=X..HEAD` given to `git diff` as an option writes the diff to `X..HEAD`.
    victim = tmp_path / "victim..HEAD"
    victim.write_text("keep me\n")
    before = sorted(p.name for p in tmp_path.iterdir())
    base_side = f"--output={tmp_path / 'victim'}..HEAD"
    spec = base_side if side == "base" else f"HEAD~1..--output={tmp_path / 'victim'}"
    # `--git=VALUE` is how argparse lets a value start with '-'.
    line = _one_line_exit_2(bastion("review", f"--git={spec}", "--repo", str(repo)))
    assert "is not a revision (it starts with '-')" in line
    assert victim.read_text() == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_git_range_naming_no_commit(tmp_path: Path) -> None:
    repo = _repo_with_two_commits(tmp_path)
    line = _one_line_exit_2(bastion("review", "--git", "nope..HEAD", "--repo", str(repo)))
    assert line == f"bastion: error: --git: no commit 'nope' in {repo}"
    line = _one_line_exit_2(bastion("review", "--git", "HEAD~1..HEAD", "--repo", "no/such/dir"))
    assert "--repo no/such/dir: no such directory" in line


def test_git_config_comes_from_the_base_revision(tmp_path: Path) -> None:
    repo = _repo_with_two_commits(tmp_path)
    # Not committed at the base: the change under review cannot turn its review off.
    (repo / ".github" / "bastion.yml").write_text("fail_on: never\n")
    done = bastion("review", "--git", "HEAD~1..HEAD", "--repo", str(repo), "--no-llm")
    assert done.returncode == 1, done.stderr
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "config")
    done = bastion("review", "--git", "HEAD~2..HEAD~1", "--repo", str(repo), "--no-llm")
    assert done.returncode == 1, done.stderr  # the base of this range has no config
    _git(repo, "checkout", "-q", "-b", "feature")
    (repo / "db" / "003.sql").write_text("CREATE INDEX t_b_idx ON t (a);\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "more")
    done = bastion("review", "--git", "HEAD~1..HEAD", "--repo", str(repo), "--no-llm")
    assert done.returncode == 0, done.stderr  # the base has `fail_on: never`


def test_git_config_link_out_of_the_repo_is_not_followed(tmp_path: Path) -> None:
    repo = _repo_with_two_commits(tmp_path)
    outside = tmp_path / "outside.txt"
    outside.write_text("TOPSECRET_first_key: value\n")
    (repo / ".github" / "bastion.yml").unlink()
    (repo / ".github" / "bastion.yml").symlink_to(outside)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "link")
    (repo / "app.py").write_text("x = 1\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "change")
    done = bastion("review", "--git", "HEAD~1..HEAD", "--repo", str(repo), "--no-llm")
    line = _one_line_exit_2(done)
    assert "HEAD~1:.github/bastion.yml: a symbolic link" in line
    assert "TOPSECRET" not in done.stdout + done.stderr


def test_working_tree_config_link_out_of_the_directory_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("TOPSECRET_first_key: value\n")
    work = tmp_path / "work"
    (work / ".github").mkdir(parents=True)
    (work / ".github" / "bastion.yml").symlink_to(outside)
    done = bastion("review", str(EXAMPLE), cwd=work)
    line = _one_line_exit_2(done)
    assert "a link to a file outside this directory" in line
    assert "TOPSECRET" not in done.stdout + done.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "is a directory, not a config file"),
        (b"fail_on: \xff\xfe high\n", "not UTF-8 text (line 1)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b"# filler line\n" * 40_000, "too large"),
        (b"rules: {disable: [py-sql-injektion]}\n", "did you mean 'py-sql-injection'?"),
        (
            b"a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
            + b"".join(
                f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n".encode() for i in range(1, 9)
            )
            + b"categories: *a8\n",
            "aliases",
        ),
    ],
)
@pytest.mark.parametrize("where", ["--config", "repo"])
def test_bad_config_files_are_one_line_exit_2(
    tmp_path: Path, content: bytes | None, message: str, where: str
) -> None:
    config = tmp_path / ".github" / "bastion.yml"
    config.parent.mkdir()
    if content is None:
        config.mkdir()
    else:
        config.write_bytes(content)
    args = ["--config", str(config)] if where == "--config" else []
    line = _one_line_exit_2(bastion("review", str(EXAMPLE), "--no-llm", *args, cwd=tmp_path))
    assert message in line
    assert ".github/bastion.yml" in line


def test_cr_only_diff_is_refused(tmp_path: Path) -> None:
    cr_only = tmp_path / "cr.diff"
    cr_only.write_bytes(EXAMPLE.read_bytes().replace(b"\n", b"\r"))
    line = _one_line_exit_2(bastion("review", str(cr_only), "--no-llm"))
    assert line == (
        "bastion: error: malformed diff: line 1: "
        "lines are separated by CR characters alone; convert the line ends to LF"
    )


def test_config_from_a_pipe_and_repo_that_is_a_file(tmp_path: Path) -> None:
    done = bastion(
        "review", str(EXAMPLE), "--no-llm", "--config", "/dev/stdin", stdin=b"fail_on: never\n"
    )
    assert done.returncode == 0, done.stderr
    line = _one_line_exit_2(bastion("review", "--git", "a..b", "--repo", str(EXAMPLE)))
    assert line == f"bastion: error: --repo {EXAMPLE}: not a directory"


def test_a_line_that_exhausts_the_parser_costs_only_its_own_file(tmp_path: Path) -> None:
    """`x = ` and 3,900 `-` signs is valid Python (under the 4,000-character line cap
    that skips minified files) that makes `ast.parse` give up (RecursionError here;
    MemoryError with 7,000 signs). The failure is one note naming the check and the
    file; the other files' findings still print, the exit code follows them, no
    traceback."""
    deep = "x = " + "-" * 3900 + "1"
    diff = tmp_path / "deep.diff"
    diff.write_text(
        "--- /dev/null\n+++ b/app/deep.py\n@@ -0,0 +1,3 @@\n+import os\n"
        f"+{deep}\n"
        "+cur.execute(\"SELECT id FROM t WHERE n = '\" + os.environ['N'] + \"'\")\n"
        "--- /dev/null\n+++ b/app/orders.py\n@@ -0,0 +1,2 @@\n+def find(cur, request):\n"
        '+    cur.execute("SELECT id FROM orders WHERE name = \'" + request.GET["n"] + "\'")\n'
        "--- /dev/null\n+++ b/db/migrations/0001_idx.sql\n@@ -0,0 +1 @@\n"
        "+ALTER TABLE orders ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();\n"
    )
    config = tmp_path / "bastion.yml"
    config.write_text("large_tables:\n  - orders\n")
    done = bastion("review", str(diff), "--no-llm", "--config", str(config))
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1, done.stdout + done.stderr
    assert "db/migrations/0001_idx.sql:1 high migration-column-rewrite" in done.stdout
    assert "app/orders.py:2 high sql-injection" in done.stdout
    [note] = [line for line in done.stdout.splitlines() if "failed" in line]
    assert "python-ruff on app/deep.py" in note, note

    quiet = bastion(
        "review", str(diff), "--no-llm", "--config", str(config), "--category", "api-design"
    )
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    assert "python-ruff on app/deep.py" in quiet.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--file-budget", "0"], "argument --file-budget: must be above 0"),
        (["--review-budget", "soon"], "argument --review-budget: must be a number of seconds"),
    ],
)
def test_budget_flags_are_validated(args: list[str], message: str) -> None:
    done = bastion("review", str(EXAMPLE), *args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_budget_from_the_environment_is_validated() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "review", str(EXAMPLE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**CLEAN_ENV, "BASTION_REVIEW_BUDGET_S": "-5"},
        timeout=120,
    )
    assert done.returncode == 2
    assert "BASTION_REVIEW_BUDGET_S: must be above 0" in done.stderr
    assert "Traceback" not in done.stderr


TEAM_RULE = """\
id: no-legacy-billing-client
category: security
severity: high
title: The legacy billing client skips request signing
rationale: The billing service now rejects unsigned charges.
fix: Use billing.Client.
check:
  kind: ast-grep
ast-grep:
  python:
    rule:
      pattern: LegacyBillingClient($$$ARGS)
"""


def test_git_team_rules_come_from_the_base_revision(tmp_path: Path) -> None:
    repo = _repo_with_two_commits(tmp_path)
    rules = repo / ".github" / "bastion" / "rules"
    rules.mkdir(parents=True)
    (rules / "no-legacy-billing-client.yml").write_text(TEAM_RULE)
    (rules / "bad.yml").write_text(TEAM_RULE.replace("no-legacy-billing-client", "bad") + "x: 1\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "team rules")
    (repo / "app").mkdir()
    (repo / "app" / "pay.py").write_text("client = LegacyBillingClient(key)\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "code")
    args = ["review", "--git", "HEAD~1..HEAD", "--repo", str(repo), "--no-llm"]

    done = bastion(*args, "--format", "sarif")

    sarif = json.loads(done.stdout)["runs"][0]
    assert [r["ruleId"] for r in sarif["results"]] == ["no-legacy-billing-client"]
    described = {r["id"] for r in sarif["tool"]["driver"]["rules"]}
    assert "no-legacy-billing-client" in described
    assert done.stderr.strip().splitlines() == [
        "bastion: .github/bastion/rules/bad.yml: unknown key 'x'"
    ]
    # Committed only on the reviewed side: not used.
    done = bastion(
        "review", "--git", "HEAD~3..HEAD", "--repo", str(repo), "--no-llm", "--format", "json"
    )
    rules_hit = {f["rule"] for f in json.loads(done.stdout)["findings"]}
    assert "no-legacy-billing-client" not in rules_hit and rules_hit, done.stderr
    assert done.stderr == ""


def test_git_review_reads_release_tags_to_tell_an_empty_table(tmp_path: Path) -> None:
    """A table whose creating migration no release contains is empty where releases run:
    a required column added to it (which fails on a table with rows) goes to the summary;
    once that migration is tagged, it is a comment."""
    repo = tmp_path / "repo"
    (repo / "db" / "migrations").mkdir(parents=True)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "dev@example.com")
    _git(repo, "config", "user.name", "dev")

    def commit(name: str, sql: str) -> None:
        (repo / "db" / "migrations" / name).write_text(sql)
        _git(repo, "add", ".")
        _git(repo, "commit", "-qm", name)

    commit("001_accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n")
    _git(repo, "tag", "v1.0.0")
    commit(
        "002_replays.sql",
        "CREATE TABLE session_replay (id uuid PRIMARY KEY, visit_id uuid, chunk int);\n",
    )
    commit(
        "003_replay_token.sql",
        "ALTER TABLE session_replay ADD COLUMN token uuid NOT NULL;\n",
    )

    def index_severity() -> str:
        done = bastion(
            "review",
            "--git",
            "HEAD~1..HEAD",
            "--repo",
            str(repo),
            "--format",
            "json",
            "--no-llm",
            "--fail-on",
            "never",
        )
        assert done.returncode == 0, done.stderr
        found = [
            f for f in json.loads(done.stdout)["findings"] if f["rule"] == "pg-add-required-column"
        ]
        assert len(found) == 1
        return str(found[0]["severity"])

    assert index_severity() == "info"
    _git(repo, "tag", "v1.1.0", "HEAD~1")
    assert index_severity() == "medium"
