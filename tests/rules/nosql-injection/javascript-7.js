// bastion-fixture: server/routes/profiles.js
// A criteria object filled field by field from the body, then queried whole.
const express = require('express');
const mongoose = require('mongoose');

const User = mongoose.model('User');
const router = express.Router();

router.post('/profiles/lookup', async (req, res) => {
  const criteria = {};
  if (req.body.username) criteria.username = req.body.username;
  if (req.body.email) criteria.email = req.body.email;
// expect: nosql-injection
  const user = await User.findOne(criteria).select('username displayName');
  if (!user) return res.status(404).json({ error: 'not found' });
  res.json(user);
});

module.exports = router;
