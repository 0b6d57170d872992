// bastion-fixture: src/routes/report.js
const knex = require('knex')({ client: 'pg' });
app.get('/report', async (req, res) => {
  const { col } = req.query;
// expect: sql-injection
  res.json(await knex('sales').select(knex.raw(`sum(${col})`)));
});
