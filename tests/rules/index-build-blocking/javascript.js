// bastion-fixture: db/migrations/20240601090000_orders.js
exports.up = async function (knex) {
  await knex.schema.alterTable("orders", (table) => {
// expect: index-build-blocking
    table.index(["user_id", "created_at"]);
  });
};

exports.down = async function (knex) {};
