"""The schema model, built per framework from small files of that framework."""

from __future__ import annotations

from bot.schema import build_schema, schema_paths
from bot.schema.model import Schema, Table


def _table(schema: Schema, name: str) -> Table:
    table = schema.table(name)
    assert table is not None, sorted(schema.tables)
    return table


def _indexes(table: Table) -> set[tuple[tuple[str, ...], bool]]:
    return {(ix.columns, ix.unique) for ix in table.indexes}


RAILS_SCHEMA = """ActiveRecord::Schema[7.1].define(version: 2024_06_01_000000) do
  create_table "users", force: :cascade do |t|
    t.string "email", null: false
    t.index ["email"], name: "index_users_on_email", unique: true
  end

  create_table "orders", force: :cascade do |t|
    t.bigint "user_id"
    t.string "status"
    t.index ["user_id", "status"], name: "index_orders_on_user_id_and_status"
  end
  add_foreign_key "orders", "users"
end
"""


def test_rails_schema_rb_then_migrations_in_timestamp_order() -> None:
    schema = build_schema(
        {
            "db/schema.rb": RAILS_SCHEMA,
            "db/migrate/20240702000000_drop_status_index.rb": (
                "class X < ActiveRecord::Migration[7.1]\n  def change\n"
                "    remove_index :orders, name: :index_orders_on_user_id_and_status\n"
                "  end\nend\n"
            ),
            "db/migrate/20240701000000_add_shop.rb": (
                "class Y < ActiveRecord::Migration[7.1]\n  def change\n"
                "    add_reference :orders, :shop, foreign_key: true\n"
                '    add_index :users, "lower(email)", name: "users_lower_email"\n'
                "  end\nend\n"
            ),
        }
    )
    users, orders = _table(schema, "users"), _table(schema, "orders")
    assert users.columns["email"].nullable is False and users.primary_key == ("id",)
    assert users.has_expression("(lower(email))")
    assert _indexes(orders) == {(("shop_id",), False)}  # the later migration removed the other
    assert {fk.columns for fk in orders.foreign_keys} == {("user_id",), ("shop_id",)}
    assert schema.model_table("Order") is orders


def test_sql_migrations_apply_in_version_order_with_partial_and_expression_indexes() -> None:
    schema = build_schema(
        {
            "db/migrations/V10__rename.sql": "ALTER TABLE accounts RENAME COLUMN mail TO email;",
            "db/migrations/V2__init.sql": (
                "CREATE TABLE accounts (\n  id bigserial PRIMARY KEY,\n  mail text NOT NULL,\n"
                "  org_id bigint REFERENCES orgs (id)\n);\n"
                "CREATE INDEX accounts_mail ON accounts (lower(mail));\n"
                "CREATE INDEX accounts_org_live ON accounts (org_id) WHERE mail IS NOT NULL;\n"
            ),
        }
    )
    accounts = _table(schema, "accounts")
    assert set(accounts.columns) == {"id", "email", "org_id"}
    assert accounts.columns["email"].nullable is False
    assert accounts.foreign_keys[0].ref_table == "orgs"
    partial = [ix for ix in accounts.indexes if ix.partial]
    assert partial and not accounts.leads("org_id")  # a partial index is not a general one
    assert accounts.foreign_keys[0].where is not None and accounts.foreign_keys[0].where.line == 4


def test_django_models_and_migrations() -> None:
    schema = build_schema(
        {
            "shop/models.py": (
                "from django.db import models\n\n\nclass Order(models.Model):\n"
                '    user = models.ForeignKey("auth.User", on_delete=models.CASCADE)\n'
                "    code = models.CharField(max_length=9, unique=True)\n"
                "    note = models.TextField(null=True)\n\n"
                "    class Meta:\n"
                '        indexes = [models.Index(fields=["-note"], name="order_note")]\n'
            ),
            "shop/migrations/0002_refund.py": (
                "from django.db import migrations, models\n\n\n"
                "class Migration(migrations.Migration):\n    operations = [\n"
                "        migrations.CreateModel(\n"
                '            name="Refund",\n'
                '            fields=[("id", models.BigAutoField(primary_key=True)),\n'
                '                    ("order", models.ForeignKey(to="shop.order",'
                " on_delete=models.CASCADE, db_index=False))],\n"
                "        ),\n    ]\n"
            ),
        }
    )
    order = _table(schema, "shop_order")
    assert order.leads("user_id") and order.column("user") == "user_id"
    assert (("code",), True) in _indexes(order) and order.leads("note")
    assert order.columns["note"].nullable is True
    refund = _table(schema, "shop_refund")
    assert not refund.leads("order_id") and refund.foreign_keys[0].ref_table == "shop_order"


