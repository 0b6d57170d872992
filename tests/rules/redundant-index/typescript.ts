// bastion-fixture: migrations/20240402110000_index_links_slug.ts
// bastion-repo: migration.repo.js
import type { Knex } from "knex";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable("links", (table) => {
// expect: redundant-index
    table.index(["slug"], "links_slug_idx");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable("links", (table) => {
    table.dropIndex(["slug"], "links_slug_idx");
  });
}
