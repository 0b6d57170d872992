// bastion-fixture: server/routes/members.js
const mongoose = require('mongoose');
const Member = mongoose.model('Member');

async function show(req, res) {
  // A number (or NaN) after the unary plus, never an operator object.
// ok: nosql-injection
  const member = await Member.findOne({ seq: +req.query.seq });
  // `$eq` compares with the value as it is, object or not.
// ok: nosql-injection
  const other = await Member.findOne({ email: { $eq: req.body.email } });
  // A Buffer of the decoded bytes, whatever the body held.
// ok: nosql-injection
  const key = await Member.findOne({ credentialId: Buffer.from(req.body.id, 'base64url') });
  res.json({ member, other, key });
}

module.exports = { show };
