// bastion-fixture: db/migrations/20240601090000_orders.js
// ok: index-build-blocking
exports.config = { transaction: false };

exports.up = async function (knex) {
  await knex.schema.createTable("carts", (table) => {
    table.bigIncrements("id");
    table.index(["id"]);
  });
  await knex.raw("CREATE INDEX CONCURRENTLY ix_ref ON orders (ref)");
};

exports.down = async function (knex) {};
