"""Per-language ids folded into one id per problem: an old id still names the rule in a
suppression comment and in `rules.disable`, and findings carry the surviving id."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, RulesConfig, parse_config
from bot.diff import added_file
from bot.models import ChangedFile, Severity
from bot.pipeline import review_files
from bot.rules.engine import run_rules
from bot.rules.loader import builtin_catalog
from bot.select import select_backend

_GO_SQL = """package handlers

func (h *Handler) Users(c *gin.Context) {
	name := c.Query("name")
	rows, _ := h.db.Query(fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name))
	_ = rows
}
"""

_PHP_CORS = """<?php

return [
    'paths' => ['api/*'],
    'allowed_origins' => ['*'],
    'supports_credentials' => true,
];
"""

_PY_TLS = """import requests


def fetch(url: str) -> bytes:
    return requests.get(url, timeout=5, verify=False).content
"""

_CS_TLS = """var handler = new HttpClientHandler
{
    ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true,
};
"""

_PY_JWT = """import jwt


def user_id(token):
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]
"""

_CS_XXE = "var doc = new XmlDocument { XmlResolver = new XmlUrlResolver() };\n"

_PY_SHELL = """import subprocess
from flask import request


@app.post("/thumb")
def thumb():
    path = request.form["path"]
    subprocess.run("convert " + path + " out.png", shell=True)
"""

_PY_MASS = """from rest_framework import serializers


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = "__all__"
"""

_PLAY_CONF = """play.http.secret.key = ${?APPLICATION_SECRET}
play.filters.disabled += play.filters.csrf.CSRFFilter
"""

_DJANGO_SETTINGS = """SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = True
ALLOWED_HOSTS = ["*"]
"""

_ASPNET = """var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.UseDeveloperExceptionPage();
app.MapControllers();
"""

_GO_MIGRATION = """package migrations

import (
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigration(upOrders, nil)
}

func upOrders(tx *sql.Tx) error {
	_, err := tx.Exec(`CREATE INDEX orders_user ON orders (user_id)`)
	return err
}
"""

_PY_YAML = """import yaml


def parse(text):
    return yaml.load(text, Loader=yaml.Loader)
"""

_PY_EVAL = """from flask import request


@app.post("/calc")
def calc():
    return str(eval(request.form["expr"]))
"""

_JS_EVAL = """app.post('/calc', (req, res) => {
  res.send(String(eval(req.body.expr)));
});
"""

_CS_CONN = """public static class Db
{
    public const string Main = "Server=db.internal;Database=shop;User Id=app;Password=Wq3!vT9zLm;";
}
"""

_FLASK_DEBUG = """from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    app.run(host="0.0.0.0", debug=True)
"""

_JACKSON = """package app;

public class Codec {
    public ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enableDefaultTyping();
        return mapper;
    }
}
"""

_SQL_FK = """ALTER TABLE orders
  ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
