"""One problem, one comment: inline comments per 1,000 added lines on real commits,
before and after consolidation, per rule, and proof that no report is lost.

Each (repository, commit) pair below is reviewed as the pull request `commit^..commit`
with `bastion review --git … --no-llm --format json`, once by a "before" checkout of
Bastion and once by an "after" checkout (default: this one). The commits were picked
by a fixed rule, never by what Bastion finds in them, from non-merge commits on the
first-parent history, counting lines added to backend source files (.py .js .ts .go
.rb .sql) outside tests and docs: per repository the newest commits adding 30 to 1,500
such lines, and per application repository the three largest commits adding 150 to
3,000 among its newest 300.

    git worktree add --detach ../bastion-before <commit before consolidation>
    .venv/bin/python bench/consolidation_bench.py --before ../bastion-before

The repositories are cloned bare, once, into `bench/out/repos/` (or found under
`--mirrors DIR` as `owner+name/repo`, `owner+name` or `owner/name`); their code is
read by git and never written into this repository.

Counted: reports per rule (a finding and each of its `also` parts: what the rules
said), and findings with inline placement (`"inline": true` in the JSON), i.e. review
comments on diff lines, per rule, per 1,000 added lines in reviewed backend files
(`stats.lines_reviewed`). Lost reports: every (rule id, title) the before run reports
for a commit must be in the after run for the same commit, as a finding or in one of
its `also` parts. When the two checkouts differ by more than consolidation (rules
added or changed between them), a missing pair can also mean a changed rule; compare
the consolidation merge with its first parent to see consolidation alone.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

# (owner/name, commit): reviewed as the pull request commit^..commit.
PAIRS: tuple[tuple[str, str], ...] = (
    # Recent: per repository, the newest commits adding 30-1,500 backend lines.
    ("encode/django-rest-framework", "cf923511e7bbd1d05b6919af9af4e5edd81f5b71"),
    ("encode/django-rest-framework", "c8b6d3dcdf0a9fe04eb914e29e18efa42fe59a6c"),
    ("encode/django-rest-framework", "17e95604f5056c4f5ceb40ca30cd349acd74c101"),
    ("encode/django-rest-framework", "b99df0cf780adc3d65362a4425f9bb6d85410bcb"),
    ("encode/django-rest-framework", "a16dbfd11018fa01ceaf6dee7df34ab0430282cf"),
    ("pallets/flask", "9b44bf2818d8e3cde422ad7f43fb33dfc6737289"),
    ("pallets/flask", "7a444c5dab97d640282ec8fc4838bef2c128273f"),
    ("pallets/flask", "2433522d2967b8a5e46f16de587a8fac5088a47c"),
    ("fastapi/full-stack-fastapi-template", "6dbb2e82569437955fe40a8c75f8f669b0e326a2"),
    ("fastapi/full-stack-fastapi-template", "512e496e1f43f4628e92a43ad9ca0d351dbd7773"),
    ("fastapi/full-stack-fastapi-template", "37287deafe27e6c09826247835cd0180581cdee5"),
    ("fastapi/full-stack-fastapi-template", "3c1f7c4cdb67dff619898d66236cf6e09cb7c3e2"),
    ("expressjs/express", "509ebb1aff11749a9608f2a1ed2117766800d883"),
    ("expressjs/express", "661435256384165bb656cb7b6046b4138ca24c9e"),
    ("expressjs/express", "2a0c35a10862c00b7d95ff1a088956ac8de2dac6"),
    ("gin-gonic/gin", "052d1a79aafe3f04078a2716f8e77d4340308383"),
    ("gin-gonic/gin", "472d086af2acd924cb4b9d7be0525f7d790f69bc"),
    ("gin-gonic/gin", "d7776de7d444935ea4385999711bd6331a98fecb"),
    ("healthchecks/healthchecks", "17b60843d30cb4b1a9f84fad608fb416c97d31fd"),
    ("healthchecks/healthchecks", "9feb9254dbedcba6ba6cbb5e88b274507465e046"),
    ("healthchecks/healthchecks", "8476835755e1151ce4a00ffb2a3c708c3bc318f9"),
    ("healthchecks/healthchecks", "3cb1262745a11d202133b851c9f4ecb7ac7b5a92"),
    ("healthchecks/healthchecks", "b83e3791d6e2c276a13c0b40c2e435c6ec01125c"),
    ("rubygems/rubygems.org", "cf2b7c3e202173bb15c67fd84b25bf70c46c27eb"),
    ("rubygems/rubygems.org", "3201f8831866f82eb9acd7f66287a978d0e59079"),
    ("rubygems/rubygems.org", "5eaddc9a98f2f70fbb79b9fd1a718ddcf782e076"),
    ("rubygems/rubygems.org", "70f3b4e594e2b062775eae2d3c6469a50cc6bf77"),
    ("rubygems/rubygems.org", "8868bfbe4685dc0f1a4639ef0658baa5c37f50ff"),
    ("gothinkster/rails-realworld-example-app", "7a2cb1eff50697fee2db304967f3904815a2676f"),
    ("gothinkster/golang-gin-realworld-example-app", "e2598feb1321a8623d9f6c3f4d2b3ce81324fe1e"),
    ("gothinkster/node-express-realworld-example-app", "a74fd52adcac090f74a8147c433226ad3c9ba1ac"),
    ("gothinkster/node-express-realworld-example-app", "6ed76fb66fcccb4a0fafdef2a5413374e2f9cb49"),
    # Large: per application repository, the three largest commits adding 150-3,000
    # backend lines among its newest 300 (feature-sized pull requests).
    ("wger-project/wger", "9a682b8881b614bc449f5d98ee742e65e74e587d"),
    ("wger-project/wger", "80ac521dea103319999126561d778f812625c1ef"),
    ("wger-project/wger", "53e85b328efaab42eb736d24d5d294d036b2a7ef"),
    ("flaskbb/flaskbb", "77b5004452977cf409025ed0e2d41eabddbd5801"),
    ("flaskbb/flaskbb", "3d1460b6563834099db7d2152f4341a546181fd3"),
    ("flaskbb/flaskbb", "ad3090d61f6d390befae03c6216916d836e3ec2a"),
    ("go-shiori/shiori", "876d27f337c19ec5b5a08e1ad6607f4ae5feb219"),
    ("go-shiori/shiori", "cdc13edb77a4407ef1fe5039f815174d11998ee0"),
    ("go-shiori/shiori", "73a523975363623ab73eb66a57822a9db56ab21c"),
    ("parse-community/parse-server", "bee889a329cb57277b090fcfb1f38b70f6bffd18"),
    ("parse-community/parse-server", "be4c7e23c63a2fb690685665cebed0de26be05c5"),
    ("parse-community/parse-server", "a02014f5575fb33758151bfb00810991a11d7948"),
    ("rubygems/rubygems.org", "6cc3edb09da607d4e6d3dd2bd870653ba70e16c2"),
    ("rubygems/rubygems.org", "23f0be61049846d51eee64fcd949fbc1a22629ef"),
    ("fastapi/full-stack-fastapi-template", "a8f1ba0e70e96414fa020cd3bede7daac73fd753"),
)

CACHE = OUT / "consolidation"
TIMEOUT_S = 600


@dataclass
class Side:
    lines: int = 0
    findings: int = 0
    inline: Counter[str] = field(default_factory=Counter)
    # Every report, shown as a comment or as an `also` part of one.
    reports: Counter[str] = field(default_factory=Counter)
    merged: int = 0  # findings that carry other reports in `also`


@dataclass
class CommitResult:
    repo: str
    commit: str
    before: dict[str, Any]
    after: dict[str, Any]

    def lost(self) -> list[tuple[str, str]]:
        """(rule, title) pairs the before run reported and the after run does not show."""
        seen = set()
        for f in self.after["findings"]:
            seen.add((f["rule"], f["title"]))
            seen.update((p["rule"], p["title"]) for p in f.get("also", []))
        wanted = {(f["rule"], f["title"]) for f in self.before["findings"]}
        return sorted(wanted - seen)


def repo_dir(mirrors: Path, repo: str) -> Path:
    owner, name = repo.split("/")
    for candidate in (
        mirrors / f"{owner}+{name}" / "repo",
        mirrors / f"{owner}+{name}",
        mirrors / owner / name,
    ):
        if (candidate / "HEAD").exists() or (candidate / ".git").exists():
            return candidate
    target = mirrors / f"{owner}+{name}"
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["git", "clone", "--bare", "--quiet", f"https://github.com/{repo}", str(target)],
        check=True,
        timeout=TIMEOUT_S,
    )
    return target


def version(checkout: Path) -> tuple[str, bool]:
    """(HEAD commit, whether the work tree has changes) of a checkout of Bastion."""

    def git(*argv: str) -> str:
        done = subprocess.run(["git", "-C", str(checkout), *argv], capture_output=True, text=True)
        return done.stdout.strip()

    return git("rev-parse", "HEAD"), bool(git("status", "--porcelain", "--", "bot"))


def review(checkout: Path, git_dir: Path, commit: str, cache: Path | None) -> dict[str, Any]:
    """The JSON report of one checkout of Bastion on commit^..commit, kept on disk per
    checkout commit (a checkout with changes in `bot/` is never cached)."""
    if cache is not None and cache.exists():
        data: dict[str, Any] = json.loads(cache.read_text(encoding="utf-8"))
        return data
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    argv = [
        sys.executable,
        "-c",
        "import sys; from bot.cli import main; sys.exit(main())",
        "review",
        "--git",
        f"{commit}^..{commit}",
        "--repo",
        str(git_dir),
        "--no-llm",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]
    done = subprocess.run(
        argv, cwd=checkout, env=env, capture_output=True, text=True, timeout=TIMEOUT_S
    )
    if done.returncode != 0:
        raise RuntimeError(f"{commit} in {checkout}: exit {done.returncode}: {done.stderr[-500:]}")
    data = json.loads(done.stdout)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(data), encoding="utf-8")
    return data


def tally(reports: Sequence[dict[str, Any]]) -> Side:
    side = Side()
    for report in reports:
        side.lines += report["stats"]["lines_reviewed"]
        for f in report["findings"]:
            side.findings += 1
            side.merged += bool(f.get("also"))
            if f.get("inline", True):
                side.inline[f["rule"]] += 1
            side.reports[f["rule"]] += 1
            side.reports.update(p["rule"] for p in f.get("also", []))
    return side


def per_1k(count: int, lines: int) -> str:
    return f"{1000 * count / lines:.2f}" if lines else "-"


def render(results: Sequence[CommitResult], labels: tuple[str, str]) -> str:
    before = tally([r.before for r in results])
    after = tally([r.after for r in results])
    b, a = labels
    out = [
        f"Commits: {len(results)} in {len({r.repo for r in results})} repositories; "
        f"added backend lines reviewed: {b} {before.lines}, {a} {after.lines}.",
        "",
        f"| rule | reports {b} | reports {a} | inline {b} | per 1k {b} | inline {a}"
        f" | per 1k {a} | change |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    rules = sorted(
        set(before.reports) | set(after.reports),
        key=lambda r: (-before.reports[r] - after.reports[r], r),
    )
    for rule in rules:
        nb, na = before.inline[rule], after.inline[rule]
        out.append(
            f"| `{rule}` | {before.reports[rule]} | {after.reports[rule]} | {nb}"
            f" | {per_1k(nb, before.lines)} | {na} | {per_1k(na, after.lines)} | {na - nb:+d} |"
        )
    tb, ta = sum(before.inline.values()), sum(after.inline.values())
    out.append(
        f"| **all** | {before.reports.total()} | {after.reports.total()} | {tb}"
        f" | {per_1k(tb, before.lines)} | {ta} | {per_1k(ta, after.lines)} | {ta - tb:+d} |"
    )
    out += [
        "",
        f"Findings (inline or not): {b} {before.findings}, {a} {after.findings}; "
        f"{a} findings that carry other reports in `also`: {after.merged}.",
    ]
    lost = [(r, pair) for r in results for pair in r.lost()]
    out.append(f"Reports (rule id, title) of {b} missing from {a}: {len(lost)}")
    out += [f"- {r.repo}@{r.commit[:12]}: `{rule}` {title}" for r, (rule, title) in lost]
    return "\n".join(out)


def differences(results: Sequence[CommitResult]) -> str:
    """Every commit whose inline comment count changed, with both sides' comments,
    for judging by hand."""
    out: list[str] = []
    for r in results:
        ib = [f for f in r.before["findings"] if f.get("inline", True)]
        ia = [f for f in r.after["findings"] if f.get("inline", True)]
        if len(ib) == len(ia) and not any(f.get("also") for f in r.after["findings"]):
            continue
        out.append(f"## {r.repo}@{r.commit[:12]}: {len(ib)} -> {len(ia)} inline")
        out.append("before:")
        out += [f"  {f['path']}:{f['line']} {f['rule']} — {f['title']}" for f in ib]
        out.append("after:")
        for f in r.after["findings"]:
            mark = "" if f.get("inline", True) else " (summary)"
            out.append(f"  {f['path']}:{f['line']} {f['rule']} — {f['title']}{mark}")
            out += [f"      also {p['rule']} line {p['line']} — {p['title']}" for p in f["also"]]
        out.append("")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="checkout before")
    parser.add_argument("--after", type=Path, default=ROOT, help="checkout after (this one)")
    parser.add_argument("--labels", nargs=2, help="column names (default: the commits)")
    parser.add_argument("--mirrors", type=Path, default=OUT / "repos")
    parser.add_argument("--diffs", type=Path, default=OUT / "consolidation_diffs.txt")
    args = parser.parse_args(argv)
    sides = [(checkout.resolve(), *version(checkout)) for checkout in (args.before, args.after)]
    labels = tuple(args.labels or (head[:7] for _, head, _ in sides))
    results = []
    for repo, commit in PAIRS:
        git_dir = repo_dir(args.mirrors, repo)
        reports = [
            review(checkout, git_dir, commit, None if dirty else CACHE / head / f"{commit}.json")
            for checkout, head, dirty in sides
        ]
        results.append(CommitResult(repo, commit, *reports))
    print(render(results, (labels[0], labels[1])))
    args.diffs.parent.mkdir(parents=True, exist_ok=True)
    args.diffs.write_text(differences(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
