// bastion-fixture: db/migrations/20240715090000_add_plan_tier_to_accounts.js
exports.up = async function (knex) {
  await knex.schema.alterTable("accounts", (table) => {
    table.string("plan_tier", 16);
    table.timestamp("plan_changed_at");
  });
// expect: migration-backfill-with-ddl
  await knex("accounts").update({ plan_tier: "free", plan_changed_at: knex.fn.now() });
};

exports.down = async function (knex) {
  await knex.schema.alterTable("accounts", (table) => {
    table.dropColumn("plan_changed_at");
    table.dropColumn("plan_tier");
  });
};
