"""Precision of the rules on real migration commits, judged by hand.

Reviews each (repository, commit) of a list with `bastion review --git C^..C --no-llm`,
writes every finding to `bench/out/migration_precision/<tag>/findings.tsv`, and joins
them with the judgement file (one line per finding judged: rule, repo, commit,
path:line, verdict `tp`/`fp`, one-line reason) to print per-rule precision and
findings per 1,000 added backend lines.

    # list the newest commits that touch each repository's migrations
    .venv/bin/python bench/migration_precision.py pick --mirrors DIR > commits.tsv
    # review them and score against the labels
    .venv/bin/python bench/migration_precision.py run --mirrors DIR --tag after

DIR holds bare clones as `DIR/<owner>+<name>/repo` (the fetched code stays out of
this repository). A finding with no label is listed as "unjudged" so it can be read
and added to the labels.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMITS = ROOT / "bench" / "labels" / "migration_commits.tsv"
LABELS = ROOT / "bench" / "labels" / "migration_findings.tsv"
OUT = ROOT / "bench" / "out" / "migration_precision"
BASTION = Path(sys.executable).with_name("bastion")
_bastion = BASTION  # `--bastion`: another checkout's command (a frozen one to measure)
# The rules this benchmark is about (the rest are reported, not tuned here).
INDEXING_RULES = frozenset(
    [
        "alembic-create-index-blocking",
        "index-build-blocking",
        "go-create-index-blocking",
        "go-automigrate-schema-change",
        "sql-not-analysed",
        "django-add-index-blocking",
        "js-migration-index-blocking",
        "migration-column-rewrite",
        "pg-add-column-rewrite",
        "pg-add-primary-key-locking",
        "pg-add-unique-constraint-locking",
        "pg-create-index-blocking",
        "rails-add-index-blocking",
        "rails-create-table-force",
        "sql-destructive",
        "concurrent-index-in-transaction",
        "enum-value-used-in-transaction",
        "filter-on-unindexed-column",
        "fk-without-index",
        "foreign-key-not-indexed",
        "function-predicate-without-index",
        "laravel-index-blocking",
        "migration-backfill-with-ddl",
        "migration-column-type-change",
        "migration-constraint-validating",
        "migration-drop-index-blocking",
        "migration-drop-or-rename",
        "migration-not-null-column",
        "mysql-alter-table-locking",
        "n-plus-one-query",
        "pg-add-foreign-key-locking",
        "pg-add-required-column",
        "pg-change-column-type",
        "pg-concurrent-index-in-transaction",
        "pg-constraint-not-valid",
        "pg-drop-column",
        "pg-drop-index-blocking",
        "pg-drop-table",
        "pg-reindex-blocking",
        "pg-rename-column",
        "pg-rename-table",
        "pg-set-not-null-scan",
        "query-on-unindexed-column",
        "unbounded-list-query",
        "index-too-wide",
        "index-too-wide-or-duplicate",
        "like-leading-wildcard",
        "matview-drop-recreate",
        "migration-irreversible",
        "pg-prefer-bigint",
        "pg-prefer-jsonb",
        "pg-prefer-timestamptz",
        "redundant-index",
        "select-star",
    ]
)

# Where each project keeps its migrations (git pathspecs), and how many commits to take.
PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "netbox-community/netbox": ("Django", ["netbox/*/migrations/*.py"], 14),
    "healthchecks/healthchecks": ("Django", ["hc/*/migrations/*.py"], 14),
    "getredash/redash": ("Alembic", ["migrations/versions/*.py"], 12),
    "CTFd/CTFd": ("Alembic", ["migrations/versions/*.py"], 10),
    "lobsters/lobsters": ("Rails", ["db/migrate/*.rb"], 14),
    "openstreetmap/openstreetmap-website": ("Rails", ["db/migrate/*.rb"], 14),
    "outline/outline": ("Sequelize", ["server/migrations/*"], 16),
    "thedevs-network/kutt": ("Knex", ["server/migrations/*"], 8),
    "woodpecker-ci/woodpecker": ("Go/xorm", ["server/store/datastore/migration/*.go"], 12),
    "miniflux/v2": ("Go/SQL", ["internal/database/*.go", "database/*.go"], 10),
    "goharbor/harbor": ("SQL", ["make/migrations/postgresql/*.sql"], 12),
    "umami-software/umami": ("SQL", ["db/postgresql/migrations/*", "prisma/migrations/*"], 8),
}

# The held-out set: projects the rules were never tuned on, judged by a second reader
# (`--set holdout`, labels in `*_holdout.tsv`).
HOLDOUT_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "maybe-finance/maybe": ("Rails", ["db/migrate/*.rb"], 12),
    "rubygems/rubygems.org": ("Rails", ["db/migrate/*.rb"], 10),
    "getlago/lago-api": ("Rails", ["db/migrate/*.rb"], 12),
    "saleor/saleor": ("Django", ["saleor/*/migrations/*.py"], 12),
    "taigaio/taiga-back": ("Django", ["taiga/*/migrations/*.py", "taiga/*/*/migrations/*.py"], 8),
    "DefectDojo/django-DefectDojo": ("Django", ["dojo/db_migrations/*.py"], 10),
    "Netflix/dispatch": ("Alembic", ["src/dispatch/database/revisions/*/versions/*.py"], 10),
    "mealie-recipes/mealie": (
        "Alembic",
        ["alembic/versions/*.py", "mealie/alembic/versions/*.py"],
        10,
    ),
    "polarsource/polar": ("Alembic", ["server/migrations/versions/*.py"], 12),
    "opencollective/opencollective-api": ("Sequelize", ["migrations/*.js", "migrations/*.ts"], 14),
    "louislam/uptime-kuma": ("Knex", ["db/knex_migrations/*.js"], 8),
    "requarks/wiki": ("Knex", ["server/db/migrations/*.js"], 8),
    "go-vikunja/vikunja": ("Go/xorm", ["pkg/migration/*.go"], 12),
    "navidrome/navidrome": ("Go/SQL", ["db/migrations/*"], 10),
    "usememos/memos": ("Go/SQL", ["store/migration/*"], 6),
    "gogs/gogs": ("Go/xorm", ["internal/database/migrations/*.go"], 6),
    "LemmyNet/lemmy": ("SQL", ["migrations/*/up.sql"], 10),
    "ory/kratos": ("SQL", ["persistence/sql/migrations/sql/*.sql"], 8),
    "supabase/auth": ("SQL", ["migrations/*.sql"], 10),
}
# A third set, "fresh": projects in neither list above, judged once by a reader who had not
# seen how the other sets were judged (`--set fresh`, labels in `*_fresh.tsv`). No rule was
# tuned on it; the figures it gives are out of sample.
FRESH_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "danbooru/danbooru": ("Rails", ["db/migrate/*.rb"], 10),
    "hackclub/hcb": ("Rails", ["db/migrate/*.rb"], 10),
    "rubyforgood/human-essentials": ("Rails", ["db/migrate/*.rb"], 8),
    "solidusio/solidus": ("Rails", ["*/db/migrate/*.rb"], 8),
    "wagtail/wagtail": ("Django", ["wagtail/migrations/*.py", "wagtail/*/migrations/*.py"], 8),
    "paperless-ngx/paperless-ngx": ("Django", ["src/*/migrations/*.py"], 8),
    "readthedocs/readthedocs.org": ("Django", ["readthedocs/*/migrations/*.py"], 10),
    "makeplane/plane": ("Django", ["apps/api/plane/*/migrations/*.py"], 10),
    "PrefectHQ/prefect": ("Alembic", ["src/prefect/server/database/_migrations/versions/*"], 10),
    "keephq/keep": ("Alembic", ["keep/api/models/db/migrations/versions/*.py"], 10),
    "privacyidea/privacyidea": ("Alembic", ["privacyidea/migrations/versions/*.py"], 8),
    "FlowiseAI/Flowise": ("TypeORM", ["packages/server/src/*/migrations/*"], 10),
    "sqlpad/sqlpad": ("Sequelize", ["server/migrations/*.js"], 6),
    "Unleash/unleash": ("db-migrate", ["src/migrations/*.js"], 10),
    "harness/gitness": ("Go/SQL", ["app/store/database/migrate/*.sql"], 10),
    "knadh/listmonk": ("Go/SQL", ["internal/migrations/*.go"], 8),
    "semaphoreui/semaphore": ("Go/SQL", ["db/sql/migrations/*.sql"], 8),
    "temporalio/temporal": ("SQL", ["schema/*/versioned/*.sql"], 8),
    "documenso/documenso": ("SQL", ["packages/prisma/migrations/*.sql"], 10),
    "hoppscotch/hoppscotch": ("SQL", ["packages/hoppscotch-backend/prisma/migrations/*.sql"], 8),
}
# A fourth set, "freshD": 20 more projects in none of the lists above nor in
# bench/security_precision.py, fixed before any of their findings was read and judged once
# on main e225e84 (`--set freshD`, labels in `*_freshD.tsv`). Out of sample like "fresh".
FRESHD_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "rubyforgood/casa": ("Rails", ["db/migrate/*.rb"], 8),
    "feedbin/feedbin": ("Rails", ["db/migrate/*.rb"], 8),
    "manyfold3d/manyfold": ("Rails", ["db/migrate/*.rb"], 8),
    "pretalx/pretalx": ("Django", ["src/pretalx/*/migrations/*.py"], 8),
    "TandoorRecipes/recipes": ("Django", ["cookbook/migrations/*.py"], 8),
    "kiwitcms/Kiwi": ("Django", ["tcms/*/migrations/*.py", "tcms/*/*/*/migrations/*.py"], 6),
    "ckan/ckan": (
        "Alembic",
        ["ckan/migration/versions/*.py", "ckanext/*/migration/*/versions/*.py"],
        8,
    ),
    "indico/indico": ("Alembic", ["indico/migrations/versions/*.py"], 10),
    "langfuse/langfuse": ("Prisma", ["packages/shared/prisma/migrations/*"], 10),
    "logto-io/logto": ("Slonik (TS)", ["packages/schemas/alterations/*.ts"], 10),
    "standardnotes/server": ("TypeORM", ["packages/*/migrations/*"], 8),
    "coollabsio/coolify": ("Laravel", ["database/migrations/*.php"], 10),
    "pixelfed/pixelfed": ("Laravel", ["database/migrations/*.php"], 8),
    "hatchet-dev/hatchet": ("Go/goose", ["cmd/hatchet-migrate/migrate/migrations/*.sql"], 10),
    "authelia/authelia": ("Go/SQL", ["internal/storage/migrations/*"], 6),
    "ory/hydra": ("Go/SQL", ["persistence/sql/migrations/*"], 8),
    "atuinsh/atuin": ("SQL (sqlx)", ["crates/*/migrations/*.sql"], 6),
    "svix/svix-webhooks": ("SQL (sqlx)", ["server/svix-server/migrations/*.sql"], 8),
    "traccar/traccar": ("Liquibase", ["schema/*.xml"], 8),
    "kestra-io/kestra": ("Flyway", ["*/src/main/resources/migrations/*/*.sql"], 8),
}
# A fifth set, "freshE": 26 more projects in none of the lists above nor in
# bench/security_precision.py (Rails 5, Django 5, Alembic 3, Prisma/Sequelize/TypeORM 5, Go 3,
# Laravel 2, Liquibase/Flyway/SQL on the JVM 3), fixed before any of their findings was read
# and judged once on main 7279777 (`--set freshE`, labels in `*_freshE.tsv`). More commits per
# project than set D, since later mains report less. Out of sample like "fresh".
FRESHE_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "bikeindex/bike_index": ("Rails", ["db/migrate/*.rb"], 14),
    "alphagov/publishing-api": ("Rails", ["db/migrate/*.rb"], 14),
    "mysociety/alaveteli": ("Rails", ["db/migrate/*.rb"], 14),
    "spree/spree": ("Rails", ["*/db/migrate/*.rb"], 14),
    "postalserver/postal": ("Rails", ["db/migrate/*.rb", "lib/postal/message_db/migrations/*"], 12),
    "ansible/awx": ("Django", ["awx/*/migrations/*.py"], 14),
    "bookwyrm-social/bookwyrm": ("Django", ["bookwyrm/migrations/*.py"], 14),
    "nautobot/nautobot": ("Django", ["nautobot/*/migrations/*.py"], 14),
    "pulp/pulpcore": ("Django", ["pulpcore/app/migrations/*.py", "pulp_*/app/migrations/*.py"], 14),
    "mozilla/treeherder": ("Django", ["treeherder/*/migrations/*.py"], 14),
    "quay/quay": ("Alembic", ["data/migrations/versions/*.py"], 14),
    "Netflix/lemur": ("Alembic", ["lemur/migrations/versions/*.py"], 14),
    "CERT-Polska/mwdb-core": ("Alembic", ["mwdb/model/migrations/versions/*.py"], 14),
    "triggerdotdev/trigger.dev": ("Prisma", ["internal-packages/database/prisma/migrations/*"], 14),
    "formbricks/formbricks": ("Prisma", ["packages/database/migration/*"], 14),
    "lukevella/rallly": ("Prisma", ["packages/database/prisma/migrations/*"], 14),
    "hackmdio/codimd": ("Sequelize", ["lib/migrations/*.js"], 14),
    "Fallenbagel/jellyseerr": ("TypeORM", ["server/migration/*"], 14),
    "rudderlabs/rudder-server": ("Go/SQL", ["sql/migrations/*"], 14),
    "openfga/openfga": ("Go/goose", ["assets/migrations/*"], 14),
    "authzed/spicedb": (
        "Go/SQL",
        ["internal/datastore/postgres/migrations/*", "internal/datastore/mysql/migrations/*"],
        14,
    ),
    "solidtime-io/solidtime": ("Laravel", ["database/migrations/*.php"], 14),
    "invoiceninja/invoiceninja": ("Laravel", ["database/migrations/*.php"], 14),
    "apache/fineract": ("Liquibase", ["*/db/changelog/*"], 14),
    "eclipse-hawkbit/hawkbit": ("Flyway", ["*/db/migration/*"], 14),
    "killbill/killbill": ("SQL (Flyway)", ["*/migration/*.sql"], 14),
}
# A sixth set, "freshF": 27 more projects in none of the lists above nor in
# bench/security_precision.py (Rails 5, Django 4, Alembic 4, Prisma 3, Sequelize 1, Drizzle SQL 1,
# Go 4, Diesel SQL 1, Laravel 2, SQL upgrade scripts on the JVM 2), fixed before any of their
# findings was read and judged once on main be998f8 (`--set freshF`, labels in `*_freshF.tsv`).
# More commits per project again, since later mains report less. Out of sample like "fresh".
FRESHF_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "exercism/website": ("Rails", ["db/migrate/*.rb"], 24),
    "openfoodfoundation/openfoodnetwork": ("Rails", ["db/migrate/*.rb"], 24),
    "alphagov/whitehall": ("Rails", ["db/migrate/*.rb"], 24),
    "basecamp/fizzy": ("Rails", ["db/migrate/*.rb", "saas/db/migrate/*.rb"], 24),
    "codebar/planner": ("Rails", ["db/migrate/*.rb"], 14),
    "suitenumerique/docs": ("Django", ["src/backend/core/migrations/*.py"], 16),
    "Flagsmith/flagsmith": ("Django", ["api/*/migrations/*.py"], 20),
    "grafana/oncall": ("Django", ["engine/apps/*/migrations/*.py"], 18),
    "khoj-ai/khoj": ("Django", ["src/khoj/database/migrations/*.py"], 16),
    "letta-ai/letta": ("Alembic", ["alembic/versions/*.py"], 16),
    "Agenta-AI/agenta": ("Alembic", ["api/*/databases/postgres/migrations/*/versions/*.py"], 18),
    "Skyvern-AI/skyvern": ("Alembic", ["alembic/versions/*.py"], 20),
    "Arize-ai/phoenix": ("Alembic", ["src/phoenix/db/migrations/versions/*.py"], 18),
    "elie222/inbox-zero": ("Prisma", ["apps/web/prisma/migrations/*"], 20),
    "teableio/teable": ("Prisma", ["packages/db-main-prisma/prisma/*/migrations/*"], 14),
    "mfts/papermark": ("Prisma", ["prisma/migrations/*"], 18),
    "GladysAssistant/Gladys": ("Sequelize", ["server/migrations/*.js"], 12),
    "Dokploy/dokploy": ("Drizzle SQL", ["apps/dokploy/drizzle/*.sql"], 18),
    "ente-io/ente": ("Go/SQL", ["server/migrations/*.sql"], 20),
    "flipt-io/flipt": ("Go/SQL", ["internal/migrations/*", "config/migrations/*"], 12),
    "riverqueue/river": ("Go/SQL", ["riverdriver/*/migration/*", "rivermigrate/migration/*"], 10),
    "getfider/fider": ("Go/SQL", ["migrations/*.sql"], 16),
    "dani-garcia/vaultwarden": ("Diesel SQL", ["migrations/*/up.sql"], 12),
    "LycheeOrg/Lychee": ("Laravel", ["database/migrations/*.php"], 20),
    "freescout-helpdesk/freescout": ("Laravel", ["database/migrations/*.php"], 14),
    "thingsboard/thingsboard": (
        "SQL upgrade (JVM)",
        ["application/src/main/data/upgrade/*", "dao/src/main/resources/sql/*"],
        16,
    ),
    "apache/dolphinscheduler": (
        "SQL upgrade (JVM)",
        ["dolphinscheduler-dao/src/main/resources/sql/upgrade/*"],
        14,
    ),
}
# A seventh set, "freshG": 29 more projects in none of the lists above nor in
# bench/security_precision.py (Rails 5, Django 4, Alembic 4, Prisma 2, Kysely 2, Knex 1, Go 4,
# Laravel 2, Flyway SQL 2, plain SQL 3), fixed before any of their findings was read and judged
# once on main 69c832d (`--set freshG`, labels in `*_freshG.tsv`). Out of sample like "fresh".
# Left out before picking, snapshot over the fetch limit: mastodon, chatwoot, loomio, zammad,
# zulip, addons-server, InvenTree, authentik, superset, open-webui, mlflow, zenml, dify,
# lightdash, Infisical, ToolJet, coder, gitea, PeerTube, activepieces, directus, immich (replaced
# by smaller projects of the same framework; no TypeORM project was left).
FRESHG_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "docusealco/docuseal": ("Rails", ["db/migrate/*.rb"], 16),
    "basecamp/once-campfire": ("Rails", ["db/migrate/*.rb"], 16),
    "codeforamerica/vita-min": ("Rails", ["db/migrate/*.rb"], 16),
    "alphagov/signon": ("Rails", ["db/migrate/*.rb"], 16),
    "helpyio/helpy": ("Rails", ["db/migrate/*.rb"], 16),
    "nyaruka/rapidpro": ("Django", ["temba/*/migrations/*.py"], 18),
    "mozilla/kitsune": ("Django", ["kitsune/*/migrations/*.py"], 16),
    "python/pythondotorg": ("Django", ["apps/*/migrations/*.py", "*/migrations/*.py"], 16),
    "umap-project/umap": ("Django", ["umap/migrations/*.py"], 16),
    "pypi/warehouse": ("Alembic", ["warehouse/migrations/versions/*.py"], 18),
    "openstack/keystone": ("Alembic", ["keystone/common/sql/migrations/versions/*"], 12),
    "freedomofpress/securedrop": ("Alembic", ["securedrop/alembic/versions/*.py"], 14),
    "fedora-infra/bodhi": ("Alembic", ["*bodhi/server/migrations/versions/*.py"], 16),
    "civitai/civitai": (
        "Prisma",
        ["packages/civitai-db-schema/prisma/migrations/*", "prisma/migrations/*"],
        18,
    ),
    "baptisteArno/typebot.io": ("Prisma", ["packages/prisma/postgresql/migrations/*"], 16),
    "bluesky-social/atproto": ("Kysely", ["packages/*/db/migrations/*"], 18),
    "docmost/docmost": ("Kysely", ["apps/server/src/database/migrations/*"], 16),
    "MoveOnOrg/Spoke": ("Knex", ["migrations/*.js"], 14),
    "stashapp/stash": ("Go/SQL", ["pkg/sqlite/migrations/*"], 16),
    "go-shiori/shiori": ("Go/SQL", ["internal/database/migrations/*"], 12),
    "matrix-org/dendrite": (
        "Go/SQL",
        ["*/storage/postgres/deltas/*", "*/storage/sqlite3/deltas/*"],
        14,
    ),
    "pocket-id/pocket-id": ("Go/SQL", ["backend/resources/migrations/*"], 16),
    "HDInnovations/UNIT3D-Community-Edition": ("Laravel", ["database/migrations/*.php"], 18),
    "pelican-dev/panel": ("Laravel", ["database/migrations/*.php"], 16),
    "conductor-oss/conductor": ("Flyway SQL", ["*/src/main/resources/db/*.sql"], 14),
    "ehrbase/ehrbase": ("Flyway SQL", ["*/db/migration/*.sql"], 16),
    "element-hq/synapse": ("SQL", ["synapse/storage/schema/*/delta/*"], 18),
    "rust-lang/crates.io": ("Diesel SQL", ["migrations/*/up.sql"], 18),
    "rust-lang/docs.rs": (
        "SQL (sqlx)",
        ["crates/lib/docs_rs_database/migrations/*", "migrations/*"],
        16,
    ),
}
# An eighth set, "freshH": 22 more projects in none of the lists above nor in
# bench/security_precision.py nor the Kysely labels (Rails 3, Django 3, Alembic 3, Prisma 2,
# TypeORM 2, Go 3, Laravel 2, Liquibase 1, SQL upgrade scripts on the JVM 2, Diesel SQL 1), fixed
# before any of their findings was read and judged once on main d6356f7 (`--set freshH`, labels
# in `*_freshH.tsv`). Out of sample like "fresh". Left out before picking, snapshot over the
# fetch limit: consul, decidim, pretix, weblate, skypilot, Ghost, windmill (replaced by smaller
# projects of the same framework; no Knex project was left).
FRESHH_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "otwcode/otwarchive": ("Rails", ["db/migrate/*.rb"], 18),
    "alphagov/email-alert-api": ("Rails", ["db/migrate/*.rb"], 16),
    "sharetribe/sharetribe": ("Rails", ["db/migrate/*.rb"], 16),
    "mozilla/pontoon": ("Django", ["pontoon/*/migrations/*.py"], 18),
    "DMOJ/online-judge": ("Django", ["judge/migrations/*.py"], 14),
    "CenterForOpenScience/osf.io": (
        "Django",
        ["osf/migrations/*.py", "addons/*/migrations/*.py"],
        18,
    ),
    "openstack/ironic": ("Alembic", ["ironic/db/sqlalchemy/alembic/versions/*.py"], 16),
    "openstack/neutron": ("Alembic", ["neutron/db/migration/alembic_migrations/versions/*"], 16),
    "cgwire/zou": ("Alembic", ["zou/migrations/versions/*.py"], 16),
    "dittofeed/dittofeed": (
        "Prisma/Drizzle SQL",
        ["packages/backend-lib/drizzle/*.sql", "packages/backend-lib/prisma/migrations/*"],
        16,
    ),
    "diced/zipline": ("Prisma", ["prisma/migrations/*"], 14),
    "gristlabs/grist-core": ("TypeORM", ["app/gen-server/migration/*"], 16),
    "sct/overseerr": ("TypeORM", ["server/migration/*"], 14),
    "concourse/concourse": ("Go/SQL", ["atc/db/migration/migrations/*"], 18),
    "openmeterio/openmeter": ("Go/SQL", ["tools/migrate/migrations/*"], 18),
    "Permify/permify": ("Go/goose", ["internal/storage/postgres/migrations/*"], 10),
    "laravelio/laravel.io": ("Laravel", ["database/migrations/*.php"], 14),
    "flarum/framework": (
        "Laravel",
        ["framework/core/migrations/*.php", "extensions/*/migrations/*.php"],
        16,
    ),
    "finos/waltz": ("Liquibase", ["waltz-schema/src/main/resources/liquibase/*"], 16),
    "apache/guacamole-client": (
        "SQL upgrade (JVM)",
        ["extensions/guacamole-auth-jdbc/modules/*/schema/upgrade/*"],
        14,
    ),
    "apache/ranger": (
        "SQL upgrade (JVM)",
        ["security-admin/db/postgres/patches/*", "security-admin/db/mysql/patches/*"],
        16,
    ),
    "chirpstack/chirpstack": (
        "Diesel SQL",
        ["chirpstack/migrations_postgres/*/up.sql", "chirpstack/migrations_sqlite/*/up.sql"],
        14,
    ),
}
# A ninth set, "freshI": 23 more projects in none of the lists above nor in
# bench/security_precision.py nor the Kysely labels (Rails 3, Django 3, Alembic 3, Prisma 1,
# Drizzle 1, Go 3, Laravel 2, Flyway/Liquibase on the JVM 3, Rust 2, plain SQL updates 2), fixed
# before any of their findings was read and judged once on main c767766 (`--set freshI`, labels
# in `*_freshI.tsv`). Out of sample like "fresh". Left out before picking, snapshot over the
# fetch limit or not to be had: open-build-service, vets-api, ietf datatracker, hyperswitch,
# theodinproject (replaced by smaller projects of the same framework; no Knex/Sequelize project).
FRESHI_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "publiclab/plots2": ("Rails", ["db/migrate/*.rb"], 14),
    "autolab/Autolab": ("Rails", ["db/migrate/*.rb"], 14),
    "alphagov/content-data-api": ("Rails", ["db/migrate/*.rb"], 16),
    "openedx/course-discovery": ("Django", ["course_discovery/apps/*/migrations/*.py"], 16),
    "allegro/ralph": ("Django", ["src/ralph/*/migrations/*.py"], 14),
    "archesproject/arches": ("Django", ["arches/app/models/migrations/*.py"], 14),
    "hasgeek/funnel": ("Alembic", ["migrations/versions/*.py"], 16),
    "SwissDataScienceCenter/renku-data-services": (
        "Alembic",
        ["components/renku_data_services/migrations/versions/*.py"],
        16,
    ),
    "openstack/octavia": ("Alembic", ["octavia/db/migration/alembic_migrations/versions/*.py"], 14),
    "Shelf-nu/shelf.nu": (
        "Prisma",
        ["packages/database/prisma/migrations/*", "app/database/migrations/*"],
        16,
    ),
    "openstatusHQ/openstatus": ("Drizzle SQL", ["packages/db/drizzle/*.sql"], 14),
    "hashicorp/boundary": ("Go/SQL", ["internal/db/schema/migrations/oss/postgres/*"], 16),
    "frain-dev/convoy": ("Go/SQL", ["sql/*.sql"], 16),
    "juanfont/headscale": ("Go/gorm", ["hscontrol/db/db.go", "hscontrol/db/schema.sql"], 14),
    "krayin/laravel-crm": ("Laravel", ["packages/Webkul/*/src/Database/Migrations/*.php"], 14),
    "InvoiceShelf/InvoiceShelf": ("Laravel", ["database/migrations/*.php"], 16),
    "DSpace/DSpace": (
        "Flyway SQL",
        ["dspace-api/src/main/resources/org/dspace/storage/rdbms/sqlmigration/postgres/*"],
        14,
    ),
    "OHDSI/WebAPI": ("Flyway SQL", ["src/main/resources/db/migration/postgresql/*"], 16),
    "DependencyTrack/hyades-apiserver": (
        "Liquibase/Flyway",
        ["migration/src/main/resources/*"],
        16,
    ),
    "oxidecomputer/omicron": ("Diesel SQL (CockroachDB)", ["schema/crdb/*"], 14),
    "element-hq/matrix-authentication-service": (
        "sqlx SQL",
        ["crates/storage-pg/migrations/*.sql"],
        16,
    ),
    "metabrainz/musicbrainz-server": ("SQL updates", ["admin/sql/updates/*"], 16),
    "metabrainz/listenbrainz-server": (
        "SQL updates",
        ["admin/sql/updates/*", "admin/timescale/updates/*"],
        16,
    ),
}
# A tenth set, "freshJ" (session 2026-12-06): 18 more projects in none of the lists above nor
# in bench/security_precision.py nor the Kysely labels (Rails 2, Django 3, Alembic 2, Prisma 1,
# TypeORM 1, JS own migrations 1, Go 3, Laravel/October 2, Flyway SQL 2, PHP SQL schema versions
# 1), fixed before any of their findings was read and judged once on main aa7df26 (`--set
# freshJ`, labels in `*_freshJ.tsv`). Out of sample like "fresh". Dub has no migration files
# (`prisma db push` on PlanetScale): its Prisma schema files are what is picked. Jackson and
# actual-server have fewer migration commits than asked for; all of them are taken.
FRESHJ_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "alphagov/e-petitions": ("Rails", ["db/migrate/*.rb"], 16),
    "thoughtbot/upcase": ("Rails", ["db/migrate/*.rb"], 14),
    "kobotoolbox/kpi": (
        "Django",
        ["kpi/migrations/*.py", "kobo/apps/*/migrations/*.py", "hub/migrations/*.py"],
        16,
    ),
    "peeringdb/peeringdb": ("Django", ["src/peeringdb_server/migrations/*.py"], 14),
    "openwisp/openwisp-controller": ("Django", ["openwisp_controller/*/migrations/*.py"], 14),
    "dstackai/dstack": ("Alembic", ["src/dstack/_internal/server/migrations/versions/*.py"], 16),
    "jupyterhub/jupyterhub": ("Alembic", ["jupyterhub/alembic/versions/*.py"], 14),
    "dubinc/dub": (
        "Prisma",
        ["apps/web/prisma/schema/*.prisma", "packages/prisma/schema/*.prisma"],
        16,
    ),
    "boxyhq/jackson": ("TypeORM", ["npm/migration/*", "migration/*"], 16),
    "actualbudget/actual-server": ("JS/SQL", ["migrations/*"], 16),
    "superseriousbusiness/gotosocial": ("Go/bun", ["internal/db/bundb/migrations/*"], 16),
    "usefathom/fathom": ("Go/SQL", ["pkg/datastore/sqlstore/migrations/*"], 16),
    "pufferpanel/pufferpanel": ("Go/gorm", ["database/migrate.go"], 14),
    "Attendize/Attendize": ("Laravel", ["database/migrations/*.php"], 14),
    "wintercms/winter": ("Laravel", ["modules/*/database/migrations/*.php"], 14),
    "IQSS/dataverse": ("Flyway SQL", ["src/main/resources/db/migration/*"], 16),
    "openremote/openremote": (
        "Flyway SQL",
        ["manager/src/main/resources/org/openremote/manager/setup/database/*"],
        16,
    ),
    "kanboard/kanboard": ("PHP/SQL", ["app/Schema/*.php", "app/Schema/Sql/*.sql"], 14),
}
# An eleventh set, "freshK" (session 2026-12-06 evening): 12 more projects in none of the lists
# above nor in bench/security_precision.py nor the Kysely labels (Rails 2, Django 1, Alembic 2,
# Prisma 1, Drizzle 1, Go 3, Laravel 1, Flyway SQL 1), fixed before any of their findings was
# read and judged once on main aa7df26 (`--set freshK`, labels in `*_freshK.tsv`). Out of sample
# like "fresh". Unkey has no migration files (`drizzle-kit push` on PlanetScale): its Drizzle
# schema files and the MySQL schema generated from them are what is picked. sftpgo keeps its
# schema and upgrades as SQL inside the Go files of its data provider; photoview and
# statping-ng migrate with gorm AutoMigrate from their model structs.
FRESHK_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "ministryofjustice/Claim-for-Crown-Court-Defence": ("Rails", ["db/migrate/*.rb"], 16),
    "alphagov/transition": ("Rails", ["db/migrate/*.rb"], 16),
    "learningequality/kolibri": (
        "Django",
        ["kolibri/core/*/migrations/*.py", "kolibri/plugins/*/migrations/*.py"],
        16,
    ),
    "fossasia/open-event-server": ("Alembic", ["migrations/versions/*.py"], 16),
    "openstack/manila": ("Alembic", ["manila/db/migrations/alembic/versions/*.py"], 16),
    "amplication/amplication": ("Prisma", ["packages/*/prisma/migrations/*"], 16),
    "unkeyed/unkey": (
        "Drizzle",
        [
            "web/internal/db/src/schema/*.ts",
            "internal/db/src/schema/*.ts",
            "pkg/mysql/schema/*.sql",
        ],
        16,
    ),
    "drakkan/sftpgo": (
        "Go/SQL",
        [
            "*dataprovider/pgsql.go",
            "*dataprovider/mysql.go",
            "*dataprovider/sqlite.go",
            "*dataprovider/cockroachdb.go",
        ],
        16,
    ),
    "photoview/photoview": ("Go/gorm", ["api/database/*.go", "api/graphql/models/*.go"], 16),
    "statping-ng/statping-ng": (
        "Go/gorm",
        [
            "types/configs/migration.go",
            "types/configs/latest_sql.go",
            "database/database.go",
            "types/*/struct.go",
        ],
        16,
    ),
    "tastyigniter/TastyIgniter": (
        "Laravel",
        ["app/*/database/migrations/*.php", "database/migrations/*.php"],
        16,
    ),
    "dhis2/dhis2-core": (
        "Flyway SQL",
        [
            "dhis-2/dhis-support/dhis-support-db-migration/src/main/resources/org/hisp/dhis/db/migration/*"
        ],
        16,
    ),
}
# A twelfth set, "freshL" (session 2026-12-06 evening): 9 more projects in none of the lists
# above nor in bench/security_precision.py nor the Kysely labels (Rails 1, Django 1, Drizzle 1,
# Prisma 1, EF Core 1, SQLite upgrade scripts in C# 1, SQL scripts in Java 1, PHP with SQL
# install/upgrade 2), fixed before any of their findings was read and judged once on main aa7df26
# (`--set freshL`, labels in `*_freshL.tsv`). Out of sample like "fresh". thinkgem/jeesite was
# dropped: its tree and history hold no migration, schema or SQL file (the Vue front end only).
# Keystone has no migrations of its own: the Prisma schemas its examples and tests generate are
# what is picked. OpenCart migrates in PHP upgrade steps beside its install SQL; Typecho in
# `Upgrade.php` beside its install SQL per database.
FRESHL_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "alphagov/link-checker-api": ("Rails", ["db/migrate/*.rb"], 16),
    "etesync/server": ("Django", ["*/migrations/*.py"], 16),
    "homarr-labs/homarr": ("Drizzle", ["packages/db/migrations/*", "packages/db/schema/*"], 16),
    "keystonejs/keystone": ("Prisma", ["*schema.prisma", "*/migrations/*.sql"], 16),
    "Webreaper/Damselfly": ("EF Core", ["Damselfly.Migrations.Sqlite/Migrations/*.cs"], 16),
    "duplicati/duplicati": (
        "C#/SQLite",
        ["*Database schema/*.sql", "Duplicati/Library/SQLiteHelper/DBSchemaUpgrades/*.cs"],
        16,
    ),
    "JPressProjects/jpress": (
        "Java/SQL",
        ["*/install/sqls/*.sql", "*/resources/sql/*.sql", "*Upgrader.java"],
        16,
    ),
    "opencart/opencart": (
        "PHP/SQL",
        [
            "upload/install/*.sql",
            "upload/install/controller/upgrade/*.php",
            "upload/system/helper/db_schema.php",
        ],
        16,
    ),
    "typecho/typecho": (
        "PHP/SQL",
        ["install/*.sql", "var/Utils/Upgrade.php", "var/Upgrade.php", "var/Widget/Upgrade.php"],
        16,
    ),
}
# A thirteenth set, "freshN" (session 2026-12-06 night): 10 more projects in none of the lists
# above nor in bench/security_precision.py nor the Kysely labels (Rails 2, Django 2, Alembic 1,
# Knex 1, Go/SQL 1, Prisma 1, Laravel 1, Flyway SQL 1), hosted services with real tables, fixed
# before any of their findings was read and judged once on main 0f47f54 (`--set freshN`, labels
# in `*_freshN.tsv`). Out of sample like "fresh". Larger candidates (Mastodon, Chatwoot, Zulip,
# InvenTree, MLflow, Lightdash, Coder, LobeChat, Directus, PeerTube, Ghost) were over the
# snapshot size limit; codidact/qpixel and chartbrew/chartbrew were left to the security set N.
# GoatCounter keeps a PostgreSQL and a SQLite file per migration (and Go ones under gomig/).
FRESHN_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "alphagov/local-links-manager": ("Rails", ["db/migrate/*.rb"], 16),
    "ministryofjustice/laa-apply-for-legal-aid": ("Rails", ["db/migrate/*.rb"], 16),
    "uktrade/data-hub-api": ("Django", ["datahub/*/migrations/*.py"], 16),
    "DemocracyClub/EveryElection": ("Django", ["every_election/apps/*/migrations/*.py"], 16),
    "fedora-infra/anitya": ("Alembic", ["anitya/db/migrations/versions/*.py"], 16),
    "mozilla/blurts-server": ("Knex", ["src/db/migrations/*"], 16),
    "arp242/goatcounter": ("Go/SQL", ["db/migrate/*"], 16),
    "unsend-dev/unsend": (
        "Prisma",
        ["apps/web/prisma/migrations/*", "apps/web/prisma/schema.prisma"],
        16,
    ),
    "pinkary-project/pinkary.com": ("Laravel", ["database/migrations/*.php"], 16),
    "alfio-event/alf.io": ("Flyway SQL", ["src/main/resources/alfio/db/*"], 16),
}
# A fourteenth set, "freshO" (session 2026-12-06 night): 14 more projects in none of the lists
# above nor in bench/security_precision.py nor the Kysely labels nor any bench/labels/*.tsv
# (Rails 3, Django 3, Alembic 2, Knex 2, Go/SQL 2, Prisma 1, Laravel 1), hosted services and
# widely deployed products with real tables, fixed before any of their findings was read and
# judged once on main 2b3dec5 (`--set freshO`, labels in `*_freshO.tsv`). Out of sample like
# "fresh". Larger candidates (apply-for-teacher-training, addons-server, pretix, Infisical,
# ToolJet, Misskey, Activepieces, ZITADEL, Twenty, Immich) were over the snapshot size limit;
# snipe-it had no snapshot; lakeFS (KV since 2021), Clair (migrations moved to claircore) and
# stellar-horizon (history cut at the split) had too few migration commits.
FRESHO_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "18F/identity-idp": ("Rails", ["db/primary_migrate/*.rb", "db/worker_jobs_migrate/*.rb"], 16),
    "DFE-Digital/teaching-vacancies": ("Rails", ["db/migrate/*.rb"], 16),
    "alphagov/content-store": ("Rails", ["db/migrate/*.rb"], 16),
    "DemocracyClub/WhoCanIVoteFor": ("Django", ["wcivf/apps/*/migrations/*.py"], 16),
    "mozilla/experimenter": ("Django", ["experimenter/experimenter/*/migrations/*.py"], 16),
    "uktrade/lite-api": ("Django", ["api/*/migrations/*.py"], 16),
    "ethyca/fides": ("Alembic", ["src/fides/api/alembic/migrations/versions/*.py"], 16),
    "alephdata/aleph": ("Alembic", ["aleph/migrate/versions/*.py"], 16),
    "laurent22/joplin": ("Knex", ["packages/server/src/migrations/*"], 16),
    "plankanban/planka": ("Knex", ["server/db/migrations/*"], 16),
    "ovh/cds": ("Go/SQL", ["engine/sql/api/*.sql", "engine/sql/cdn/*.sql"], 16),
    "quay/claircore": ("Go/SQL", ["datastore/postgres/migrations/*"], 16),
    "stack-auth/stack-auth": (
        "Prisma",
        ["apps/backend/prisma/migrations/*", "apps/backend/prisma/schema.prisma"],
        16,
    ),
    "HiEventsDev/Hi.Events": ("Laravel", ["backend/database/migrations/*.php"], 16),
}
# A fifteenth set, "freshP" (session 2026-12-06 night): 14 more projects in none of the lists
# above nor in bench/security_precision.py nor the Kysely labels nor any bench/labels/*.tsv
# (Rails 3, Django 3, Alembic 2, Knex 1, TypeORM 1, Go/SQL 2, Drizzle 1, Laravel 1), hosted
# services and widely deployed products with real tables, fixed before any of their findings was
# read and judged once on main d87d154 (`--set freshP`, labels in `*_freshP.tsv`). Out of sample
# like "fresh". Larger candidates (rilldata/rill, uktrade/great-cms, langflow) were over the
# snapshot size limit; openpanel had no snapshot; alphagov/support-api, openstack/glance,
# openstack/heat, fedora-infra/datanommer, fedora-infra/mirrormanager2, bitcart and
# mojaloop/account-lookup-service had too few (or only years-old) migration commits, and
# Leantime keeps no migration files. CourtListener writes a `.sql` file beside each Django
# migration (applied by hand in production); inngest's SQL migrations moved from
# pkg/cqrs/base_cqrs to pkg/db in 2025.
FRESHP_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "DFE-Digital/register-trainee-teachers": ("Rails", ["db/migrate/*.rb"], 16),
    "DFE-Digital/claim-additional-payments-for-teaching": ("Rails", ["db/migrate/*.rb"], 16),
    "DFE-Digital/publish-teacher-training": ("Rails", ["db/migrate/*.rb"], 16),
    "DemocracyClub/yournextrepresentative": ("Django", ["ynr/apps/*/migrations/*.py"], 16),
    "freelawproject/courtlistener": ("Django", ["cl/*/migrations/*"], 16),
    "babybuddy/babybuddy": ("Django", ["*/migrations/*.py"], 16),
    "sartography/spiff-arena": (
        "Alembic",
        ["spiffworkflow-backend/migrations/versions/*.py"],
        16,
    ),
    "mage-ai/mage-ai": ("Alembic", ["mage_ai/orchestration/db/migrations/versions/*.py"], 16),
    "mojaloop/central-ledger": ("Knex", ["migrations/*.js"], 16),
    "kresusapp/kresus": ("TypeORM", ["server/models/migrations/*.ts"], 16),
    "formancehq/ledger": (
        "Go/SQL",
        ["internal/storage/bucket/migrations/*", "internal/storage/system/migrations.go"],
        16,
    ),
    "inngest/inngest": (
        "Go/SQL",
        [
            "pkg/db/postgres/migrations/*",
            "pkg/db/sqlite/migrations/*",
            "pkg/cqrs/base_cqrs/migrations/*",
        ],
        16,
    ),
    "karakeep-app/karakeep": ("Drizzle SQL", ["packages/db/drizzle/*.sql"], 16),
    "alexjustesen/speedtest-tracker": ("Laravel", ["database/migrations/*.php"], 16),
}
# A sixteenth set, "freshQ" (session 2026-12-07 night): 14 more projects in none of the lists
# above nor in bench/security_precision.py nor the Kysely labels nor any bench/labels/*.tsv
# (Rails 3, Django 3, Alembic 2, Knex 1, Prisma 1, Go/SQL 2, Laravel 1, Flyway SQL 1), hosted
# services and widely deployed products with real tables, fixed before any of their findings was
# read and judged once on main 18859b1 (`--set freshQ`, labels in `*_freshQ.tsv`). Out of sample
# like "fresh". Larger candidates (n8n, nocodb, litellm) were over the snapshot size limit;
# AFFiNE (38 migration commits, the stored snapshot ending in 2024), pupilfirst, cadence,
# PeerDB, Marquez and 2FAuth were fetched and left as alternates. keygen-api's `app/migrations`
# are API-version request migrations, not schema: only `db/migrate` is picked. Bytebase's
# migrations are for its own metadata database (PostgreSQL), one folder per release.
FRESHQ_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "keygen-sh/keygen-api": ("Rails", ["db/migrate/*.rb"], 16),
    "openHPI/codeocean": ("Rails", ["db/migrate/*.rb"], 16),
    "theforeman/foreman": ("Rails", ["db/migrate/*.rb"], 16),
    "mozilla/fx-private-relay": ("Django", ["*/migrations/*.py"], 16),
    "TabbycatDebate/tabbycat": ("Django", ["tabbycat/*/migrations/*.py"], 16),
    "zestedesavoir/zds-site": ("Django", ["zds/*/migrations/*.py"], 16),
    "alphagov/notifications-api": ("Alembic", ["migrations/versions/*.py"], 16),
    "hypothesis/h": ("Alembic", ["h/migrations/versions/*.py"], 16),
    "rajnandan1/kener": ("Knex", ["migrations/*"], 16),
    "webstudio-is/webstudio": ("Prisma", ["packages/prisma-client/prisma/migrations/*"], 16),
    "target/goalert": ("Go/SQL", ["migrate/migrations/*"], 16),
    "bytebase/bytebase": ("Go/SQL", ["backend/migrator/migration/*"], 16),
    "vitodeploy/vito": ("Laravel", ["database/migrations/*.php"], 16),
    "booklore-app/booklore": (
        "Flyway SQL",
        ["booklore-api/src/main/resources/db/migration/*"],
        16,
    ),
}
# A seventeenth set, "freshR" (session 2026-12-07 night): 14 more projects in none of the lists
# above nor in bench/security_precision.py nor the Kysely labels nor any bench/labels/*.tsv
# (Rails 3, Django 3, Alembic 2, Sequelize 1, TypeORM 1, Go/SQL 2, Laravel 1, Flyway SQL 1), hosted
# services and widely deployed products with real tables, fixed before any of their findings was
# read and judged once on main 18859b1 (`--set freshR`, labels in `*_freshR.tsv`). Out of sample
# like "fresh". Over the snapshot size limit: cvat, argilla, fleet, mattermost, OpenOLAT, galaxy;
# gumroad's public history is one squashed commit; mlrun (stored snapshot ending in 2024) and
# Ghostwriter were fetched and left as alternates. ManageIQ keeps its schema migrations in the
# separate manageiq-schema gem; openlane writes each Atlas migration twice (db/migrations and a
# goose copy): only the Atlas folder is picked.
FRESHR_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "ManageIQ/manageiq-schema": ("Rails", ["db/migrate/*.rb"], 16),
    "Katello/katello": ("Rails", ["db/migrate/*.rb"], 16),
    "o19s/quepid": ("Rails", ["db/migrate/*.rb"], 16),
    "mitodl/mitxonline": ("Django", ["*/migrations/*.py"], 16),
    "ephios-dev/ephios": ("Django", ["*/migrations/*.py"], 16),
    "liqd/a4-meinberlin": ("Django", ["meinberlin/apps/*/migrations/*.py"], 16),
    "SamR1/FitTrackee": ("Alembic", ["fittrackee/migrations/versions/*.py"], 16),
    "buildbot/buildbot": ("Alembic", ["master/buildbot/db/migrations/versions/*.py"], 16),
    "metriport/metriport": ("Sequelize", ["packages/api/src/sequelize/migrations/*"], 16),
    "ever-co/ever-gauzy": ("TypeORM", ["packages/core/src/lib/database/migrations/*"], 16),
    "theopenlane/core": ("Go/SQL", ["db/migrations/*"], 16),
    "hoophq/hoop": ("Go/SQL", ["gateway/migrations/*", "rootfs/app/migrations/*"], 16),
    "owlchester/kanka": ("Laravel", ["database/migrations/*.php"], 16),
    "apache/hertzbeat": ("Flyway SQL", ["*/src/main/resources/db/migration/*"], 16),
}
# An eighteenth set, "freshS" (session 2026-12-07 night): 14 more projects in none of the lists
# above nor in bench/security_precision.py nor the Kysely labels nor any bench/labels/*.tsv
# (Rails 3, Django 3, Alembic 2, Knex 1, Prisma 1, Go/SQL 2, Laravel 1, Flyway SQL 1), hosted
# services and widely deployed products with real tables, fixed before any of their findings was
# read and judged once on main 3e54ebf9 (`--set freshS`, labels in `*_freshS.tsv`). Out of sample
# like "fresh". Over the snapshot size limit: airflow, cal.com; processmaker could not be had;
# jitsu (no Prisma migrations, `db push`), plunk (3 migration commits) and bigcapital (its
# newest migration commits copy or move the whole migrations folder) were fetched and left
# as alternates. Nova's Alembic history starts in 2021 (its two initial migrations are among
# the 16).
FRESHS_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "pglombardo/PasswordPusher": ("Rails", ["db/migrate/*.rb"], 16),
    "DFE-Digital/early-careers-framework": ("Rails", ["db/migrate/*.rb"], 16),
    "ministryofjustice/hmpps-book-secure-move-api": ("Rails", ["db/migrate/*.rb"], 16),
    "cisagov/manage.get.gov": ("Django", ["src/registrar/migrations/*.py"], 16),
    "CMSgov/bluebutton-web-server": ("Django", ["apps/*/migrations/*.py"], 16),
    "openedx/enterprise-catalog": ("Django", ["enterprise_catalog/apps/*/migrations/*.py"], 16),
    "onyx-dot-app/onyx": (
        "Alembic",
        ["backend/alembic/versions/*.py", "backend/alembic_tenants/versions/*.py"],
        16,
    ),
    "openstack/nova": (
        "Alembic",
        ["nova/db/main/migrations/versions/*.py", "nova/db/api/migrations/versions/*.py"],
        16,
    ),
    "getodk/central-backend": ("Knex", ["lib/model/migrations/*"], 16),
    "sourcebot-dev/sourcebot": ("Prisma", ["packages/db/prisma/migrations/*"], 16),
    "StevenWeathers/thunderdome-planning-poker": ("Go/SQL", ["internal/db/migrations/*"], 16),
    "nucleuscloud/neosync": ("Go/SQL", ["backend/sql/postgresql/schema/*"], 16),
    "relaticle/relaticle": ("Laravel", ["database/migrations/*.php"], 16),
    "fecgov/openFEC": ("Flyway SQL", ["data/migrations/*"], 16),
}
# A nineteenth set, "freshT" (session 2026-12-07 morning): 14 more projects in none of the lists
# above nor in bench/security_precision.py nor the Kysely labels nor any bench/labels/*.tsv
# (Rails 3, Django 3, Alembic 2, Knex 1, TypeORM 1, Prisma 1, Go/SQL 2, Laravel 1), hosted
# services and widely deployed products with real tables, fixed before any of their findings was
# read and judged once on main 7e157cca (`--set freshT`, labels in `*_freshT.tsv`). Out of sample
# like "fresh". Over the snapshot size limit: librenms; mozilla-services/socorro (its newest 16
# Django migration commits go back to 2019) was fetched and left as an alternate. Spacebar moved
# its PostgreSQL migrations from src/util to src/database (both picked); UnoPim keeps most of its
# migrations in its Webkul packages.
FRESHT_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "DFE-Digital/npq-registration": ("Rails", ["db/migrate/*.rb"], 16),
    "hackclub/hackatime": ("Rails", ["db/migrate/*.rb"], 16),
    "WikiEducationFoundation/WikiEduDashboard": ("Rails", ["db/migrate/*.rb"], 16),
    "openedx/credentials": ("Django", ["credentials/apps/*/migrations/*.py"], 16),
    "learningequality/studio": ("Django", ["contentcuration/*/migrations/*.py"], 16),
    "ministryofjustice/cla_backend": ("Django", ["cla_backend/apps/*/migrations/*.py"], 16),
    "rommapp/romm": ("Alembic", ["backend/alembic/versions/*.py"], 16),
    "hotosm/tasking-manager": ("Alembic", ["migrations/versions/*.py"], 16),
    "CyferShepard/Jellystat": ("Knex", ["backend/migrations/*"], 16),
    "spacebarchat/server": (
        "TypeORM",
        ["src/util/migration/postgres/*", "src/database/migration/postgres/*"],
        16,
    ),
    "spliit-app/spliit": ("Prisma", ["prisma/migrations/*"], 16),
    "tgdrive/teldrive": ("Go/SQL", ["internal/database/migrations/*"], 16),
    "chainloop-dev/chainloop": (
        "Go/SQL",
        ["app/controlplane/pkg/data/ent/migrate/migrations/*"],
        16,
    ),
    "unopim/unopim": (
        "Laravel",
        ["database/migrations/*.php", "packages/Webkul/*/src/Database/Migrations/*.php"],
        16,
    ),
}
# A twentieth set, "freshU" (session 2026-12-07 morning): 14 more projects in none of the lists
# above nor in bench/security_precision.py nor the Kysely labels nor any bench/labels/*.tsv
# (Rails 3, Django 3, Alembic 2, Knex 1, TypeORM 1, Prisma 1, Go/SQL 2, Laravel 1), hosted
# services and widely deployed products with real tables, fixed before any of their findings was
# read and judged once on main 8e5e013a (`--set freshU`, labels in `*_freshU.tsv`). Out of sample
# like "fresh". Fetched and left as alternates, their stored snapshots ending in 2024-2025 (no
# commit in 2026): bram2w/baserow, OpenHands/OpenHands (8 migration commits), diggerhq/digger,
# lunarphp/lunar; replaced (before any pick was kept or anything run) by airweave, testkube,
# Azuriom and, cfpb/consumerfinance.gov being over the snapshot size limit, OpenCVE. Testkube
# has 8 migration commits (its PostgreSQL store started in 2025).
FRESHU_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "we-promise/sure": ("Rails", ["db/migrate/*.rb"], 16),
    "e621ng/e621ng": ("Rails", ["db/migrate/*.rb"], 16),
    "antiwork/flexile": ("Rails", ["backend/db/migrate/*.rb"], 16),
    "opencve/opencve": ("Django", ["*/migrations/*.py"], 16),
    "mitodl/mit-learn": ("Django", ["*/migrations/*.py"], 16),
    "e-valuation/EvaP": ("Django", ["evap/*/migrations/*.py"], 16),
    "airweave-ai/airweave": ("Alembic", ["backend/alembic/versions/*.py"], 16),
    "mindsdb/mindsdb": ("Alembic", ["mindsdb/migrations/versions/*.py"], 16),
    "NangoHQ/nango": ("Knex", ["packages/database/lib/migrations/*"], 16),
    "gitpod-io/gitpod": ("TypeORM", ["components/gitpod-db/src/typeorm/migration/*"], 16),
    "msgbyte/tianji": ("Prisma", ["src/server/prisma/migrations/*"], 16),
    "kubeshop/testkube": ("Go/SQL", ["pkg/database/postgres/migrations/*"], 16),
    "bitmagnet-io/bitmagnet": ("Go/SQL", ["migrations/*"], 16),
    "Azuriom/Azuriom": ("Laravel", ["database/migrations/*.php"], 16),
}
# A twenty-first set, "freshV" (session 2026-12-07 morning): 14 more projects in none of the lists
# above nor in bench/security_precision.py nor the Kysely labels nor any bench/labels/*.tsv
# (Rails 3, Django 3, Alembic 2, Knex 1, TypeORM 1, Prisma 1, Go/SQL 2, Laravel 1), hosted
# services and widely deployed products with real tables, fixed before any of their findings was
# read and judged once on main 4cd93323 (`--set freshV`, labels in `*_freshV.tsv`). Out of sample
# like "fresh". Fetched and left as an alternate, its stored snapshot ending in September 2025 (no
# commit in 2026): 1Panel-dev/MaxKB, replaced (before anything was picked or run) by ocw-studio.
FRESHV_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "DFE-Digital/apply-for-qualified-teacher-status": ("Rails", ["db/migrate/*.rb"], 16),
    "alphagov/collections-publisher": ("Rails", ["db/migrate/*.rb"], 16),
    "rubyforgood/skillrx": ("Rails", ["db/migrate/*.rb"], 16),
    "openedx/edx-enterprise": ("Django", ["*/migrations/*.py"], 16),
    "openedx/enterprise-access": ("Django", ["*/migrations/*.py"], 16),
    "mitodl/ocw-studio": ("Django", ["*/migrations/*.py"], 16),
    "topoteretes/cognee": ("Alembic", ["*alembic/versions/*.py"], 16),
    "RedHatInsights/insights-host-inventory": ("Alembic", ["migrations/versions/*.py"], 16),
    "logchimp/logchimp": ("Knex", ["*database/migrations/*"], 16),
    "daytonaio/daytona": ("TypeORM", ["apps/api/src/migrations/*"], 16),
    "langwatch/langwatch": ("Prisma", ["*prisma/migrations/*"], 16),
    "databasus/databasus": ("Go/SQL", ["backend/migrations/*"], 16),
    "Cap-go/capgo": ("Go/SQL", ["supabase/migrations/*.sql"], 16),
    "aureuserp/aureuserp": (
        "Laravel",
        ["database/migrations/*.php", "plugins/*/database/migrations/*.php"],
        16,
    ),
}
# A twenty-second set, "freshW" (session 2026-12-07 late morning): 14 more projects in none of
# the lists above nor in bench/security_precision.py nor the Kysely labels nor any
# bench/labels/*.tsv (Rails 3, Django 3, Alembic 2, Knex 1, TypeORM 1, Prisma 1, Go/SQL 2,
# Laravel 1), hosted public services and widely deployed products with real tables, fixed before
# any of their findings was read and judged once on main e1f6baae (`--set freshW`, labels in
# `*_freshW.tsv`). Out of sample like "fresh". Fetched and left as alternates, their stored
# snapshots ending before 2026: betagouv/rdv-service-public (October 2024) and JhumanJ/OpnForm
# (November 2025); pass-culture/pass-culture-main being over the snapshot size limit, the three
# were replaced (before anything was picked or run) by offender-management-allocation-manager,
# novapackages and honcho.
FRESHW_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "demarches-simplifiees/demarches-simplifiees.fr": ("Rails", ["db/migrate/*.rb"], 16),
    "ministryofjustice/offender-management-allocation-manager": ("Rails", ["db/migrate/*.rb"], 16),
    "DFE-Digital/register-early-career-teachers-public": ("Rails", ["db/migrate/*.rb"], 16),
    "gip-inclusion/les-emplois": ("Django", ["*/migrations/*.py"], 16),
    "betagouv/ma-cantine": ("Django", ["*/migrations/*.py"], 16),
    "alphagov/accessibility-monitoring-platform": ("Django", ["*/migrations/*.py"], 16),
    "cds-snc/notification-api": ("Alembic", ["migrations/versions/*.py"], 16),
    "plastic-labs/honcho": ("Alembic", ["migrations/versions/*.py"], 16),
    "DEFRA/water-abstraction-system": ("Knex", ["db/migrations/*"], 16),
    "SocialGouv/domifa": ("TypeORM", ["packages/backend/src/_migrations/*"], 16),
    "MTES-MCT/trackdechets": ("Prisma", ["*prisma/migrations/*", "*prisma/src/migrations/*"], 16),
    "letsencrypt/boulder": (
        "Go/SQL",
        ["sa/db*/boulder_sa/*.sql", "sa/db*/incidents_sa/*.sql", "sa/_db*/migrations/*.sql"],
        16,
    ),
    "ministryofjustice/opg-sirius-supervision-finance-hub": ("Go/SQL", ["migrations/*"], 16),
    "tighten/novapackages": ("Laravel", ["database/migrations/*.php"], 16),
}
# A twenty-third set, "freshX" (session 2026-12-07 noon): 13 more projects in none of the lists
# above nor in bench/security_precision.py nor the Kysely labels nor any bench/labels/*.tsv
# (Rails 3, Django 3, Alembic 2, Knex 1, TypeORM 1, Prisma 1, Go/SQL 1, Laravel 1), hosted
# public services and widely deployed products with real tables, fixed before any of their
# findings was read and judged once on main 052ef552 (`--set freshX`, labels in `*_freshX.tsv`).
# Out of sample like "fresh". Fetched and left as alternates, their stored snapshots ending before
# 2026: betagouv/rdv-insertion (July 2024) and vanguardbackup/vanguard (November 2025);
# Helicone/helicone was refused, its snapshot being over the size limit. The fetch budget left room
# for two replacements only (bigbluebutton/greenlight and LinkStackOrg/LinkStack, fixed before
# anything was picked or run), so the set has 13 projects and one Go/SQL project.
FRESHX_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "bigbluebutton/greenlight": ("Rails", ["db/migrate/*.rb"], 16),
    "betagouv/mon-suivi-justice": ("Rails", ["db/migrate/*.rb"], 16),
    "ministryofjustice/correspondence_tool_staff": ("Rails", ["db/migrate/*.rb"], 16),
    "MTES-MCT/carbure": ("Django", ["*/migrations/*.py"], 16),
    "MTES-MCT/sparte": ("Django", ["*/migrations/*.py"], 16),
    "suitenumerique/meet": ("Django", ["*/migrations/*.py"], 16),
    "lablup/backend.ai": ("Alembic", ["*alembic/versions/*.py"], 16),
    "keylime/keylime": ("Alembic", ["*migrations/versions/*.py"], 16),
    "MTES-MCT/zero-logement-vacant": ("Knex", ["server/src/infra/database/migrations/*"], 16),
    "OneUptime/oneuptime": (
        "TypeORM",
        ["Common/Server/Infrastructure/Postgres/SchemaMigrations/*"],
        16,
    ),
    "incubateur-ademe/nosgestesclimat-server": ("Prisma", ["prisma/migrations/*"], 16),
    "graphprotocol/graph-node": ("Go/SQL", ["store/postgres/migrations/*"], 16),
    "LinkStackOrg/LinkStack": ("Laravel", ["database/migrations/*.php"], 16),
}
# A twenty-fourth set, "freshY" (session 2026-12-07 evening): 14 more projects in none of the lists
# above nor in bench/security_precision.py nor the Kysely labels nor any bench/labels/*.tsv nor
# among the snapshots already on the machine (Rails 3, Django 3, Alembic 2, Knex 1, Sequelize 1,
# Prisma 1, Go/SQL 2, Laravel 1), hosted public services and widely deployed products with real
# tables, fixed before any fetch and judged once on main d6d9eafc's installed build (`--set
# freshY`, labels in `*_freshY.tsv`). Out of sample like "fresh". Fetched and left as alternates,
# their stored snapshots ending before 2025: betagouv/jeveuxaider-back (October 2024), its first
# replacement portabilis/i-educar (October 2024) and its second InvoicePlane/InvoicePlane-v2 (an
# empty 2019 snapshot), replaced (before anything was picked or run) by Blair2004/NexoPOS.
FRESHY_PROJECTS: dict[str, tuple[str, list[str], int]] = {
    "betagouv/conseillers-entreprises": ("Rails", ["db/migrate/*.rb"], 16),
    "betagouv/aplypro": ("Rails", ["db/migrate/*.rb"], 16),
    "betagouv/datapass": ("Rails", ["backend/db/migrate/*.rb"], 16),
    "betagouv/complements-alimentaires": ("Django", ["*/migrations/*.py"], 16),
    "betagouv/gestion-des-subventions-locales": ("Django", ["*/migrations/*.py"], 16),
    "City-of-Helsinki/linkedevents": ("Django", ["*/migrations/*.py"], 16),
    "gip-inclusion/data-inclusion": ("Alembic", ["*alembic/versions/*.py"], 16),
    "communitiesuk/funding-service": ("Alembic", ["app/common/data/migrations/versions/*.py"], 16),
    "betagouv/mon-service-securise": ("Knex", ["migrations/*"], 16),
    "betagouv/a-just": ("Sequelize", ["api/src/db/migrations/*"], 16),
    "betagouv/zacharie": ("Prisma", ["*prisma/migrations/*"], 16),
    "ssoready/ssoready": ("Go/SQL", ["cmd/migrate/migrations/*", "migrate/*.sql"], 16),
    "mautrix/whatsapp": ("Go/SQL", ["pkg/connector/wadb/upgrades/*", "database/upgrades/*"], 16),
    "Blair2004/NexoPOS": ("Laravel", ["database/migrations/*.php"], 16),
}
SETS = {
    "tuned": PROJECTS,
    "holdout": HOLDOUT_PROJECTS,
    "fresh": FRESH_PROJECTS,
    "freshD": FRESHD_PROJECTS,
    "freshE": FRESHE_PROJECTS,
    "freshF": FRESHF_PROJECTS,
    "freshG": FRESHG_PROJECTS,
    "freshH": FRESHH_PROJECTS,
    "freshI": FRESHI_PROJECTS,
    "freshJ": FRESHJ_PROJECTS,
    "freshK": FRESHK_PROJECTS,
    "freshL": FRESHL_PROJECTS,
    "freshN": FRESHN_PROJECTS,
    "freshO": FRESHO_PROJECTS,
    "freshP": FRESHP_PROJECTS,
    "freshQ": FRESHQ_PROJECTS,
    "freshR": FRESHR_PROJECTS,
    "freshS": FRESHS_PROJECTS,
    "freshT": FRESHT_PROJECTS,
    "freshU": FRESHU_PROJECTS,
    "freshV": FRESHV_PROJECTS,
    "freshW": FRESHW_PROJECTS,
    "freshX": FRESHX_PROJECTS,
    "freshY": FRESHY_PROJECTS,
}
# Each set's own commits and labels files (used by `run` unless --commits/--labels say otherwise).
SET_FILES: dict[str, tuple[Path, Path]] = {
    name: (
        COMMITS.with_name(f"migration_commits{'' if name == 'tuned' else '_' + name}.tsv"),
        LABELS.with_name(f"migration_findings{'' if name == 'tuned' else '_' + name}.tsv"),
    )
    for name in SETS
}

# The held-out projects split in two BEFORE any tuning on them (alternating, in the
# order of the commits file): fixes are tuned on half A only; half B stays untouched
# and reports the out-of-sample figure (`--half A|B`).
HOLDOUT_HALVES: dict[str, str] = {repo: "AB"[i % 2] for i, repo in enumerate(HOLDOUT_PROJECTS)}


@dataclass(frozen=True)
class Row:
    rule: str
    repo: str
    commit: str
    where: str
    severity: str
    title: str


def git(repo_dir: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo_dir), *args], check=True, capture_output=True, text=True
    ).stdout


def repo_dir(mirrors: Path, repo: str) -> Path:
    return mirrors / repo.replace("/", "+") / "repo"


def pick(mirrors: Path, projects: dict[str, tuple[str, list[str], int]]) -> None:
    for repo, (_kind, specs, count) in projects.items():
        where = repo_dir(mirrors, repo)
        if not where.is_dir():
            print(f"# {repo}: not fetched", file=sys.stderr)
            continue
        out = git(where, "log", "--no-merges", "--format=%h", f"-n{count}", "--", *specs)
        for commit in out.split():
            print(f"{repo}\t{commit}")


def review(mirrors: Path, repo: str, commit: str) -> dict[str, object]:
    where = repo_dir(mirrors, repo)
    proc = subprocess.run(
        [str(_bastion), "review", "--git", f"{commit}~1..{commit}", "--repo", str(where)]
        + ["--no-llm", "--format", "json", "--fail-on", "never"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        # A snapshot can lack a blob (large files are left out): say so and go on.
        print(
            f"# {repo} {commit}: bastion exited {proc.returncode}: {proc.stderr[-300:]}",
            file=sys.stderr,
        )
        return {"stats": {"lines_reviewed": 0}, "findings": [], "notes": ["review failed"]}
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def current_id(rule_id: str) -> str:
    """The id a rule is reported under now: labels and reused reports written before a
    rule absorbed per-language ids (its `aliases`) still match its findings."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from bot.rules.loader import builtin_catalog

    return builtin_catalog().canonical(rule_id)