def test_alembic_follows_the_revision_chain_and_sqlalchemy_models() -> None:
    schema = build_schema(
        {
            "alembic/versions/ffff_second.py": (
                "from alembic import op\n\nrevision = 'b2'\ndown_revision = 'a1'\n\n\ndef"
                " upgrade():\n"
                "    op.drop_index('ix_users_name', table_name='users')\n"
                "    op.create_index('ix_users_email', 'users', ['email'], unique=True)\n"
            ),
            "alembic/versions/0000_first.py": (
                "import sqlalchemy as sa\nfrom alembic import op\n\nrevision ="
                " 'a1'\ndown_revision = None\n\n\n"
                "def upgrade():\n    op.create_table('users',\n"
                "        sa.Column('id', sa.Integer, primary_key=True),\n"
                "        sa.Column('email', sa.String, nullable=False),\n"
                "        sa.Column('name', sa.String, index=True))\n"
                "    op.create_index('ix_users_name', 'users', ['name'])\n"
            ),
            "app/models.py": (
                "from sqlalchemy import ForeignKey, Index, func\n"
                "from sqlalchemy.orm import Mapped, mapped_column\n\n\nclass Post(Base):\n"
                '    __tablename__ = "posts"\n'
                '    __table_args__ = (Index("ix_posts_title", func.lower("title")),)\n'
                "    id: Mapped[int] = mapped_column(primary_key=True)\n"
                '    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))\n'
            ),
        }
    )
    users = _table(schema, "users")
    assert _indexes(users) == {(("email",), True)}
    posts = _table(schema, "posts")
    assert posts.has_expression("(lower(title))") and not posts.leads("author_id")
    assert schema.model_table("Post") is posts


def test_prisma_typeorm_sequelize_knex() -> None:
    schema = build_schema(
        {
            "prisma/schema.prisma": (
                "model Post {\n  id       Int    @id @default(autoincrement())\n"
                '  authorId Int    @map("author_id")\n  slug     String @unique\n'
                "  author   User   @relation(fields: [authorId], references: [id])\n"
                '  @@index([slug, authorId])\n  @@map("posts")\n}\n'
            ),
            "src/entities/invoice.entity.ts": (
                "@Entity('invoices')\n@Index(['customerId', 'issuedAt'])\nexport class Invoice {\n"
                "  @PrimaryGeneratedColumn()\n  id: number;\n\n  @Column()\n  customerId:"
                " number;\n\n"
                "  @Column({ name: 'issued_at' })\n  issuedAt: Date;\n\n"
                "  @ManyToOne(() => Customer)\n  @JoinColumn({ name: 'customer_id' })\n "
                " customer: Customer;\n}\n"
            ),
            "migrations/20240101-create-carts.js": (
                "module.exports = {\n  async up(queryInterface, Sequelize) {\n"
                "    await queryInterface.createTable('Carts', {\n"
                "      id: { type: Sequelize.INTEGER, primaryKey: true },\n"
                "      userId: { type: Sequelize.INTEGER, allowNull: false, references: {"
                " model: 'Users', key: 'id' } },\n"
                "    });\n    await queryInterface.addIndex('Carts', ['userId']);\n  },\n"
                "  async down(queryInterface) { await queryInterface.dropTable('Carts'); },\n};\n"
            ),
            "db/migrations/20240102_tags.js": (
                "exports.up = (knex) => knex.schema.createTable('tags', (table) => {\n"
                "  table.increments('id');\n  table.string('label').notNullable().unique();\n"
                "  table.integer('post_id').references('id').inTable('posts');\n});\n"
                "exports.down = (knex) => knex.schema.dropTable('tags');\n"
            ),
        }
    )
    posts = _table(schema, "posts")
    assert posts.column("authorId") == "author_id" and (("slug", "author_id"), False) in _indexes(
        posts
    )
    assert posts.foreign_keys[0].columns == ("author_id",)
    invoices = _table(schema, "invoices")
    assert invoices.primary_key == ("id",) and invoices.leads("customerid")
    carts = _table(schema, "carts")
    assert carts.leads("userid") and carts.columns["userid"].nullable is False
    tags = _table(schema, "tags")
    assert (
        tags.leads("label")
        and not tags.leads("post_id")
        and tags.foreign_keys[0].ref_table == "posts"
    )


