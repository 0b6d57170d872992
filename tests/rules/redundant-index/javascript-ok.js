// bastion-fixture: migrations/20240402110000_index_links_owner.js
// bastion-repo: migration.repo.js
// ok: redundant-index
exports.up = function (knex) {
  return knex.schema.alterTable("links", (table) => {
    table.index(["owner_id", "created_at"], "links_owner_created_idx");
  });
};

exports.down = function (knex) {
  return knex.schema.alterTable("links", (table) => {
    table.dropIndex(["owner_id", "created_at"], "links_owner_created_idx");
  });
};
