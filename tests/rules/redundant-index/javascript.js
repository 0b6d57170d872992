// bastion-fixture: migrations/20240402110000_index_links_slug.js
// bastion-repo: migration.repo.js
exports.up = function (knex) {
  return knex.schema.alterTable("links", (table) => {
// expect: redundant-index
    table.index(["slug"], "links_slug_idx");
  });
};

exports.down = function (knex) {
  return knex.schema.alterTable("links", (table) => {
    table.dropIndex(["slug"], "links_slug_idx");
  });
};