def test_laravel_gorm_jpa() -> None:
    schema = build_schema(
        {
            "database/migrations/2024_01_01_000000_create_orders_table.php": (
                "<?php\nreturn new class extends Migration {\n  public function up(): void {\n"
                "    Schema::create('orders', function (Blueprint $table) {\n"
                "      $table->id();\n      $table->string('status');\n"
                "      $table->foreignId('user_id')->constrained();\n"
                "      $table->index(['status', 'created_at']);\n    });\n  }\n"
                "  public function down(): void { Schema::dropIfExists('orders'); }\n};\n"
            ),
            "internal/models/payment.go": (
                'package models\n\ntype Payment struct {\n\tID      uint `gorm:"primaryKey"`\n'
                '\tOrderID uint\n\tOrder   Order\n\tRef     string `gorm:"uniqueIndex"`\n}\n\n'
                "type Order struct {\n\tID uint\n}\n"
            ),
            "src/main/java/shop/domain/Shipment.java": (
                '@Entity\n@Table(name = "shipments", indexes = {@Index(name ='
                ' "ix_ship_code", columnList = "tracking_code")})\n'
                "public class Shipment {\n  @Id\n  private Long id;\n\n"
                '  @Column(name = "tracking_code", nullable = false)\n  private String'
                " trackingCode;\n\n"
                '  @ManyToOne\n  @JoinColumn(name = "order_id")\n  private Order order;\n}\n'
            ),
        }
    )
    orders = _table(schema, "orders")
    assert orders.leads("status") and orders.leads("user_id")  # InnoDB indexes the key
    payments = _table(schema, "payments")
    assert payments.leads("ref") and not payments.leads("order_id")
    assert payments.foreign_keys[0].columns == ("order_id",)
    shipments = _table(schema, "shipments")
    assert shipments.leads("tracking_code") and shipments.column("trackingCode") == "tracking_code"
    assert shipments.foreign_keys[0].columns == ("order_id",)


def test_redundant_indexes_are_recorded_against_earlier_history() -> None:
    schema = build_schema(
        {
            "db/migrations/001.sql": "CREATE TABLE t (id int PRIMARY KEY, a int, b int);\n"
            "CREATE INDEX t_ab ON t (a, b);\n",
            "db/migrations/002.sql": "CREATE INDEX t_a ON t (a);\nCREATE INDEX t_b ON t (b);\n"
            "CREATE UNIQUE INDEX t_id ON t (id);\n",
        }
    )
    kinds = {(r.index.name, r.kind) for r in schema.redundant}
    assert kinds == {("t_a", "prefix"), ("t_id", "unique")}


def test_a_broken_file_is_named_and_the_rest_is_read() -> None:
    schema = build_schema(
        {
            "shop/migrations/0001_initial.py": "from django.db import migrations\nclass"
            " Migration(migrations.Migration:\n",
            "db/migrations/001.sql": "CREATE TABLE t (id int PRIMARY KEY);",
        }
    )
    assert "t" in schema.tables
    assert schema.problems and schema.problems[0].startswith("shop/migrations/0001_initial.py")


