// bastion-fixture: src/db/schema.js
// ok: js-sql-injection
const knex = require('knex');
async function run(sequelize, subQuery, options) {
  await sequelize.query(`${subQuery};`, { raw: true, ...options });
}
