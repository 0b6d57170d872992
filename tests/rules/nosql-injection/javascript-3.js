// bastion-fixture: server/handlers/users.handler.js
async function remove(req, res) {
// expect: nosql-injection
  const user = await db.users.findOne({ name: req.body.name });
// expect: nosql-injection
  const link = await this.linkModel.find({ address: req.body.address });
// expect: nosql-injection
  const other = await db.collection('links').find({ owner: req.body.owner });
  res.json({ user, link, other });
}

module.exports = { remove };
