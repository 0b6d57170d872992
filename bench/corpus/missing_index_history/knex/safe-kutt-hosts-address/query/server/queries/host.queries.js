const redis = require("../redis");
const utils = require("../utils");
const knex = require("../knex");
const env = require("../env");

async function add(params) {
  params.address = params.address.toLowerCase();

  const existingHost = await knex("hosts").where("address", params.address).first();

  let id = existingHost?.id;
}
