// bastion-fixture: src/db/users.js
const { Pool } = require('pg');
const pool = new Pool();
exports.all = () => pool.query(`
// expect: select-star
  SELECT * FROM users ORDER BY id`);
