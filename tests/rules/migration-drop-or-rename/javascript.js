// bastion-fixture: db/migrations/20240601090000_orders.js
exports.up = async function (knex) {
  await knex.schema.alterTable("orders", (table) => {
// expect: migration-drop-or-rename
    table.dropColumn("legacy_ref");
  });
};

exports.down = async function (knex) {};
