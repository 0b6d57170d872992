// bastion-fixture: db/migrations/20240601090000_orders.js
exports.up = async function (knex) {
  await knex.schema.alterTable("orders", (table) => {
// expect: migration-constraint-validating
    table.foreign("user_id").references("users.id");
  });
};

exports.down = async function (knex) {};
