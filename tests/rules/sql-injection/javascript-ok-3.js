// bastion-fixture: test/users.test.js
// ok: sql-injection
const { Pool } = require('pg');
const pool = new Pool();
test('drop', async () => {
  await pool.query(`DROP TABLE ${table}`);
});
