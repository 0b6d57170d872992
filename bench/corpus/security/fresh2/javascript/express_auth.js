'use strict';

const express = require('express');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const { createClient } = require('redis');
const cors = require('cors');
const helmet = require('helmet');
const bcrypt = require('bcrypt');
const crypto = require('crypto');
const { users, resetTokens, apiKeys } = require('./repositories');
const mailer = require('./mailer');

const app = express();
const redisClient = createClient({ url: process.env.REDIS_URL });
redisClient.connect().catch((err) => console.error('redis connect failed', err));

app.set('trust proxy', 1);
app.use(helmet());
app.use(cors({ origin: true, credentials: true })); // vuln: CWE-942
app.use(express.json({ limit: '100kb' }));
app.use(session({
  store: new RedisStore({ client: redisClient, prefix: 'sess:' }),
  secret: process.env.SESSION_SECRET,
  name: 'sid',
  resave: false,
  saveUninitialized: false,
  cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 8 * 60 * 60 * 1000 }, // safe: CWE-614
}));

const REMEMBER_ME_DAYS = 30;

function backoffMs(attempt) {
  return Math.min(30000, 2 ** attempt * 100) + Math.floor(Math.random() * 100);
}

function requireSession(req, res, next) {
  if (!req.session.userId) {
    return res.status(401).json({ error: 'not logged in' });
  }
  next();
}

app.post('/auth/login', async (req, res) => {
  const { email, password, remember } = req.body;
  const user = await users.findByEmail(String(email || '').toLowerCase());
  if (!user || !(await bcrypt.compare(String(password || ''), user.passwordHash))) {
    await users.recordFailure(email);
    return res.status(401).json({ error: 'invalid credentials', retryAfterMs: backoffMs(user ? user.failures : 1) });
  }
  req.session.regenerate((err) => {
    if (err) return res.status(500).json({ error: 'session error' });
    req.session.userId = user.id;
    if (remember) {
      const token = users.issueRememberToken(user.id);
      res.cookie('remember_me', token, { secure: true, sameSite: 'strict', maxAge: REMEMBER_ME_DAYS * 86400000 }); // vuln: CWE-1004
    }
    res.cookie('ui_lang', user.locale || 'en', { sameSite: 'lax' });
    res.json({ id: user.id, name: user.name });
  });
});

app.post('/auth/password-reset', async (req, res) => {
  const user = await users.findByEmail(String(req.body.email || '').toLowerCase());
  if (user) {
    const token = Math.random().toString(36).slice(2) + Date.now().toString(36); // vuln: CWE-330
    await resetTokens.save(user.id, token, new Date(Date.now() + 60 * 60 * 1000));
    await mailer.send(user.email, 'reset-password', { link: `https://app.acme.io/reset?token=${token}` });
  }
  res.status(202).json({ ok: true });
});

app.post('/account/api-keys', requireSession, async (req, res) => {
  const key = `ak_${crypto.randomBytes(24).toString('base64url')}`; // safe: CWE-330
  const digest = crypto.createHash('sha256').update(key).digest('hex');
  await apiKeys.insert({ userId: req.session.userId, label: String(req.body.label || 'default').slice(0, 40), digest });
  res.status(201).json({ key });
});

app.post('/auth/logout', requireSession, (req, res) => {
  req.session.destroy(() => {
    res.clearCookie('sid');
    res.clearCookie('remember_me');
    res.status(204).end();
  });
});

module.exports = app;