def test_schema_paths_picks_schema_files_from_a_listing() -> None:
    listing = [
        "db/schema.rb",
        "db/migrate/20240101_x.rb",
        "app/controllers/orders_controller.rb",
        "shop/models.py",
        "shop/views.py",
        "shop/migrations/0001_initial.py",
        "prisma/schema.prisma",
        "migrations/V1__init.sql",
        "node_modules/x/migrations/1.js",
        "src/entities/user.entity.ts",
        "README.md",
        "tests/fixtures/migrations/001.sql",
    ]
    assert schema_paths(listing) == sorted(
        [
            "db/schema.rb",
            "db/migrate/20240101_x.rb",
            "shop/models.py",
            "shop/migrations/0001_initial.py",
            "prisma/schema.prisma",
            "migrations/V1__init.sql",
            "src/entities/user.entity.ts",
        ]
    )


def test_innodb_adds_a_foreign_key_index_only_when_none_leads_with_its_columns() -> None:
    # semaphore: the unique key leads with template_id, so InnoDB builds no second index
    # for that foreign key; the other two keys get one each.
    sql = (
        "create table `project__template_vault` (\n"
        "    `id` integer primary key autoincrement,\n"
        "    `project_id` int not null,\n"
        "    `template_id` int not null,\n"
        "    `vault_key_id` int not null,\n"
        "    `name` varchar(255),\n\n"
        "    unique (`template_id`, `vault_key_id`, `name`),\n"
        "    foreign key (`project_id`) references project(`id`) on delete cascade,\n"
        "    foreign key (`template_id`) references project__template(`id`) on delete cascade,\n"
        "    foreign key (`vault_key_id`) references `access_key`(`id`) on delete cascade\n"
        ");\n"
    )
    schema = build_schema({"db/sql/migrations/v2.10.24.sql": sql})
    table = _table(schema, "project__template_vault")
    assert _indexes(table) == {
        (("template_id", "vault_key_id", "name"), True),
        (("project_id",), False),
        (("vault_key_id",), False),
    }


def test_alembic_expression_index_keeps_its_expression_parts() -> None:
    """CKAN-style: a unique index on `lower(email)` and `state` is not an index on
    `state` alone (which would make it a duplicate of a plain `state` index)."""
    schema = build_schema(
        {
            "app/migration/versions/001_init.py": (
                "import sqlalchemy as sa\nfrom alembic import op\n\nrevision = 'a1'\n"
                "down_revision = None\n\n\ndef upgrade():\n"
                "    op.create_table('user', sa.Column('id', sa.Integer, primary_key=True),\n"
                "                    sa.Column('email', sa.Text), sa.Column('state', sa.Text))\n"
                "    op.create_index('idx_user_state', 'user', ['state'])\n"
            ),
            "app/migration/versions/002_email.py": (
                "import sqlalchemy as sa\nfrom alembic import op\n\nrevision = 'b2'\n"
                "down_revision = 'a1'\n\n\ndef upgrade():\n"
                "    op.create_index('idx_email_no_case', 'user',\n"
                "        [sa.func.lower(sa.Column('email')), 'state'], unique=True)\n"
                "    op.create_index('idx_email_text', 'user',\n"
                "        [sa.text('lower(email)'), 'state'])\n"
                "    op.create_index('idx_email_hash', 'user', [sa.func.md5(sa.Column('email'))])\n"
            ),
        }
    )
    assert _indexes(_table(schema, "user")) == {
        (("state",), False),
        (("(lower(email))", "state"), True),
        (("(lower(email))", "state"), False),
        (("(sa.func.md5(sa.column('email')))",), False),
    }


JAVA_SUBSCRIPTION = """package shop.billing;

import jakarta.persistence.*;

@Entity
@Table(name = "subscriptions", indexes = {
    @Index(name = "ix_subscriptions_customer", columnList = "customerId"),
    @Index(name = "ix_subscriptions_plan_started", columnList = "planCode, startedAt DESC")
})
public class Subscription {
    public static final int MAX_SEATS = 500;  // a constant, not a column

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long customerId;
    private String planCode = "free";
    private java.time.Instant startedAt;
    private transient String displayName;

    @Transient
    private int seatsInUse;

    @Formula("(select count(*) from invoices i where i.subscription_id = id)")
    private int invoiceCount;

    @OneToMany(mappedBy = "subscription")
    private List<Invoice> invoices = new ArrayList<>();

    public Long getCustomerId() {
        String note = "not; a = field";
        return customerId;
    }
}
"""

