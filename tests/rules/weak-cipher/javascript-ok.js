// bastion-fixture: server/crypto.js
// ok: weak-cipher
const c = crypto.createCipheriv('aes-256-gcm', key, iv);
