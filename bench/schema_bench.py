"""Time `build_schema` on a generated repository of 300 migrations (target <= 1 s).

The repository mixes the frameworks a real one would not, so every reader is timed:
100 SQL migrations, 60 Rails, 50 Django, 40 Alembic, 25 Knex, 25 Laravel, plus a
schema.rb, a Prisma schema and models. Seeded: the same seed gives the same files.

    .venv/bin/python bench/schema_bench.py [--rounds 7] [--seed 11]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from bot.schema import build_schema


def _sql(i: int, rng: random.Random) -> str:
    table = f"t{i % 40}"
    if i < 40:
        return (
            f"CREATE TABLE {table} (\n  id bigserial PRIMARY KEY,\n  owner_id bigint"
            f" REFERENCES t{max(i - 1, 0)} (id),\n"
            f"  name text NOT NULL,\n  created_at timestamptz DEFAULT now()\n);\n"
            f"CREATE INDEX {table}_owner ON {table} (owner_id);\n"
        )
    column = f"c{i}"
    return (
        f"ALTER TABLE {table} ADD COLUMN {column} integer;\n"
        f"CREATE INDEX CONCURRENTLY {table}_{column} ON {table} ({column}, created_at)"
        f"{' WHERE ' + column + ' > 0' if rng.random() < 0.2 else ''};\n"
        f"COMMENT ON COLUMN {table}.{column} IS 'generated';\n"
    )


def _rails(i: int) -> str:
    return (
        f"class M{i} < ActiveRecord::Migration[7.1]\n  def change\n"
        f"    create_table :r{i} do |t|\n      t.references :user, foreign_key: true\n"
        f"      t.string :state, null: false\n      t.timestamps\n    end\n"
        f"    add_index :r{i}, [:state, :created_at]\n  end\nend\n"
    )


def _django(i: int) -> str:
    return (
        "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n"
        f"    dependencies = [('shop', '{i - 1:04d}')]\n    operations = [\n"
        f"        migrations.CreateModel(name='D{i}', fields=[\n"
        "            ('id', models.BigAutoField(primary_key=True)),\n"
        "            ('code', models.CharField(max_length=20, unique=True)),\n"
        "            ('order', models.ForeignKey(to='shop.d1', on_delete=models.CASCADE)),\n"
        "        ]),\n"
        f"        migrations.AddIndex(model_name='d{i}', index=models.Index(fields=['code',"
        f" 'order'], name='d{i}_ix')),\n"
        "    ]\n"
    )


def _alembic(i: int) -> str:
    down = f"'r{i - 1}'" if i else "None"
    return (
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f"revision = 'r{i}'\ndown_revision = {down}\n\n\ndef upgrade():\n"
        f"    op.create_table('a{i}', sa.Column('id', sa.Integer, primary_key=True),\n"
        "        sa.Column('ref_id', sa.Integer, sa.ForeignKey('a0.id')), sa.Column('v',"
        " sa.String))\n"
        f"    op.create_index('ix_a{i}_v', 'a{i}', ['v'])\n"
    )


def _knex(i: int) -> str:
    return (
        f"exports.up = (knex) => knex.schema.createTable('k{i}', (table) => {{\n"
        "  table.increments('id');\n  table.string('slug').notNullable().unique();\n"
        "  table.integer('user_id').references('id').inTable('users');\n});\n"
        f"exports.down = (knex) => knex.schema.dropTable('k{i}');\n"
    )


def _laravel(i: int) -> str:
    return (
        "<?php\nreturn new class extends Migration {\n  public function up(): void {\n"
        f"    Schema::create('l{i}', function (Blueprint $table) {{\n      $table->id();\n"
        "      $table->string('status')->index();\n     "
        " $table->foreignId('user_id')->constrained();\n"
        "      $table->timestamps();\n    });\n  }\n};\n"
    )


def repository(seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    files: dict[str, str] = {}
    for i in range(100):
        files[f"db/migrations/V{i + 1}__step.sql"] = _sql(i, rng)
    for i in range(60):
        files[f"db/migrate/2024{i:010d}_m{i}.rb"] = _rails(i)
    for i in range(50):
        files[f"shop/migrations/{i + 1:04d}_d{i}.py"] = _django(i)
    for i in range(40):
        files[f"alembic/versions/{rng.getrandbits(40):010x}_a{i}.py"] = _alembic(i)
    for i in range(25):
        files[f"db/knex/2024{i:06d}_k{i}.js"] = _knex(i)
    for i in range(25):
        files[f"database/migrations/2024_01_01_{i:06d}_l{i}.php"] = _laravel(i)
    files["db/schema.rb"] = (
        "ActiveRecord::Schema[7.1].define(version: 1) do\n"
        + "".join(
            f'  create_table "s{i}" do |t|\n    t.string "name"\n    t.index ["name"],'
            f' name: "s{i}_name"\n  end\n'
            for i in range(40)
        )
        + "end\n"
    )
    files["prisma/schema.prisma"] = "".join(
        f"model P{i} {{\n  id Int @id\n  userId Int\n  @@index([userId])\n}}\n" for i in range(30)
    )
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    files = repository(args.seed)
    migrations = sum(1 for p in files if "migrat" in p or "versions" in p or "knex" in p)
    build_schema(files)  # warm-up: imports and regex compilation are not the build
    times = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        schema = build_schema(files)
        times.append(time.perf_counter() - started)
    print(
        f"files: {len(files)} ({migrations} migrations), "
        f"{sum(len(t) for t in files.values())} bytes"
    )
    print(
        f"tables: {len(schema.tables)}, "
        f"indexes: {sum(len(t.indexes) for t in schema.tables.values())}, "
        f"foreign keys: {sum(len(t.foreign_keys) for t in schema.tables.values())}, "
        f"redundant: {len(schema.redundant)}, problems: {len(schema.problems)}"
    )
    print(
        f"build_schema: median {statistics.median(times):.3f} s, min {min(times):.3f} s, "
        f"max {max(times):.3f} s over {args.rounds} rounds (target <= 1 s)"
    )


if __name__ == "__main__":
    main()
