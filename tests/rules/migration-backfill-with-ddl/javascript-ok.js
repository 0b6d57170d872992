// bastion-fixture: db/migrations/20240612103500_backfill_customer_region.js
// ok: migration-backfill-with-ddl
// Data only: the column came in the previous migration, so no DDL lock is held while
// the rows are updated, batch by batch.
exports.up = async function (knex) {
  for (;;) {
    const updated = await knex("customers")
      .whereIn("id", knex("customers").select("id").whereNull("region").limit(1000))
      .update({ region: "eu" });
    if (updated === 0) break;
  }
};

exports.down = async function () {};
