"""The implicit route contract: which files get their base version, what the extractor
reads, and breaking changes through the pipeline and through `bastion review --git`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from route_cases import FileChange, _diff

from bot.diff import parse_diff
from bot.models import ChangedFile
from bot.pipeline import review_files
from bot.routes_contract import declares_routes, extract
from bot.routes_contract.model import normalized, path_params

FIXTURES = Path(__file__).parent / "fixtures" / "routes" / "contract"
FASTAPI = (FIXTURES / "fastapi_users.py").read_text()


def _files(*changes: FileChange) -> list[ChangedFile]:
    out: list[ChangedFile] = []
    for change in changes:
        out += [f.model_copy(update={"content": change.head}) for f in parse_diff(_diff(change))]
    return out


def _review(*changes: FileChange) -> list:
    bases = {c.path: c.base for c in changes}
    asked: list[str] = []

    def load(file: ChangedFile) -> str | None:
        asked.append(file.path)
        return bases.get(file.path)

    found = review_files(_files(*changes), load_base_content=load).findings
    return [f for f in found if f.rule == "api-breaking-change"], asked


def test_declares_routes_is_a_cheap_path_and_text_test() -> None:
    assert declares_routes("app/api/users.py", FASTAPI)
    assert declares_routes("config/routes.rb", "")
    assert declares_routes("src/UserController.java", "class UserController {}")
    assert declares_routes("internal/api/x.go", 'v1.GET("/users", h.List)')
    assert declares_routes("routes/api.php", "<?php\n")
    assert not declares_routes("app/services/billing.py", "def charge(amount):\n    return 1\n")
    assert not declares_routes("README.md", '@app.get("/x")')


def test_paths_compare_with_parameters_blank_in_every_spelling() -> None:
    assert normalized("/users/{id}") == normalized("/users/:id") == normalized("/users/<int:id>")
    assert normalized("/users/{id:[0-9]+}/") == "/users/{}"
    assert path_params("/orgs/{org}/users/:user_id") == ("org", "user_id")


def test_base_is_loaded_only_for_modified_files_that_declare_routes() -> None:
    service = "def charge(amount):\n    return amount\n"
    findings, asked = _review(
        FileChange("app/api/users.py", FASTAPI, FASTAPI.replace("    created_at: str\n", "")),
        FileChange("app/services/billing.py", service, service.replace("amount\n", "amount * 2\n")),
        FileChange("app/api/new.py", None, FASTAPI),
    )
    assert asked == ["app/api/users.py"]
    assert [f.line for f in findings] == [21]
    assert "`response-field-removed`" in findings[0].body and "created_at" in findings[0].title


def test_a_version_that_does_not_parse_reports_nothing() -> None:
    broken = FASTAPI.replace("def delete_user(", "def delete_user(((")
    findings, _ = _review(FileChange("app/api/users.py", FASTAPI, broken))
    assert findings == []
    assert extract("app/api/users.py", broken) is None


def test_a_pure_deletion_is_a_file_level_finding_naming_what_went() -> None:
    handler = (
        '@router.delete("/{user_id}", status_code=204)\n'
        "def delete_user(user_id: int, session: Session = Depends(get_session)) -> None:\n"
        "    service.delete(session, user_id)\n"
    )
    findings, _ = _review(FileChange("app/api/users.py", FASTAPI, FASTAPI.replace(handler, "")))
    assert len(findings) == 1
    assert "`DELETE /users/{user_id}` removed" in findings[0].title
    assert "only removed lines" in findings[0].body


def test_no_removal_is_reported_while_another_route_file_fails_to_parse() -> None:
    handler_gone = FASTAPI.replace('@router.delete("/{user_id}"', '@router.delete("/{user_id}/x"')
    other = 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/a")\ndef a():\n'
    findings, _ = _review(
        FileChange("app/api/users.py", FASTAPI, handler_gone),
        FileChange("app/api/other.py", other + "    return 1\n", other + "    return (\n"),
    )
    assert findings == []


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, timeout=60)


def test_bastion_review_git_range_reports_a_removed_response_field(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "app" / "api").mkdir(parents=True)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "dev@example.com")
    _git(repo, "config", "user.name", "dev")
    target = repo / "app" / "api" / "users.py"
    target.write_text(FASTAPI)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    target.write_text(FASTAPI.replace("    created_at: str\n", "    created: str\n"))
    _git(repo, "commit", "-qam", "head")
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "review", "--git", "HEAD~1..HEAD", "--repo", str(repo)]
        + ["--format", "json", "--no-llm"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    findings = json.loads(done.stdout)["findings"]
    ours = [f for f in findings if f["rule"] == "api-breaking-change"]
    assert [(f["path"], f["line"]) for f in ours] == [("app/api/users.py", 21)], done.stderr
    assert "created_at" in ours[0]["title"]
