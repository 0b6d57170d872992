// bastion-fixture: server/routes/project_users.js
// ok: nosql-injection
// The e-mail is lower-cased first: an object in the body throws there, it never reaches
// the query.
const express = require('express');
const mongoose = require('mongoose');

const User = mongoose.model('User');
const router = express.Router();

router.post('/invite', async (req, res) => {
  const email = req.body.email.toLowerCase().trim();
  const user = await User.findOne({ email });
  res.json({ exists: Boolean(user) });
});

module.exports = router;
