const knex = require("../knex");

// Admin link count; `owner` is either a user id or part of an e-mail address.
async function countForAdmin(owner) {
  const query = knex("links");
  if (owner) {
    const id = Number.parseInt(owner, 10);
    if (Number.isNaN(id)) {
      query.andWhereILike("users.email", `%${owner}%`);
    } else {
      query.andWhere("links.user_id", owner);
    }
  }
  return query.count("* as total").first();
}

module.exports = { countForAdmin };
