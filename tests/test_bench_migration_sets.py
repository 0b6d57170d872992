"""Each project set of bench/migration_precision.py runs against its own commits and labels
files, and no project sits in two sets (a set is out of sample only if it shares none)."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_bench() -> object:
    spec = importlib.util.spec_from_file_location(
        "_bench_migration_precision_sets", ROOT / "bench" / "migration_precision.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_set_names_its_own_committed_commits_and_labels_files() -> None:
    bench = load_bench()
    files = bench.SET_FILES  # type: ignore[attr-defined]
    assert set(files) == set(bench.SETS)  # type: ignore[attr-defined]
    commits = [c for c, _ in files.values()]
    labels = [lab for _, lab in files.values()]
    assert len(set(commits)) == len(commits) and len(set(labels)) == len(labels)
    for commits_file, labels_file in files.values():
        assert commits_file.is_file(), commits_file.name
        assert labels_file.is_file(), labels_file.name


def test_no_project_is_in_two_sets() -> None:
    bench = load_bench()
    seen: dict[str, str] = {}
    for name, projects in bench.SETS.items():  # type: ignore[attr-defined]
        for repo in projects:
            assert repo not in seen, f"{repo} is in both {seen[repo]} and {name}"
            seen[repo] = name
