async function ensureHostsTable(knex) {
  if (await knex.schema.hasTable("hosts")) return;
  await knex.schema.createTable("hosts", table => {
    table.increments("id").primary();
    table
      .string("address")
      .unique()
      .notNullable();
    table
      .boolean("banned")
      .notNullable()
      .defaultTo(false);
    table.timestamps(false, true);
  });
}

module.exports = { ensureHostsTable };
