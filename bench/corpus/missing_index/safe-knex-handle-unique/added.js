async function byHandle(knex, handle) {
  return knex('sessions').where({ handle }).first();
}

module.exports = { byHandle };
