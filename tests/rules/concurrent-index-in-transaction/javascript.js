// bastion-fixture: db/migrations/20240601090000_orders.js
exports.up = async function (knex) {
// expect: concurrent-index-in-transaction
  await knex.raw("CREATE INDEX CONCURRENTLY ix_ref ON orders (ref)");
};

exports.down = async function (knex) {};
