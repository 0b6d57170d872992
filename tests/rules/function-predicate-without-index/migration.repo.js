// bastion-fixture: migrations/20240212101500_create_customers.js
exports.up = function (knex) {
  return knex.schema.createTable("customers", (table) => {
    table.increments("id").primary();
    table.string("email").notNullable().unique();
    table.string("name").notNullable();
    table.timestamp("created_at").notNullable().defaultTo(knex.fn.now());
    table.index(["created_at"]);
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable("customers");
};
