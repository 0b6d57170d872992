// bastion-fixture: migrations/20240402110000_index_links_owner.ts
// bastion-repo: migration.repo.js
// ok: redundant-index
import type { Knex } from "knex";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable("links", (table) => {
    table.index(["owner_id", "created_at"], "links_owner_created_idx");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable("links", (table) => {
    table.dropIndex(["owner_id", "created_at"], "links_owner_created_idx");
  });
}
