// bastion-fixture: server/crypto.js
// expect: weak-cipher
const c = crypto.createCipheriv('aes-128-ecb', key, null);
