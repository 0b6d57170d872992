// bastion-fixture: server/routes/members.js
const mongoose = require('mongoose');
const Member = mongoose.model('Member');

async function show(req, res) {
// expect: nosql-injection
  const member = await Member.findOne({ seq: req.query.seq });
// expect: nosql-injection
  const other = await Member.findOne({ email: { $ne: req.body.email } });
  res.json({ member, other });
}

module.exports = { show };