KOTLIN_SUBSCRIPTION = """package shop.billing

import jakarta.persistence.*

@Entity
@Table(
    name = "subscriptions",
    indexes = [
        Index(name = "ix_subscriptions_customer", columnList = "customerId"),
        Index(name = "ix_subscriptions_plan_started", columnList = "plan_code, started_at"),
    ],
)
class Subscription(
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    val id: Long? = null,
    val customerId: Long,
    var planCode: String = "free",
) {
    var startedAt: java.time.Instant? = null

    @Transient
    var seatsInUse: Int = 0

    val label: String
        get() = "$planCode for $customerId"

    private val seatNames by lazy { mutableListOf<String>() }

    fun renew(days: Int): Boolean {
        val until = days * 2
        return until > 0
    }

    companion object {
        const val MAX_SEATS = 500
        val TRIAL_PLAN: String = "trial"
    }
}
"""


def _subscriptions(path: str, text: str) -> Table:
    return _table(build_schema({path: text}), "subscriptions")


def test_jpa_reads_kotlin_nested_index_annotations_without_at() -> None:
    for path, text in [
        ("src/main/java/shop/domain/Subscription.java", JAVA_SUBSCRIPTION),
        ("src/main/kotlin/shop/domain/Subscription.kt", KOTLIN_SUBSCRIPTION),
    ]:
        table = _subscriptions(path, text)
        assert {ix.name for ix in table.indexes} >= {
            "ix_subscriptions_customer",
            "ix_subscriptions_plan_started",
        }, path
        assert table.leads("plan_code"), path


def test_jpa_maps_unannotated_fields_with_spring_naming() -> None:
    for path, text in [
        ("src/main/java/shop/domain/Subscription.java", JAVA_SUBSCRIPTION),
        ("src/main/kotlin/shop/domain/Subscription.kt", KOTLIN_SUBSCRIPTION),
    ]:
        table = _subscriptions(path, text)
        assert set(table.columns) == {"id", "customer_id", "plan_code", "started_at"}, path
        assert table.column("customerId") == "customer_id", path
        assert table.primary_key == ("id",), path


def test_jpa_index_column_list_names_go_through_spring_naming() -> None:
    for path, text in [
        ("src/main/java/shop/domain/Subscription.java", JAVA_SUBSCRIPTION),
        ("src/main/kotlin/shop/domain/Subscription.kt", KOTLIN_SUBSCRIPTION),
    ]:
        table = _subscriptions(path, text)
        assert table.leads("customer_id"), path
        assert (("plan_code", "started_at"), False) in _indexes(table), path


def test_jpa_table_name_from_entity_name_and_not_from_a_nested_index_name() -> None:
    schema = build_schema(
        {
            "src/main/kotlin/shop/domain/AccessGrant.kt": (
                "package shop.domain\n\nimport jakarta.persistence.*\n\n"
                '@Entity(name = "access_grant")\n@Table(\n'
                '    uniqueConstraints = [UniqueConstraint(name = "uq_grant_user_scope",'
                ' columnNames = ["userId", "scope"])],\n'
                '    indexes = [Index(name = "ix_grant_expires", columnList = "expiresAt")],\n)\n'
                "class AccessGrantEntity(\n    val userId: Long,\n    val scope: String,\n"
                "    val expiresAt: java.time.Instant,\n) {\n"
                "    @Id @GeneratedValue\n    val id: Long? = null\n}\n"
            ),
        }
    )
    grants = _table(schema, "access_grant")
    assert set(grants.columns) == {"user_id", "scope", "expires_at", "id"}
    assert _indexes(grants) >= {(("user_id", "scope"), True), (("expires_at",), False)}


