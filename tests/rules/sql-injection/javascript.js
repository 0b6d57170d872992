// bastion-fixture: src/routes/users.js
const { Pool } = require('pg');
const pool = new Pool();
app.get('/users/:id', async (req, res) => {
// expect: sql-injection
  const r = await pool.query(`SELECT * FROM users WHERE id = ${req.params.id}`);
  res.json(r.rows[0]);
});
