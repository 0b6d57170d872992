'use strict';

const express = require('express');
const mongoose = require('mongoose');
const crypto = require('crypto');
const cookieParser = require('cookie-parser');

const userSchema = new mongoose.Schema({
  username: { type: String, unique: true },
  email: String,
  displayName: String,
  bio: String,
  passwordHash: String,
  role: { type: String, default: 'user' },
  verified: { type: Boolean, default: false },
  rememberToken: String,
});

const User = mongoose.model('User', userSchema);

const EDITABLE_FIELDS = ['displayName', 'bio', 'email'];

function pick(obj, keys) {
  const out = {};
  for (const k of keys) {
    if (Object.prototype.hasOwnProperty.call(obj, k)) {
      out[k] = obj[k];
    }
  }
  return out;
}

function hashPassword(password, salt) {
  return crypto.scryptSync(password, salt, 64).toString('hex');
}

const router = express.Router();
router.use(cookieParser());

// POST /profiles/lookup  { "username": ..., "email": ... }
router.post('/lookup', async (req, res) => {
  const criteria = {};
  if (req.body.username) criteria.username = req.body.username;
  if (req.body.email) criteria.email = req.body.email;
  const user = await User.findOne(criteria).select('username displayName bio'); // vuln: CWE-943
  if (!user) {
    return res.status(404).json({ error: 'not found' });
  }
  res.json(user);
});

// GET /profiles/by-name/:username
router.get('/by-name/:username', async (req, res) => {
  const username = String(req.query.username || req.params.username);
  const user = await User.findOne({ username: username }).select('username displayName bio'); // safe: CWE-943
  res.json(user || {});
});

// POST /profiles/login
router.post('/login', async (req, res) => {
  const { username, password, remember } = req.body;
  const user = await User.findOne({ username: String(username) });
  if (!user) {
    return res.status(401).json({ error: 'invalid credentials' });
  }
  const [salt, hash] = user.passwordHash.split(':');
  const candidate = hashPassword(String(password), salt);
  if (!crypto.timingSafeEqual(Buffer.from(candidate, 'hex'), Buffer.from(hash, 'hex'))) {
    return res.status(401).json({ error: 'invalid credentials' });
  }
  req.session.userId = user.id;
  if (remember) {
    const token = crypto.randomBytes(24).toString('base64url');
    user.rememberToken = crypto.createHash('sha256').update(token).digest('hex');
    await user.save();
    res.cookie('remember_me', token, { maxAge: 30 * 24 * 3600 * 1000, secure: true, httpOnly: false }); // vuln: CWE-1004
  }
  res.cookie('ui_prefs_seen', '1', { httpOnly: true, secure: true, sameSite: 'lax' });
  res.json({ ok: true });
});

// PUT /profiles/me
router.put('/me', async (req, res) => {
  const user = await User.findById(req.session.userId);
  if (!user) {
    return res.status(401).end();
  }
  user.set(pick(req.body, EDITABLE_FIELDS)); // safe: CWE-915
  await user.save();
  res.json({ ok: true });
});

// PATCH /profiles/:id  (used by the mobile app's settings screen)
router.patch('/:id', async (req, res) => {
  if (req.params.id !== String(req.session.userId)) {
    return res.status(403).end();
  }
  const updated = await User.findByIdAndUpdate(req.params.id, req.body, { new: true }); // vuln: CWE-915
  res.json({ id: updated.id, displayName: updated.displayName });
});

module.exports = router;
