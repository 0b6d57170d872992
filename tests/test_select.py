"""Backend selection: each reason a file is kept or skipped."""

from __future__ import annotations

import pytest

from bot.config import PathsConfig
from bot.diff import added_file, parse_diff
from bot.models import ChangedFile, FileKind
from bot.select import glob_to_regex, select_backend


def _one(path: str, content: str = "x = 1\n", paths: PathsConfig | None = None) -> tuple:
    kept, skipped = select_backend([added_file(path, content)], paths)
    if kept:
        return kept[0].kind, kept[0].reason
    return None, skipped[0].reason


@pytest.mark.parametrize(
    ("path", "kind", "reason_part"),
    [
        ("app/services/orders.py", FileKind.CODE, "server code (python)"),
        ("cmd/api/main.go", FileKind.CODE, "go"),
        ("src/main/java/com/acme/OrderController.java", FileKind.CODE, "java"),
        ("src/main/kotlin/Orders.kt", FileKind.CODE, "kotlin"),
        ("app/controllers/orders_controller.rb", FileKind.CODE, "ruby"),
        ("app/Http/Controllers/OrderController.php", FileKind.CODE, "php"),
        ("Services/OrderService.cs", FileKind.CODE, "csharp"),
        ("src/handlers.rs", FileKind.CODE, "rust"),
        ("server/index.js", FileKind.CODE, "under server/"),
        ("src/api/orders.ts", FileKind.CODE, "under api/"),
        ("src/routes/users.ts", FileKind.CODE, "under routes/"),
        ("src/controllers/users.js", FileKind.CODE, "under controllers/"),
        ("db/001_init.sql", FileKind.MIGRATION, "SQL"),
        ("db/queries/report.sql", FileKind.SQL, "SQL file"),
        ("sql/report.sql", FileKind.SQL, "SQL file"),
        ("shop/migrations/0042_add_index.py", FileKind.MIGRATION, "Django"),
        ("alembic/versions/4f2a_add_orders.py", FileKind.MIGRATION, "Alembic"),
        ("db/migrate/20261120093000_add_index.rb", FileKind.MIGRATION, "Rails"),
        ("db/migrate/20261120093000_drop_pools.katello.rb", FileKind.MIGRATION, "Rails"),
        ("src/main/resources/db/migration/V3__orders.sql", FileKind.MIGRATION, "Flyway"),
        ("migrations/000042_orders.up.sql", FileKind.MIGRATION, "golang-migrate"),
        ("prisma/migrations/20261120_init/migration.sql", FileKind.MIGRATION, "Prisma"),
        ("migrations/20261120_create_users.js", FileKind.MIGRATION, "Knex"),
        ("prisma/schema.prisma", FileKind.ORM_SCHEMA, "Prisma schema"),
        ("shop/models.py", FileKind.ORM_SCHEMA, "ORM models"),
        ("db/schema.rb", FileKind.ORM_SCHEMA, "ActiveRecord"),
        ("api/openapi.yaml", FileKind.API_SPEC, "OpenAPI"),
        ("proto/orders/v1/orders.proto", FileKind.API_SPEC, "Protocol Buffers"),
        ("graphql/schema.graphql", FileKind.API_SPEC, "GraphQL"),
        ("config/settings.yaml", FileKind.CONFIG, "secrets"),
        (".env.production", FileKind.CONFIG, "secrets"),
    ],
)
def test_backend_files_are_kept_with_a_reason(path: str, kind: FileKind, reason_part: str) -> None:
    got_kind, reason = _one(path)
    assert got_kind is kind
    assert reason_part in reason


@pytest.mark.parametrize(
    ("path", "reason_part"),
    [
        ("web/src/components/OrderList.tsx", "frontend"),
        ("src/App.jsx", "frontend"),
        ("frontend/src/api.ts", "frontend (frontend/ directory)"),
        ("web/src/client.ts", "frontend (web/ directory)"),
        ("src/components/helpers.js", "frontend (components/ directory)"),
        ("public/app.js", "frontend (public/ directory)"),
        ("src/utils/strings.ts", "no sign of server code"),
        ("package-lock.json", "lock file"),
        ("poetry.lock", "lock file"),
        ("go.sum", "lock file"),
        ("vendor/github.com/lib/pq/conn.go", "vendored"),
        ("node_modules/express/index.js", "vendored"),
        ("api/orders_pb2.py", "generated"),
        ("api/orders.pb.go", "generated"),
        ("server/static.min.js", "minified"),
        ("README.md", "documentation"),
        ("docs/guide.rst", "documentation"),
        ("docs/examples/app.py", "documentation"),
        ("packages/api/docs/snippets/handler.go", "documentation"),
        ("assets/logo.png", "image"),
        ("scripts/deploy.sh", "not a backend file type"),
    ],
)
def test_non_backend_files_are_skipped_with_a_reason(path: str, reason_part: str) -> None:
    kind, reason = _one(path)
    assert kind is None
    assert reason_part in reason


