// bastion-fixture: db/migrations/20240612103000_add_region_to_customers.js
exports.up = async function (knex) {
  await knex.raw("ALTER TABLE customers ADD COLUMN region varchar(8)");
// expect: migration-backfill-with-ddl
  await knex.raw("UPDATE customers SET region = 'eu'");
};

exports.down = async function (knex) {
  await knex.raw("ALTER TABLE customers DROP COLUMN region");
};
