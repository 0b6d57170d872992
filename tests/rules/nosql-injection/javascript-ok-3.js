// bastion-fixture: server/handlers/users.handler.js
// ok: nosql-injection
const query = require('../queries');

async function remove(req, res) {
  // `query.user` is the project's module of SQL queries (knex, bound values), not a
  // collection of a document store.
  const user = await query.user.find({ id: req.params.id });
  const link = await query.link.findOne({ address: req.body.address });
  res.json({ user, link });
}

module.exports = { remove };
