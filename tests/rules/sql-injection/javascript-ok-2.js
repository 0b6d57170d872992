// bastion-fixture: test/users.test.js
// ok: sql-injection
const { Pool } = require('pg');
test('drop', async () => {
  await pool.query(`DROP TABLE ${req.query.t}`);
});
