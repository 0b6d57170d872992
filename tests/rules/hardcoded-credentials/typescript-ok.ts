// bastion-fixture: server/auth.ts
// ok: hardcoded-credentials
const jwt = require('jsonwebtoken');
const session = require('express-session');

const JWT_SECRET = process.env.JWT_SECRET;
const TOKEN_HEADER = 'x-auth-token';
const PASSWORD_ENV = 'DB_PASSWORD';

function issue(user) {
  return jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: '1h' });
}

const sessions = session({ secret: process.env.SESSION_SECRET, resave: false });
module.exports = { issue, sessions, TOKEN_HEADER, PASSWORD_ENV };
