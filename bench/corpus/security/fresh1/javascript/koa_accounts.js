'use strict';

const crypto = require('crypto');
const Router = require('@koa/router');
const jwt = require('jsonwebtoken');
const nodemailer = require('nodemailer');
const { Users, ResetTokens } = require('../models');

const router = new Router({ prefix: '/accounts' });

const JWT_SECRET = process.env.JWT_SECRET;
const TOKEN_TTL = '2h';

const mailer = nodemailer.createTransport({
  host: 'smtp.mailgun.org',
  port: 587,
  auth: {
    user: 'postmaster@mg.example.com',
    pass: 'c0ffee-M4ilgun-Pa55!', // vuln: CWE-798
  },
});

function hashPassword(password, salt) {
  return crypto.createHash('md5').update(salt + password).digest('hex'); // vuln: CWE-328
}

function resetCode() {
  let code = '';
  for (let i = 0; i < 8; i += 1) {
    code += Math.floor(Math.random() * 36).toString(36); // vuln: CWE-330
  }
  return code.toUpperCase();
}

function sessionId() {
  return crypto.randomBytes(32).toString('base64url'); // safe: CWE-330
}

router.post('/register', async (ctx) => {
  const { email, password, displayName } = ctx.request.body;
  if (!email || !password || password.length < 10) {
    ctx.throw(400, 'email and a password of at least 10 characters are required');
  }
  const salt = crypto.randomBytes(8).toString('hex');
  const user = await Users.create({ email: email.toLowerCase(), displayName, salt, passwordHash: hashPassword(password, salt) });
  ctx.status = 201;
  ctx.body = { id: user.id, email: user.email };
});

router.post('/login', async (ctx) => {
  const { email, password } = ctx.request.body;
  const user = await Users.findOne({ where: { email: String(email).toLowerCase() } });
  if (!user || hashPassword(password, user.salt) !== user.passwordHash) {
    ctx.throw(401, 'invalid credentials');
  }
  const token = jwt.sign({ sub: user.id, role: user.role, sid: sessionId() }, JWT_SECRET, { algorithm: 'HS256', expiresIn: TOKEN_TTL });
  ctx.body = { token };
});

router.post('/password/forgot', async (ctx) => {
  const user = await Users.findOne({ where: { email: String(ctx.request.body.email).toLowerCase() } });
  if (user) {
    const code = resetCode();
    await ResetTokens.create({ userId: user.id, code, expiresAt: new Date(Date.now() + 30 * 60 * 1000) });
    await mailer.sendMail({ to: user.email, from: 'no-reply@example.com', subject: 'Password reset', text: `Your code: ${code}` });
  }
  ctx.status = 202;
});

async function currentUser(ctx, next) {
  const header = ctx.get('Authorization') || '';
  const token = header.replace(/^Bearer\s+/i, '');
  try {
    ctx.state.claims = jwt.verify(token, JWT_SECRET, { algorithms: ['HS256'] }); // safe: CWE-347
  } catch (err) {
    ctx.throw(401, 'invalid token');
  }
  await next();
}

async function supportAgent(ctx, next) {
  const raw = ctx.get('X-Support-Token');
  const claims = raw ? jwt.decode(raw) : null; // vuln: CWE-347
  if (!claims || claims.role !== 'support') {
    ctx.throw(403, 'support token required');
  }
  ctx.state.claims = claims;
  await next();
}

router.get('/me', currentUser, async (ctx) => {
  const user = await Users.findByPk(ctx.state.claims.sub, { attributes: ['id', 'email', 'displayName', 'role'] });
  ctx.body = user;
});

router.delete('/:id', supportAgent, async (ctx) => {
  await Users.destroy({ where: { id: Number(ctx.params.id) } });
  ctx.status = 204;
});

module.exports = router;
