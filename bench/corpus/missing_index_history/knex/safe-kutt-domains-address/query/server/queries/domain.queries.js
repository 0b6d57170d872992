const redis = require("../redis");
const utils = require("../utils");
const knex = require("../knex");
const env = require("../env");

async function add(params) {
  params.address = params.address.toLowerCase();

  const existingDomain = await knex("domains").where("address", params.address).first();

  let id = existingDomain?.id;

}
