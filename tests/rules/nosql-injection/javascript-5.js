// bastion-fixture: server/routes/members.js
const express = require('express');
const mongoose = require('mongoose');
const validator = require('validator');

const Member = mongoose.model('Member');
const router = express.Router();

router.post('/members/reset', async (req, res) => {
  if (!validator.isEmail(req.body.email)) {
    return res.status(400).end();
  }
  // The check was on another field; a type test that is not "string" proves nothing.
// expect: nosql-injection
  const member = await Member.findOne({ email: req.body.backup });
  if (typeof req.body.handle === 'object') {
    return res.status(400).end();
  }
// expect: nosql-injection
  const byHandle = await Member.findOne({ handle: req.body.handle });
  res.json({ found: Boolean(member || byHandle) });
});

module.exports = router;
