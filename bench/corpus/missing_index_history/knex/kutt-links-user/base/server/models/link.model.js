async function ensureLinksTable(knex) {
  if (await knex.schema.hasTable("links")) return;
  await knex.schema.createTable("links", table => {
    table.increments("id").primary();
    table.string("address").notNullable();
    table.string("target", 2040).notNullable();
    table
      .integer("domain_id")
      .unsigned()
      .references("id")
      .inTable("domains");
    table
      .integer("user_id")
      .unsigned();
    table
      .foreign("user_id")
      .references("id")
      .inTable("users")
      .onDelete("CASCADE");
    table.dateTime("expire_in");
    table.timestamps(false, true);
  });
}

module.exports = { ensureLinksTable };
