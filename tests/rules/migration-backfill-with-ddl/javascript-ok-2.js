// bastion-fixture: db/migrations/20240715090500_backfill_account_plan_tier.js
// ok: migration-backfill-with-ddl
// The column came in the previous migration; this one only writes rows, a thousand
// at a time, so no schema lock is held while they are updated.
const BATCH = 1000;

exports.up = async function (knex) {
  let updated;
  do {
    updated = await knex("accounts")
      .whereIn("id", knex("accounts").select("id").whereNull("plan_tier").limit(BATCH))
      .update({ plan_tier: "free" });
  } while (updated > 0);
};

exports.down = async function () {};
