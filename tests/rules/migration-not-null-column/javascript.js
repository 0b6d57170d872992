// bastion-fixture: db/migrations/20240601090000_orders.js
exports.up = async function (knex) {
  await knex.schema.alterTable("orders", (table) => {
// expect: migration-not-null-column
    table.string("region").notNullable();
  });
};

exports.down = async function (knex) {};
