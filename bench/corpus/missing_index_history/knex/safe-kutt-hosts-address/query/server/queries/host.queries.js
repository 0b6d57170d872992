const knex = require("../knex");

async function findOrStartHost(address) {
  const wanted = address.toLowerCase();
  const existing = await knex("hosts").where("address", wanted).first();
  return existing?.id;
}

module.exports = { findOrStartHost };