"""

# (old id, surviving id, path, code, the language's line comment)
CASES = [
    (
        "pg-add-foreign-key-locking",
        "migration-constraint-validating",
        "db/migrations/0042_orders_fk.sql",
        _SQL_FK,
        "--",
    ),
    (
        "jackson-default-typing",
        "unsafe-deserialization",
        "src/main/java/app/Codec.java",
        _JACKSON,
        "//",
    ),
    ("py-flask-debug", "debug-errors-shown", "app/server.py", _FLASK_DEBUG, "#"),
    (
        "csharp-connection-string-password",
        "hardcoded-credentials",
        "src/Shop/Db.cs",
        _CS_CONN,
        "//",
    ),
    ("py-eval-exec", "code-injection", "app/views.py", _PY_EVAL, "#"),
    ("eval-injection", "code-injection", "src/routes/calc.js", _JS_EVAL, "//"),
    ("go-sql-injection", "sql-injection", "internal/handlers/users.go", _GO_SQL, "//"),
    (
        "php-cors-any-origin-with-credentials",
        "cors-any-origin-with-credentials",
        "config/cors.php",
        _PHP_CORS,
        "//",
    ),
    ("py-tls-verify-disabled", "tls-verification-disabled", "app/client.py", _PY_TLS, "#"),
    (
        "csharp-tls-validation-disabled",
        "tls-verification-disabled",
        "Infrastructure/HttpSetup.cs",
        _CS_TLS,
        "//",
    ),
    ("py-jwt-verification-disabled", "jwt-verification-disabled", "app/auth.py", _PY_JWT, "#"),
    ("csharp-xxe", "xxe", "Services/Import.cs", _CS_XXE, "//"),
    ("py-shell-injection", "command-injection", "app/views.py", _PY_SHELL, "#"),
    ("py-mass-assignment", "mass-assignment", "app/serializers.py", _PY_MASS, "#"),
    ("play-csrf-disabled", "csrf-disabled", "conf/application.conf", _PLAY_CONF, "#"),
    (
        "go-create-index-blocking",
        "index-build-blocking",
        "internal/db/migrations/20240601090000_orders.go",
        _GO_MIGRATION,
        "//",
    ),
    ("py-yaml-unsafe-load", "unsafe-deserialization", "app/config_loader.py", _PY_YAML, "#"),
    ("django-debug-true", "debug-errors-shown", "mysite/settings.py", _DJANGO_SETTINGS, "#"),
    (
        "aspnet-developer-exception-page",
        "debug-errors-shown",
        "src/Api/Program.cs",
        _ASPNET,
        "//",
    ),
]


def _suppressed(code: str, lines: set[int], comment: str, old: str) -> str:
    out = code.splitlines()
    for line in lines:
        out[line - 1] += f"  {comment} bastion: ignore[{old}]"
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    ("old", "new", "path", "code", "comment"), CASES, ids=[c[0] for c in CASES]
)
def test_an_old_id_still_silences_the_folded_rule(
    old: str, new: str, path: str, code: str, comment: str
) -> None:
    catalog = builtin_catalog()
    assert catalog.canonical(old) == new
    assert old not in catalog.rules
    files, _ = select_backend([added_file(path, code)])
    lines = {f.line for f in run_rules(files).findings if f.rule == new}
    assert lines, "the case must raise the folded rule"
    assert all(f.rule != old for f in run_rules(files).findings)

    files, _ = select_backend([added_file(path, _suppressed(code, lines, comment, old))])
    assert [f for f in run_rules(files).findings if f.rule == new] == []

    files, _ = select_backend([added_file(path, code)])
    off = RulesConfig(disable=[old])
    assert [f for f in run_rules(files, off).findings if f.rule == new] == []


def test_bench_labels_written_under_an_old_id_match_the_surviving_id() -> None:
    """`bench/labels/*.tsv` key judgements by rule id; the precision scripts read an old id
    as the id it is reported under now, so labels judged before a fold keep matching."""
    import importlib.util
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for name in ("security_precision", "migration_precision"):
        spec = importlib.util.spec_from_file_location(
            f"_bench_{name}", root / "bench" / f"{name}.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        assert module.current_id("py-sql-injection") == "sql-injection"
        assert module.current_id("sql-injection") == "sql-injection"
        assert module.current_id("eval-injection") == "code-injection"
        assert module.current_id("pg-drop-table") == "migration-drop-or-rename"
    rows = module.read_tsv(root / "bench" / "labels" / "security_findings.tsv")
    old = [r for r in rows if r[4] == "ruby-sql-injection"]
    assert old, "the label file has findings judged under the old Ruby id"
    assert {module.current_id(r[4]) for r in old} == {"sql-injection"}


# (check, language) -> the only rules the check reports there: `FrameworkMigrations`
# reads `.sql` migrations for backfills and enum values (`migrations_python.sql_file_hits`);
# the SQL side of its other rules is squawk's codes.
_ONLY_THESE_THERE = {
    ("FrameworkMigrations", "sql"): {
        "migration-backfill-with-ddl",
        "enum-value-used-in-transaction",
    }
}


def test_each_check_of_a_folded_rule_runs_only_on_the_languages_given_to_its_module() -> None:
    """A folded rule is checked per language by different modules: one module running on
    another's language would report the problem twice or with the wrong patterns."""
    from bot.rules.engine import catalog_languages, registry

    catalog = builtin_catalog()
    for check in registry().checks:
        module = type(check).__module__.removeprefix("bot.rules.")
        if module == "declarative" or not check.languages:
            continue
        if module == "taint.checks":
            # The taint data decides which rule each language's sinks report, and
            # test_rule_catalog checks those languages against the catalogue's.
            continue
        for rule in check.rules:
            spec = catalog.rules.get(catalog.canonical(rule.id))
            if spec is None or not spec.check.by_language:
                continue
            runs_on = {
                lang
                for lang in set(check.languages) & set(spec.languages)
                if spec.id in _ONLY_THESE_THERE.get((type(check).__name__, lang), {spec.id})
            }
            assert runs_on <= catalog_languages(spec.id, module), (type(check).__name__, spec.id)


def test_a_pattern_and_a_flow_of_one_rule_on_one_line_give_the_flows_finding() -> None:
    """Ruby and PHP `eval` are checked by the pattern (old id eval-injection) and by the
    flow: one finding, the flow's, which names where the input came from."""
    code = (
        "class CalcController < ApplicationController\n"
        "  def show\n"
        "    render plain: eval(params[:expr]).to_s\n"
        "  end\n"
        "end\n"
    )
    files, _ = select_backend([added_file("app/controllers/calc_controller.rb", code)])
    (finding,) = run_rules(files).findings
    assert finding.rule == "code-injection" and finding.line == 3
    assert finding.title.startswith("Code injection: `params`")
    assert finding.cwe == 94


