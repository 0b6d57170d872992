// bastion-fixture: server/http/etag.js
// ok: weak-hash
const crypto = require('crypto');
function etagFor(body) {
  return crypto.createHash('md5').update(body).digest('hex');
}
function signPayload(body, key) {
  return crypto.createHash('sha256').update(key + body).digest('hex');
}
