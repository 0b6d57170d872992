// bastion-fixture: server/users.js
const crypto = require('crypto');
function hash(password) {
// expect: password-fast-hash
  return crypto.createHash('sha256').update(password).digest('hex');
}