# --- the index ids folded in issue 10 ----------------------------------------------------

_FK_MIGRATION = """CREATE TABLE orders (
  id bigint PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  shop_id bigint NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX orders_shop ON orders (shop_id);
CREATE INDEX orders_shop_created ON orders (shop_id, created_at);
CREATE INDEX orders_wide ON orders (shop_id, user_id, created_at, id);
"""
_ARCHIVE_MIGRATION = """class AddArchivedAtToProjects < ActiveRecord::Migration[7.1]
  def change
    add_column :projects, :archived_at, :datetime
  end
end
"""
_ARCHIVED_QUERY = """class Project < ApplicationRecord
  def self.recently_archived
    Project.where.not(archived_at: nil).order(archived_at: :desc).limit(20)
  end
end
"""
# (old id, surviving id): each old id was reported by the check that reads one file.
_INDEX_FOLDS = [
    ("fk-without-index", "foreign-key-not-indexed"),
    ("index-too-wide-or-duplicate", "redundant-index"),
    ("filter-on-unindexed-column", "query-on-unindexed-column"),
]


def _index_change() -> list[ChangedFile]:
    files, _ = select_backend(
        [
            added_file("db/migrations/0042_orders.sql", _FK_MIGRATION),
            added_file(
                "db/migrate/20240702101500_add_archived_at_to_projects.rb", _ARCHIVE_MIGRATION
            ),
            added_file("app/models/project.rb", _ARCHIVED_QUERY),
        ]
    )
    return files


def test_the_one_file_checks_of_the_index_rules_report_under_the_surviving_ids() -> None:
    findings = review_files(_index_change()).findings
    by_rule = {(f.rule, f.path, f.line) for f in findings}
    assert ("foreign-key-not-indexed", "db/migrations/0042_orders.sql", 3) in by_rule
    assert ("redundant-index", "db/migrations/0042_orders.sql", 7) in by_rule
    assert ("index-too-wide", "db/migrations/0042_orders.sql", 9) in by_rule
    assert ("query-on-unindexed-column", "app/models/project.rb", 3) in by_rule
    assert not {old for old, _ in _INDEX_FOLDS} & {f.rule for f in findings}


@pytest.mark.parametrize(("old", "new"), _INDEX_FOLDS, ids=[o for o, _ in _INDEX_FOLDS])
def test_a_repository_config_disabling_an_old_index_id_still_parses_and_disables_it(
    old: str, new: str
) -> None:
    config = parse_config(f"rules:\n  disable: [{old}]\n  severity: {{{old}: high}}\n")
    assert config.rules.disable == [new]
    assert config.rules.severity == {new: Severity.HIGH}
    assert new in {f.rule for f in review_files(_index_change()).findings}
    assert new not in {f.rule for f in review_files(_index_change(), config).findings}


def test_an_unknown_index_id_in_the_config_is_still_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule id 'fk-without-indexes'"):
        parse_config("rules:\n  disable: [fk-without-indexes]\n")


@pytest.mark.parametrize(("old", "new"), _INDEX_FOLDS, ids=[o for o, _ in _INDEX_FOLDS])
def test_an_old_index_id_still_silences_its_line(old: str, new: str) -> None:
    files = _index_change()
    lines = {(f.path, f.line) for f in review_files(files).findings if f.rule == new}
    assert lines
    silenced = []
    for file in files:
        text = file.content or ""
        rows = text.splitlines()
        comment = "--" if file.path.endswith(".sql") else "#"
        for path, line in lines:
            if path == file.path:
                rows[line - 1] += f"  {comment} bastion: ignore[{old}]"
        silenced.append(added_file(file.path, "\n".join(rows) + "\n"))
    kept, _ = select_backend(silenced)
    assert [f for f in review_files(kept).findings if f.rule == new] == []


def test_the_bench_labels_of_the_old_index_ids_match_the_surviving_ids() -> None:
    import importlib.util
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "_bench_migration_precision_idx", root / "bench" / "migration_precision.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    rows = module.read_tsv(root / "bench" / "labels" / "migration_findings.tsv")
    for old, new in _INDEX_FOLDS:
        judged = [r for r in rows if r[0] == old]
        assert judged, f"the label file has findings judged under {old}"
        assert {module.current_id(r[0]) for r in judged} == {new}
    assert module.current_id("index-too-wide") == "index-too-wide"


# --- the API contract ids folded in issue 10 ---------------------------------------------

