async function ensureDomainsTable(knex) {
  if (await knex.schema.hasTable("domains")) return;
  await knex.schema.createTable("domains", table => {
    table.increments("id").primary();
    table
      .string("address")
      .unique()
      .notNullable();
    table.string("homepage").nullable();
    table
      .integer("user_id")
      .unsigned();
    table.timestamps(false, true);
  });
}

module.exports = { ensureDomainsTable };
