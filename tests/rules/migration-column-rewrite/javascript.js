// bastion-fixture: db/migrations/20240601090000_orders.js
exports.up = async function (knex) {
  await knex.schema.alterTable("orders", (table) => {
// expect: migration-column-rewrite
    table.uuid("token").defaultTo(knex.raw("gen_random_uuid()"));
  });
};

exports.down = async function (knex) {};
