// bastion-fixture: db/migrations/20240601090000_orders.js
// ok: migration-not-null-column
exports.up = async function (knex) {
  await knex.schema.alterTable("orders", (table) => {
    table.string("region").notNullable().defaultTo("eu");
  });
};

exports.down = async function (knex) {};
