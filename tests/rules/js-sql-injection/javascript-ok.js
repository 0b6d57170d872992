// bastion-fixture: src/db/users.js
// ok: js-sql-injection
const { Pool } = require('pg');
const pool = new Pool();
const TABLE = 'users';
async function findUser(id) {
  await pool.query('SELECT * FROM users WHERE id = $1', [id]);
  await pool.query(`SELECT * FROM ${TABLE} WHERE id = $1`, [id]);
  const sql = 'SELECT * FROM users WHERE id = ' + '$1';
  return pool.query(sql, [id]);
}
