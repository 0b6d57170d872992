// bastion-fixture: src/server/crypto.ts
// expect: weak-cipher
export const c = createCipheriv('des-ede3-cbc', key, iv);