def read_tsv(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]


def run(
    mirrors: Path,
    tag: str,
    commits_file: Path,
    labels_file: Path,
    jobs: int = 1,
    reuse: bool = False,
    half: str | None = None,
) -> None:
    out_dir = OUT / tag
    out_dir.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    lines = 0
    per_kind_lines: Counter[str] = Counter()
    per_kind_findings: Counter[str] = Counter()
    notes: list[str] = []
    pairs = [(r[0], r[1]) for r in read_tsv(commits_file)]
    if half:
        pairs = [p for p in pairs if HOLDOUT_HALVES.get(p[0]) == half]

    def cached(pair: tuple[str, str]) -> dict[str, object] | None:
        # --reuse scores the reports of an earlier run again (after judging), without re-reviewing.
        saved = out_dir / f"{pair[0].replace('/', '+')}__{pair[1]}.json"
        if reuse and saved.exists():
            loaded: dict[str, object] = json.loads(saved.read_text(encoding="utf-8"))
            return loaded
        return None

    # Each review is a child process: a few at once, results kept in list order.
    with ThreadPoolExecutor(max_workers=max(jobs, 1)) as pool:
        reports = list(pool.map(lambda p: cached(p) or review(mirrors, *p), pairs))
    for (repo, commit), report in zip(pairs, reports, strict=True):
        (out_dir / f"{repo.replace('/', '+')}__{commit}.json").write_text(
            json.dumps(report, indent=1), encoding="utf-8"
        )
        stats = report["stats"]
        assert isinstance(stats, dict)
        added = int(stats["lines_reviewed"])
        lines += added
        kind = next((s[repo] for s in SETS.values() if repo in s), ("?", [], 0))[0]
        per_kind_lines[kind] += added
        report_notes = report.get("notes") or []
        findings = report["findings"]
        assert isinstance(report_notes, list) and isinstance(findings, list)
        for note in report_notes:
            notes.append(f"{repo}\t{commit}\t{note}")
        for f in findings:
            rows.append(
                Row(
                    f["rule"],
                    repo,
                    commit,
                    f"{f['path']}:{f['line']}",
                    f["severity"],
                    " ".join(f["title"].split()),
                )
            )
            per_kind_findings[kind] += f["severity"] != "info"
    with (out_dir / "findings.tsv").open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write("\t".join([r.rule, r.repo, r.commit, r.where, r.severity, r.title]) + "\n")
    (out_dir / "notes.tsv").write_text("\n".join(notes) + "\n", encoding="utf-8")

    labels = {
        (current_id(r[0]), r[1], r[2], r[3]): r[4] for r in read_tsv(labels_file) if len(r) >= 5
    }
    # `info` findings go to the summary, not inline: they are counted apart.
    shown = [r for r in rows if r.severity != "info"]
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    unjudged = []
    for r in rows:
        verdict = labels.get((current_id(r.rule), r.repo, r.commit, r.where))
        if verdict is None:
            unjudged.append(r)
            verdict = "unjudged"
        verdicts[r.rule]["info" if r.severity == "info" else verdict] += 1
        if r.severity == "info":
            verdicts[r.rule][f"info-{verdict}"] += 1
    total = Counter[str]()
    for c in verdicts.values():
        total.update(c)
    commits = len(pairs)
    print(
        f"## {tag}: {commits} commits, {lines} added backend lines, "
        f"{len(shown)} findings low and above (+{total['info']} info, summary only)"
    )
    print(
        f"findings (low and above) per 1,000 added lines: {1000 * len(shown) / max(lines, 1):.2f}"
    )
    judged = total["tp"] + total["fp"]
    print(f"precision: {total['tp'] / max(judged, 1):.2f} ({total['tp']}/{judged} judged)")
    mine = [k for k in verdicts if k in INDEXING_RULES]
    tp = sum(verdicts[k]["tp"] for k in mine)
    fp = sum(verdicts[k]["fp"] for k in mine)
    n_mine = sum(1 for r in shown if r.rule in INDEXING_RULES)
    print(
        f"indexing and migration rules: precision {tp / max(tp + fp, 1):.2f} ({tp}/{tp + fp}), "
        f"{1000 * n_mine / max(lines, 1):.2f} per 1,000 added lines"
    )
    print()
    print("| rule | findings | true | false | unjudged | precision | info (summary) |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    for rule, c in sorted(verdicts.items(), key=lambda kv: -sum(kv[1].values())):
        n = c["tp"] + c["fp"]
        prec = f"{c['tp'] / n:.2f}" if n else "—"
        cells = [f"`{rule}`", n + c["unjudged"], c["tp"], c["fp"], c["unjudged"], prec, c["info"]]
        print("| " + " | ".join(map(str, cells)) + " |")
    # What the summary says is read too: a rule kept at `info` for its precision is
    # judged on every finding, inline or not.
    print()
    print("| rule (inline and summary) | findings | true | false | unjudged | precision |")
    print("|---|--:|--:|--:|--:|--:|")
    for rule, c in sorted(verdicts.items(), key=lambda kv: -sum(kv[1].values())):
        if rule not in INDEXING_RULES:
            continue
        tp_all, fp_all = c["tp"] + c["info-tp"], c["fp"] + c["info-fp"]
        un_all = c["unjudged"] + c["info-unjudged"]
        prec = f"{tp_all / (tp_all + fp_all):.2f}" if tp_all + fp_all else "—"
        cells = [f"`{rule}`", tp_all + fp_all + un_all, tp_all, fp_all, un_all, prec]
        print("| " + " | ".join(map(str, cells)) + " |")
    print()
    print("| stack | added lines | findings | per 1k |")
    print("|---|--:|--:|--:|")
    for kind in sorted(per_kind_lines):
        n = per_kind_findings[kind]
        rate = 1000 * n / max(per_kind_lines[kind], 1)
        print(f"| {kind} | {per_kind_lines[kind]} | {n} | {rate:.2f} |")
    if unjudged:
        print(f"\n{len(unjudged)} unjudged findings (see {out_dir / 'findings.tsv'}):")
        # Indexing findings first, under their own heading: a re-run after rule changes
        # judges only what is new there; the other rules' findings are not judged here.
        mine_new = [r for r in unjudged if r.rule in INDEXING_RULES]
        other = [r for r in unjudged if r.rule not in INDEXING_RULES]
        for heading, group in (
            (f"UNJUDGED indexing/migration findings: {len(mine_new)}", mine_new),
            (f"other rules (not judged by this benchmark): {len(other)}", other),
        ):
            print(f"### {heading}")
            for r in group:
                print("\t".join([r.rule, r.repo, r.commit, r.where, r.severity, r.title]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["pick", "run"])
    parser.add_argument("--mirrors", type=Path, required=True, help="DIR/<owner>+<name>/repo")
    parser.add_argument("--tag", default="current")
    parser.add_argument("--commits", type=Path, help="default: the --set's commits file")
    parser.add_argument("--labels", type=Path, help="default: the --set's labels file")
    parser.add_argument("--set", choices=sorted(SETS), default="tuned", help="projects to pick")
    parser.add_argument("--jobs", type=int, default=1, help="reviews run at once")
    parser.add_argument("--reuse", action="store_true", help="score the saved reports of --tag")
    parser.add_argument("--half", choices=["A", "B"], help="only one half of the held-out set")
    parser.add_argument("--bastion", type=Path, default=BASTION, help="the command to run")
    args = parser.parse_args()
    global _bastion
    _bastion = args.bastion
    if args.mode == "pick":
        pick(args.mirrors, SETS[args.set])
    else:
        commits, labels = SET_FILES[args.set]
        run(
            args.mirrors,
            args.tag,
            args.commits or commits,
            args.labels or labels,
            args.jobs,
            args.reuse,
            args.half,
        )


if __name__ == "__main__":
    main()
