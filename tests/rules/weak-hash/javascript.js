// bastion-fixture: server/auth/signature.js
const crypto = require('crypto');
function signPayload(body, key) {
// expect: weak-hash
  return crypto.createHash('sha1').update(key + body).digest('hex');
}
