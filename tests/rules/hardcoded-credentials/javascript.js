// bastion-fixture: server/auth.js
const jwt = require('jsonwebtoken');
const session = require('express-session');

// expect: hardcoded-credentials
const JWT_SECRET = 'change-me-please-123';

function issue(user) {
// expect: hardcoded-credentials
  return jwt.sign({ sub: user.id }, 's3cr3t-signing-key', { expiresIn: '1h' });
}

// expect: hardcoded-credentials
const sessions = session({ secret: 'keyboard cat', resave: false });
module.exports = { issue, sessions, JWT_SECRET };

// nodemailer's `auth.pass`.
const mailer = nodemailer.createTransport({
  host: 'smtp.example.com',
  auth: {
    user: 'postmaster@example.com',
// expect: hardcoded-credentials
    pass: 'c0ffee-Ma1l-Pa55!',
  },
});
