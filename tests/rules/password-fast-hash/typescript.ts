// bastion-fixture: src/server/users.ts
// expect: password-fast-hash
export const h = (pwd: string) => CryptoJS.SHA256(salt + pwd).toString();
