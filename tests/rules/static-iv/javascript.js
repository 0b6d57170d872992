// bastion-fixture: server/lib/vault.js
const crypto = require('crypto');
const IV = Buffer.from('vault-iv-000001!');

function seal(key, data) {
// expect: static-iv
  const cipher = crypto.createCipheriv('aes-256-cbc', key, IV);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}
