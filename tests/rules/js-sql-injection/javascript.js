// bastion-fixture: src/db/users.js
const { Pool } = require('pg');
const pool = new Pool();
async function findUser(id) {
// expect: js-sql-injection
  const res = await pool.query(`SELECT * FROM users WHERE id = ${id}`);
  return res.rows[0];
}
