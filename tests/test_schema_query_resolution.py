"""Which table a query in code reads when the code does not name the model directly
(scopes, locals, associations), and the schema facts those queries are judged against."""

from __future__ import annotations

from bot.schema import build_schema
from bot.schema.code_query import queries
from bot.schema.context import use
from bot.schema.model import Schema
from tests.rule_helpers import review_new

RAILS = {
    "db/schema.rb": (
        "ActiveRecord::Schema[7.1].define(version: 1) do\n"
        '  create_table "notes", force: :cascade do |t|\n'
        '    t.bigint "user_id"\n    t.bigint "creator_id"\n    t.string "state"\n'
        '    t.index ["creator_id"], name: "index_notes_on_creator_id"\n'
        "  end\n"
        '  create_table "users", force: :cascade do |t|\n    t.string "email"\n  end\n'
        "end\n"
    )
}


def _read(code: str, language: str, schema: Schema) -> list[tuple[int, str, list[str]]]:
    return sorted((q.line, q.table.name, q.use.filters) for q in queries(code, language, schema))


def test_rails_scopes_locals_associations_and_hash_rockets() -> None:
    code = (
        "class Note < ApplicationRecord\n"
        '  scope :open, -> { where(state: "open") }\n'
        "  def self.recent\n    order(:state)\n  end\nend\n"
        "class Search\n  def call\n"
        "    base_scope = Note.where(creator_id: 1)\n"
        "    base_scope.where(state: 2)\n"
        "    @user.notes.where(state: 3)\n"
        "    current_user.notes.find_by_state(4)\n"
        "    Note.where(:creator => @user)\n"
        "    @user.pages.where(state: 5)\n"  # no such table: nothing
        "  end\nend\n"
    )
    found = _read(code, "ruby", build_schema(RAILS))
    assert found == [
        (2, "notes", ["state"]),
        (4, "notes", []),
        (9, "notes", ["creator_id"]),
        (10, "notes", ["creator_id", "state"]),
        (11, "notes", ["user_id", "state"]),
        (12, "notes", ["user_id", "state"]),
        (13, "notes", ["creator_id"]),
    ]
    orders = [q.use.orders for q in queries(code, "ruby", build_schema(RAILS)) if q.line == 4]
    assert orders == [["state"]]


def test_an_association_without_its_key_column_stays_silent() -> None:
    code = "class A\n  def x\n    @project.notes.where(state: 1)\n  end\nend\n"
    assert _read(code, "ruby", build_schema(RAILS)) == []


DJANGO = {
    "notes/models.py": (
        "from django.db import models\n\n\nclass Note(models.Model):\n"
        '    author = models.ForeignKey("auth.User", on_delete=models.CASCADE)\n'
        "    slug = models.CharField(max_length=50)\n"
    ),
    "notes/apps.py": (
        "from django.apps import AppConfig\n\n\nclass NotesConfig(AppConfig):\n"
        '    name = "notes"\n    label = "notebook"\n'
    ),
}


def test_django_app_label_names_the_default_table() -> None:
    schema = build_schema(DJANGO)
    assert "notebook_note" in schema.tables and "notes_note" not in schema.tables


def test_django_get_model_locals_reverse_managers_and_get_object_or_404() -> None:
    code = (
        "def f(apps, request):\n"
        '    model = apps.get_model("notebook", "Note")\n'
        '    model.objects.filter(slug="a")\n'
        '    request.author.note_set.filter(slug="b")\n'
        '    get_object_or_404(Note, slug="c")\n'
        '    request.user.note_set.filter(slug="d")\n'  # no user_id column: nothing
    )
    assert _read(code, "python", build_schema(DJANGO)) == [
        (3, "notebook_note", ["slug"]),
        (4, "notebook_note", ["author_id", "slug"]),
        (5, "notebook_note", ["slug"]),
    ]


