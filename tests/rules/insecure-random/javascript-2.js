// bastion-fixture: server/utils/passwords.js
const crypto = require("crypto");

function generateRandomPassword() {
  // Between 20 and 40 characters; every character comes from crypto.randomBytes.
  const length = Math.floor(Math.random() * 21) + 20;
  return [...crypto.randomBytes(length)].map((b) => String.fromCharCode((b % 93) + 33)).join("");
}

function generateInviteCode() {
// expect: insecure-random
  const code = Math.floor(Math.random() * 1e8);
  return code.toString(36);
}
