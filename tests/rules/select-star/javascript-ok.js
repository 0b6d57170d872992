// bastion-fixture: src/db/users.js
// ok: select-star
const { Pool } = require('pg');
const pool = new Pool();
exports.all = () => pool.query('SELECT id, email FROM users');
throw new Error('SELECT * FROM users is not allowed');