@pytest.mark.parametrize(
    "path",
    [
        "src/main/java/com/acme/docs/DocumentController.java",
        "app/docs/views.py",
        "internal/docs/handler.go",
    ],
)
def test_a_docs_package_of_the_code_is_code(path: str) -> None:
    """A package named `docs` below a source root holds code about documents; only a
    `docs` folder outside the code is the project's documentation."""
    kind, _ = _one(path)
    assert kind is FileKind.CODE


def test_js_is_backend_when_it_imports_a_server_library() -> None:
    for source in (
        "const express = require('express');\n",
        "import Fastify from 'fastify';\n",
        "import { Controller } from '@nestjs/common';\n",
        "import Koa from 'koa';\n",
        "import { PrismaClient } from '@prisma/client';\n",
        "import knex from 'knex';\n",
        "import { DataSource } from 'typeorm';\n",
        'const { Sequelize } = require("sequelize");\n',
    ):
        kind, reason = _one("src/lib/thing.ts", source)
        assert kind is FileKind.CODE, source
        assert "imports a server library" in reason


def test_js_is_backend_when_it_registers_a_route_handler() -> None:
    """A Fastify plugin or an Express router module gets its app as a parameter and may
    import no server library itself."""
    for source in (
        "module.exports = async function (fastify) {\n"
        "  fastify.post('/hooks', async (request, reply) => ({ ok: true }));\n};\n",
        "export default function routes(router) {\n"
        '  router.get("/orders/:id", (req, res) => res.json({}));\n}\n',
        "const { MongoClient } = require('mongodb');\n",
    ):
        kind, _ = _one("src/lib/plugin.js", source)
        assert kind is FileKind.CODE, source
    # A client call to a path is not a route.
    kind, _ = _one("src/lib/api.js", "export const load = () => api.get('/orders', { id });\n")
    assert kind is None


def test_server_import_beats_a_frontend_directory() -> None:
    kind, _ = _one("web/server.js", "const express = require('express');\n")
    assert kind is FileKind.CODE


def test_generated_marker_in_content() -> None:
    kind, reason = _one("app/client.py", "# @generated by protoc\nx = 1\n")
    assert kind is None and "generated" in reason
    kind, reason = _one("pkg/db/models.go", "// Code generated by sqlc. DO NOT EDIT.\npackage db\n")
    assert kind is None and "generated" in reason


def test_generated_marker_above_the_hunk_is_read_from_the_loaded_file() -> None:
    """gorm/gen writes its marker on line 1; a change to line 30 does not show it."""
    lines = ["// Code generated by gorm.io/gen. DO NOT EDIT.", "", "package model", ""]
    lines += [f"// field {n}" for n in range(5, 31)]
    head = "\n".join(lines) + "\n"
    diff = (
        "diff --git a/internal/model/contents.go b/internal/model/contents.go\n"
        "--- a/internal/model/contents.go\n+++ b/internal/model/contents.go\n"
        "@@ -29,1 +29,2 @@\n // field 29\n+// field 30\n"
    )
    kept, skipped = select_backend(parse_diff(diff), load_content=lambda _file: head)
    assert not kept
    assert [s.reason for s in skipped] == [
        "generated code (marked 'Code generated by gorm.io/gen. DO NOT EDIT')"
    ]
    # Without the whole file, the name is the only sign.
    kept, _ = select_backend(parse_diff(diff))
    assert [f.path for f in kept] == ["internal/model/contents.go"]
    named = diff.replace("contents.go", "contents.gen.go")
    kept, skipped = select_backend(parse_diff(named))
    assert not kept and skipped[0].reason == "generated code"


def test_openapi_detected_from_content() -> None:
    kind, reason = _one("spec/public.yaml", 'openapi: "3.0.3"\ninfo:\n  title: x\n')
    assert kind is FileKind.API_SPEC and "OpenAPI" in reason


def test_deleted_and_binary_files_are_skipped() -> None:
    text = (
        "diff --git a/app/gone.py b/app/gone.py\ndeleted file mode 100644\n"
        "--- a/app/gone.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x = 1\n"
        "diff --git a/app/logo.png b/app/logo.png\nnew file mode 100644\n"
        "Binary files /dev/null and b/app/logo.png differ\n"
    )
    kept, skipped = select_backend(parse_diff(text))
    assert not kept
    assert [(s.path, s.reason) for s in skipped] == [
        ("app/gone.py", "deleted file (no lines to review)"),
        ("app/logo.png", "binary file"),
    ]


