// bastion-fixture: db/migrations/20240720080000_add_archived_to_projects.js
// ok: migration-backfill-with-ddl
// The schema change and a targeted update of a handful of rows by key.
exports.up = async function (knex) {
  await knex.schema.alterTable("projects", (table) => {
    table.boolean("archived");
  });
  await knex("projects").where({ id: 1 }).update({ archived: false });
  await knex("projects").whereIn("id", [2, 3]).update({ archived: true });
};

exports.down = async function (knex) {
  await knex.schema.alterTable("projects", (table) => {
    table.dropColumn("archived");
  });
};
