async function ensureUsersTable(knex) {
  if (await knex.schema.hasTable("users")) return;
  await knex.schema.createTable("users", table => {
    table.increments("id").primary();
    table
      .string("email")
      .unique()
      .notNullable();
    table.string("password").notNullable();
    table.string("verification_token");
    table.dateTime("verification_expires");
    table.timestamps(false, true);
  });
}

module.exports = { ensureUsersTable };
