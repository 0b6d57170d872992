// bastion-fixture: server/auth/hash.js
const crypto = require('crypto');

function legacyHash(password) {
// expect: static-salt
  return crypto.pbkdf2Sync(password, 'acme-portal-salt', 100000, 64, 'sha512').toString('hex');
}

module.exports = { legacyHash };
