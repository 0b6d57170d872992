// bastion-fixture: server/routes/members.js
// ok: nosql-injection
const express = require('express');
const mongoose = require('mongoose');
const validator = require('validator');

const Member = mongoose.model('Member');
const router = express.Router();

router.post('/members/reset', async (req, res) => {
  // validator.js throws for anything but a string: past the check, the value is text.
  if (!validator.isEmail(req.body.email)) {
    return res.status(400).end();
  }
  const member = await Member.findOne({ email: req.body.email });
  if (typeof req.body.handle !== 'string') {
    return res.status(400).end();
  }
  const byHandle = await Member.findOne({ handle: req.body.handle });
  res.json({ found: Boolean(member || byHandle) });
});

module.exports = router;
