// bastion-fixture: db/migrations/20240601090000_orders.js
// ok: migration-drop-or-rename
exports.up = async function (knex) {
  await knex.schema.alterTable("orders", (table) => {
    table.string("ref");
  });
};

exports.down = async function (knex) {
  await knex.schema.alterTable("orders", (table) => {
    table.dropColumn("ref");
  });
};
