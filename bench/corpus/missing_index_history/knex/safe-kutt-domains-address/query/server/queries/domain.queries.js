const knex = require("../knex");

async function findOrStartDomain(address) {
  const wanted = address.toLowerCase();
  const existing = await knex("domains").where("address", wanted).first();
  return existing?.id;
}

module.exports = { findOrStartDomain };
