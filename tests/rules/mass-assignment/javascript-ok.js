// bastion-fixture: server/routes/profile.js
// ok: mass-assignment
const express = require('express');
const { User } = require('../models');

const router = express.Router();

router.put('/me', async (req, res) => {
  const user = await User.findByPk(req.user.id);
  if (!user) return res.status(404).end();
  const { displayName, bio, timezone } = req.body;
  await user.update({ displayName, bio, timezone });
  res.json(user);
});

router.post('/posts', async (req, res) => {
  const post = await req.user.createPost({ title: req.body.title, body: req.body.body });
  res.status(201).json(post);
});

module.exports = router;