def test_config_include_and_exclude_override_defaults() -> None:
    paths = PathsConfig(include=["scripts/**/*.sh"], exclude=["app/legacy/**"])
    kind, reason = _one("scripts/db/reindex.sh", "psql -c 'REINDEX'\n", paths)
    assert kind is FileKind.CODE and "paths.include 'scripts/**/*.sh'" in reason
    kind, reason = _one("app/legacy/old.py", "x = 1\n", paths)
    assert kind is None and reason == "excluded by paths.exclude 'app/legacy/**'"


def test_exclude_wins_over_include() -> None:
    paths = PathsConfig(include=["app/**"], exclude=["app/generated/**"])
    kind, _ = _one("app/generated/x.py", "x = 1\n", paths)
    assert kind is None


def test_every_skipped_file_is_reported() -> None:
    files = [added_file(p, "x\n") for p in ("README.md", "a.png", "app/x.py", "web/A.tsx")]
    kept, skipped = select_backend(files)
    assert {f.path for f in kept} | {s.path for s in skipped} == {f.path for f in files}
    assert all(s.reason for s in skipped)


def test_content_loader_is_called_only_for_backend_and_undecided_js() -> None:
    asked: list[str] = []

    def load(file: ChangedFile) -> str | None:
        asked.append(file.path)
        return "import express from 'express';\n" if file.path.endswith(".ts") else "x = 1\n"

    text = "".join(
        f"--- a/{p}\n+++ b/{p}\n@@ -5 +5 @@\n-a\n+b\n"
        for p in ("README.md", "web/App.tsx", "src/lib/app.ts", "app/x.py")
    )
    kept, _ = select_backend(parse_diff(text), load_content=load)
    assert sorted(asked) == ["app/x.py", "src/lib/app.ts"]
    assert {f.path for f in kept} == {"app/x.py", "src/lib/app.ts"}
    assert all(f.content is not None for f in kept)


@pytest.mark.parametrize(
    ("glob", "path", "hit"),
    [
        ("*.sql", "db/x.sql", True),
        ("db/*.sql", "db/x.sql", True),
        ("db/*.sql", "db/sub/x.sql", False),
        ("db/**/*.sql", "db/sub/deep/x.sql", True),
        ("db/**", "db/sub/x.sql", True),
        ("vendor/", "vendor/a/b.go", True),
        ("app/?.py", "app/x.py", True),
    ],
)
def test_globs(glob: str, path: str, hit: bool) -> None:
    assert bool(glob_to_regex(glob).match(path)) is hit


@pytest.mark.parametrize(
    ("path", "is_test"),
    [
        ("tests/test_orders.py", True),
        ("app/test_orders.py", True),
        ("conftest.py", True),
        ("pkg/orders_test.go", True),
        ("src/orders.spec.ts", True),
        ("src/__tests__/orders.js", True),
        ("spec/models/order_spec.rb", True),
        ("src/test/java/OrderServiceTest.java", True),
        ("tests/Feature/OrderTest.php", True),
        ("lib/shop_stripe/testing_support/factories/gateway_factory.rb", True),
        ("src/Shop/Behat/Context/Setup/UserContext.php", True),
        ("features/step_definitions/checkout_steps.rb", True),
        ("backend/src/config/mock/database.config.mock.ts", True),
        ("src/mocks/api/handlers/users.ts", True),
        ("src/__mocks__/mailer.js", True),
        ("playwright-acceptance-tests/stubs/api-stub/src/routes/login.ts", True),
        ("e2e-tests/checkout.ts", True),
        ("api-test/src/main/java/io/mosip/testrig/apirig/esignet/utils/EsignetUtil.java", True),
        ("apitests/config/valueMapping.properties", True),
        ("src/api/tests.py", True),
        ("src/api/v1/users.py", False),
        ("apps/api/src/controllers/auth.ts", False),
        ("src/test-utils/server.ts", True),
        ("internal/testutil/db.go", True),
        ("tests-e2e/test_login.py", True),
        ("stubs/payments-api/server.js", True),
        ("services/notify-stubs/app.py", True),
        ("src/functionalTest/resources/features/case/Token_Data.td.json", True),
        ("src/integrationTest/java/uk/gov/CaseIT.java", True),
        ("src/testFixtures/kotlin/Fixtures.kt", True),
        ("src/main/java/uk/gov/LatestTestResult.java", False),
        ("app/services/stubborn_retry.py", False),
        ("packages/backend/src/mock-server/mock-server.service.ts", False),
        ("src/utils/testimonials.ts", False),
        ("app/contests/views.py", False),
        ("app/services/mock_payment_gateway.rb", False),
        ("src/mockingbird/client.ts", False),
        ("app/models/behat_report.rb", False),
        ("app/services/orders.py", False),
        ("app/contest.py", False),
        ("src/attestation.ts", False),
    ],
)
def test_test_code_is_recognised(path: str, is_test: bool) -> None:
    from bot.select import is_test_path

    assert is_test_path(path) is is_test