# (fixture folder, fixture, old id the check reports under, surviving id)
_API_FOLDS = [
    ("api-breaking-change", "yaml.yaml", "openapi-breaking-change", "api-breaking-change"),
    ("api-breaking-change", "proto.proto", "proto-breaking-change", "api-breaking-change"),
    ("api-breaking-change", "graphql.graphql", "graphql-breaking-change", "api-breaking-change"),
    ("api-breaking-change", "python.py", "route-breaking-change", "api-breaking-change"),
    ("api-deprecation", "yaml.yaml", "openapi-deprecation", "api-deprecation"),
    ("api-deprecation", "graphql.graphql", "graphql-deprecation", "api-deprecation"),
    ("inconsistent-route-naming", "yaml.yaml", "openapi-path-casing", "inconsistent-route-naming"),
]
_API_IDS = [old for _, _, old, _ in _API_FOLDS]


def _api_change(folder: str, name: str) -> list[ChangedFile]:
    from pathlib import Path

    from bot.models import FileStatus
    from bot.rules.fixture_files import parse

    fixture = parse(folder, Path(__file__).parent / "rules" / folder / name)
    file = added_file(fixture.path, fixture.code)
    if fixture.base is not None:
        file = file.model_copy(update={"status": FileStatus.MODIFIED, "base_content": fixture.base})
    kept, _ = select_backend([file])
    return kept


@pytest.mark.parametrize(("folder", "name", "old", "new"), _API_FOLDS, ids=_API_IDS)
def test_an_api_contract_check_reports_under_the_surviving_id_with_its_own_wording(
    folder: str, name: str, old: str, new: str
) -> None:
    findings = [f for f in review_files(_api_change(folder, name)).findings if f.rule == new]
    assert findings
    assert {f.reported_as for f in findings} == {old}
    variant = builtin_catalog().rules[new].variants[old]
    # The old id's own rationale and fix, not the rule's.
    assert all(f.body.startswith(variant.rationale.strip()) for f in findings)
    assert all(f.body.endswith(f"**Fix:** {variant.fix.strip()}") for f in findings)
    assert not {old} & {f.rule for f in findings}


@pytest.mark.parametrize(("folder", "name", "old", "new"), _API_FOLDS, ids=_API_IDS)
def test_a_repository_config_disabling_an_old_api_id_still_parses_and_disables_it(
    folder: str, name: str, old: str, new: str
) -> None:
    config = parse_config(f"rules:\n  disable: [{old}]\n")
    assert config.rules.disable == [new]
    files = _api_change(folder, name)
    assert new in {f.rule for f in review_files(files).findings}
    assert new not in {f.rule for f in review_files(files, config).findings}


def test_a_misspelled_api_id_in_the_config_is_still_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule id 'openapi-breaking-changes'"):
        parse_config("rules:\n  disable: [openapi-breaking-changes]\n")


@pytest.mark.parametrize(("folder", "name", "old", "new"), _API_FOLDS, ids=_API_IDS)
def test_an_old_api_id_still_silences_its_line(folder: str, name: str, old: str, new: str) -> None:
    from bot.rules.fixture_files import comment_prefix

    (file,) = _api_change(folder, name)
    lines = {f.line for f in review_files([file]).findings if f.rule == new}
    assert lines
    rows = (file.content or "").splitlines()
    for line in lines:
        rows[line - 1] += f"  {comment_prefix(file.path)} bastion: ignore[{old}]"
    text = "\n".join(rows) + "\n"
    silenced = added_file(file.path, text).model_copy(
        update={"status": file.status, "base_content": file.base_content}
    )
    kept, _ = select_backend([silenced])
    assert [f for f in review_files(kept).findings if f.rule == new] == []


@pytest.mark.parametrize(("folder", "name", "old", "new"), _API_FOLDS, ids=_API_IDS)
def test_an_api_problem_posted_under_its_old_id_is_not_posted_again(
    folder: str, name: str, old: str, new: str
) -> None:
    from bot.consolidate import already_posted, consolidate

    files = _api_change(folder, name)
    by_path = {f.path: f for f in files}
    findings = [f for f in review_files(files).findings if f.rule == new]
    assert findings
    for finding in findings:
        # The report as it was before the fold: the old id, no alias.
        before = finding.model_copy(
            update={"rule": old, "reported_as": "", "legacy_fingerprints": [], "also": []}
        )
        (posted,) = consolidate([before], by_path)
        assert already_posted(finding, {posted.fingerprint})


def test_the_old_api_ids_in_bench_labels_map_to_the_surviving_ids() -> None:
    catalog = builtin_catalog()
    for _, _, old, new in _API_FOLDS:
        assert catalog.canonical(old) == new
    assert catalog.canonical("api-breaking-change") == "api-breaking-change"
