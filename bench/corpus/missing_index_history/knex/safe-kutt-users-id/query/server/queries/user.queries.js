const knex = require("../knex");

async function saveVerification(user, token, expiresAt) {
  await knex("users")
    .where("id", user.id)
    .update({ verification_token: token, verification_expires: expiresAt, updated_at: new Date() });
}

module.exports = { saveVerification };
