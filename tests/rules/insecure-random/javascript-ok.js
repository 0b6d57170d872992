// bastion-fixture: server/auth/reset.js
// ok: insecure-random
const crypto = require('crypto');
function issue(user) {
  const resetToken = crypto.randomBytes(32).toString('hex');
  const jitter = Math.random() * 250;
  return store.save(user.id, resetToken, jitter);
}
