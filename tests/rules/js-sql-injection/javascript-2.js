// bastion-fixture: src/db/report.js
const knex = require('knex')({ client: 'pg' });
function report(col) {
// expect: js-sql-injection
  return knex('sales').select(knex.raw(`sum(${col})`));
}
