// bastion-fixture: db/migrations/20240601090000_orders.js
// ok: migration-column-rewrite
exports.up = async function (knex) {
  await knex.schema.alterTable("orders", (table) => {
    table.timestamp("seen_at").defaultTo(knex.fn.now());
  });
};

exports.down = async function (knex) {};