# Plain index definitions are read without sqlglot; the model must be the one sqlglot
# would have given (or more, where sqlglot cannot parse the statement at all).
_PLAIN_INDEXES = [
    "CREATE INDEX idx_a ON t (a, b)",
    'CREATE UNIQUE INDEX "Idx" ON public."Users" USING btree ("Email" DESC, name)',
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON t (a ASC)",
    "CREATE INDEX `k` ON `tb` (`c`)",
    "CREATE INDEX ix ON t USING gin (doc)",
]
_NOT_PLAIN = [
    "CREATE INDEX concurrently ON t (a)",  # no name: CONCURRENTLY is not one
    "CREATE INDEX ix ON t (a) WHERE b IS NULL",
    "CREATE INDEX ix ON t (lower(a))",
    "CREATE INDEX ix ON t (a) INCLUDE (b)",
]


def _index_model(statement: str, fast: bool) -> dict[str, list[tuple[object, ...]]]:
    import sqlglot

    from bot.schema import read_sql
    from bot.schema.builder import Builder

    builder = Builder(Schema(), "db/schema.sql", "sql", snapshot=False)
    if fast:
        assert read_sql._simple_index(builder, statement, 1)
    else:
        dialect = read_sql.dialect_of(statement)
        read_sql._apply(builder, sqlglot.parse_one(statement, read=dialect), statement, 1, dialect)
    return {
        name: [(ix.columns, ix.name, ix.unique, ix.partial) for ix in table.indexes]
        for name, table in builder.schema.tables.items()
    }


def test_plain_index_definitions_read_without_sqlglot_match_sqlglot() -> None:
    for statement in _PLAIN_INDEXES:
        assert _index_model(statement, fast=True) == _index_model(statement, fast=False), statement


def test_other_index_definitions_are_left_to_sqlglot() -> None:
    from bot.schema import read_sql
    from bot.schema.builder import Builder

    for statement in _NOT_PLAIN:
        builder = Builder(Schema(), "db/schema.sql", "sql", snapshot=False)
        assert not read_sql._simple_index(builder, statement, 1), statement
    schema = build_schema({"db/schema.sql": ";\n".join(_NOT_PLAIN) + ";\n"})
    assert {ix.columns for ix in _table(schema, "t").indexes} == {("a",), ("(lower(a))",)}


def test_a_table_models_at_most_so_many_indexes() -> None:
    from bot.schema.builder import MAX_INDEXES_PER_TABLE

    text = "CREATE TABLE t (id bigint PRIMARY KEY, a int, b int);\n" + "".join(
        f"CREATE INDEX ix_{n} ON t (a, b);\n" for n in range(MAX_INDEXES_PER_TABLE + 50)
    )
    table = _table(build_schema({"db/schema.sql": text}), "t")
    assert len(table.indexes) == MAX_INDEXES_PER_TABLE
    assert table.indexes[0].name == "ix_0"


def test_alembic_op_f_names_are_names_so_a_drop_and_recreate_is_no_duplicate() -> None:
    """Anitya-style: `op.f("ix_users_username")` names the index; dropping it by that
    name and recreating it without `unique` leaves one index, not a duplicate."""
    schema = build_schema(
        {
            "app/migrations/versions/001_users.py": (
                "import sqlalchemy as sa\nfrom alembic import op\n\nrevision = 'a1'\n"
                "down_revision = None\n\n\ndef upgrade():\n"
                "    op.create_table('users', sa.Column('id', sa.Integer, primary_key=True),\n"
                "                    sa.Column('username', sa.Text))\n"
                "    op.create_index(op.f('ix_users_username'), 'users', ['username'],"
                " unique=True)\n"
            ),
            "app/migrations/versions/002_not_unique.py": (
                "from alembic import op\n\nrevision = 'b2'\ndown_revision = 'a1'\n\n\n"
                "def upgrade():\n"
                "    op.drop_index('ix_users_username', 'users')\n"
                "    op.create_index('ix_users_username', 'users', ['username'])\n"
            ),
        }
    )
    table = _table(schema, "users")
    assert _indexes(table) == {(("username",), False)}
    assert [ix.name for ix in table.indexes] == ["ix_users_username"]
    assert schema.redundant == []
