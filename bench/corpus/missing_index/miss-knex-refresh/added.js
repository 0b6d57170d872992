async function rotate(knex, token) {
  const session = await knex('sessions').where({ refresh_token: token }).first();
  return session;
}

module.exports = { rotate };