LARAVEL_AND_KNEX = {
    "database/migrations/2024_01_01_000000_create_pages_table.php": (
        "<?php\nreturn new class extends Migration {\n  public function up(): void {\n"
        "    Schema::create('pages', function (Blueprint $table) {\n"
        "      $table->id();\n      $table->foreignId('user_id')->constrained();\n"
        "      $table->string('slug');\n      $table->timestamps();\n"
        "      $table->softDeletes();\n    });\n  }\n};\n"
    ),
    "migrations/20240101_links.js": (
        "exports.up = function (knex) {\n"
        '  return knex.schema.createTable("links", (table) => {\n'
        '    table.increments("id");\n    table\n      .string("code")\n'
        "      .notNullable()\n      .unique();\n  });\n};\n"
    ),
}


def test_laravel_timestamps_and_knex_chains_over_lines_declare_columns() -> None:
    schema = build_schema(LARAVEL_AND_KNEX)
    pages, links = schema.tables["pages"], schema.tables["links"]
    assert {"created_at", "updated_at", "deleted_at"} <= set(pages.columns)
    assert links.leads("code")


def test_laravel_scopes_injected_models_relations_and_knex_locals() -> None:
    schema = build_schema(LARAVEL_AND_KNEX)
    php = (
        "<?php\nclass C {\n  function f($user) {\n"
        "    Page::visible()->where('slug', 1)->first();\n"
        "    $this->page->where('slug', 2)->first();\n"
        "    $user->pages()->where('slug', 3)->get();\n"
        "  }\n}\n"
    )
    assert _read(php, "php", schema) == [
        (4, "pages", ["slug"]),
        (5, "pages", ["slug"]),
        (6, "pages", ["user_id", "slug"]),
    ]
    js = 'async function f(knex, c) {\n  const q = knex("links");\n  return q.where("code", c);\n}'
    assert _read(js, "javascript", schema) == [(3, "links", ["code"])]


def test_a_computed_sort_key_keeps_the_known_filter() -> None:
    schema = build_schema(
        {
            "migrations/20240101-create-invites.js": (
                "module.exports = {\n  async up(queryInterface, Sequelize) {\n"
                "    await queryInterface.createTable('Invites', {\n"
                "      id: { type: Sequelize.INTEGER, primaryKey: true },\n"
                "      token: { type: Sequelize.STRING },\n    });\n  },\n};\n"
            )
        }
    )
    code = "Invite.findAll({ where: { token }, order: [[sort, direction]] });\n"
    assert _read(code, "javascript", schema) == [(1, "invites", ["token"])]


def test_a_partial_index_serves_only_queries_repeating_its_condition() -> None:
    schema = {
        "migrations/001_members.sql": (
            "CREATE TABLE members (id bigserial PRIMARY KEY, email text, deleted_at timestamptz);\n"
            "CREATE INDEX members_live ON members (email) WHERE deleted_at IS NULL;\n"
        )
    }
    code = (
        "def f(cur, e):\n"
        '    cur.execute("SELECT id FROM members WHERE email = %s AND deleted_at IS NULL", (e,))\n'
        '    cur.execute("SELECT id FROM members WHERE email = %s", (e,))\n'
    )
    with use(build_schema(schema)):
        found = review_new("app/members.py", code, "query-on-unindexed-column")
    assert [f.line for f in found] == [3]


def test_a_function_predicate_title_keeps_its_parentheses() -> None:
    code = 'class A\n  def x(e)\n    Order.where("upper(email) = ?", e)\n  end\nend\n'
    schema = {
        "db/schema.rb": (
            "ActiveRecord::Schema[7.1].define(version: 1) do\n"
            '  create_table "orders", force: :cascade do |t|\n    t.string "email"\n  end\nend\n'
        )
    }
    with use(build_schema(schema)):
        found = review_new("app/services/a.rb", code, "function-predicate-without-index")
    assert len(found) == 1 and "upper(email) without" in found[0].title
