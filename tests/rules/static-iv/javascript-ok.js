// bastion-fixture: server/lib/vault.js
// ok: static-iv
const crypto = require('crypto');

function seal(key, data) {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(data), cipher.final()]);
}
