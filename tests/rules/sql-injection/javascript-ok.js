// bastion-fixture: src/routes/users.js
// ok: sql-injection
const { Pool } = require('pg');
const pool = new Pool();
const TABLE = 'users';
app.get('/users/:id', async (req, res) => {
  const id = req.params.id;
  await pool.query('SELECT * FROM users WHERE id = $1', [id]);
  await pool.query(`SELECT * FROM ${TABLE} WHERE id = $1`, [id]);
  const dir = req.query.desc ? 'DESC' : 'ASC';
  res.json(await pool.query(`SELECT * FROM users WHERE id = ? ORDER BY id ${dir}`, [id]));
});
