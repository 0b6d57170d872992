// bastion-fixture: migrations/20240515083000_create_api_keys.js
exports.up = function (knex) {
  return knex.schema.createTable("api_keys", (table) => {
    table.increments("id").primary();
// expect: foreign-key-not-indexed
    table.integer("user_id").notNullable().references("id").inTable("users").onDelete("CASCADE");
    table.string("hashed_key", 128).notNullable().unique();
    table.timestamp("last_used_at");
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable("api_keys");
};
