// bastion-fixture: migrations/20240301093000_create_links.js
exports.up = function (knex) {
  return knex.schema.createTable("links", (table) => {
    table.increments("id").primary();
    table.string("slug", 64).notNullable().unique();
    table.text("target_url").notNullable();
    table.integer("owner_id").notNullable();
    table.integer("clicks").notNullable().defaultTo(0);
    table.timestamps(true, true);
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable("links");
};
