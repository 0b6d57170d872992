const env = require("../env");

// MySQL has no CREATE INDEX IF NOT EXISTS.
const guard = ["mysql", "mysql2"].includes(env.DB_CLIENT) ? "" : "IF NOT EXISTS";

async function up(knex) {
  await knex.raw(`
    CREATE INDEX ${guard} links_user_id_index ON links (user_id);
    CREATE INDEX ${guard} links_domain_id_index ON links (domain_id);
    CREATE INDEX ${guard} links_address_index ON links (address);
  `);
}

async function down(knex) {
  await knex.raw(`
    DROP INDEX links_user_id_index;
    DROP INDEX links_domain_id_index;
    DROP INDEX links_address_index;
  `);
}

module.exports = { up, down };
