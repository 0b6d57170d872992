const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');
const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const { MongoClient } = require('mongodb');
const serialize = require('node-serialize');

const app = new Koa();
const router = new Router();
const client = new MongoClient(process.env.MONGO_URL);
const users = client.db('app').collection('users');

const JWT_SECRET = 'change-me-please-123'; // vuln: CWE-798
const JWT_SECRET_FROM_ENV = process.env.JWT_SECRET; // safe: CWE-798

app.use(cors({ origin: '*', credentials: true })); // vuln: CWE-942

router.post('/login', async (ctx) => {
  const { username, password } = ctx.request.body;
  const user = await users.findOne({ username: username, password: password }); // vuln: CWE-943
  if (!user) ctx.throw(401);
  const token = jwt.sign({ sub: user._id }, JWT_SECRET, { expiresIn: '1h' });
  ctx.cookies.set('session', token, { httpOnly: false, secure: false }); // vuln: CWE-1004
  ctx.body = { ok: true };
});

router.post('/login-safe', async (ctx) => {
  const username = String(ctx.request.body.username);
  const user = await users.findOne({ username: { $eq: username } }); // safe: CWE-943
  if (!user) ctx.throw(401);
  const token = jwt.sign({ sub: user._id }, JWT_SECRET_FROM_ENV, { algorithm: 'HS256', expiresIn: '1h' });
  ctx.cookies.set('session', token, { httpOnly: true, secure: true, sameSite: 'lax' }); // safe: CWE-1004
  ctx.body = { ok: true };
});

router.get('/users/find', async (ctx) => {
  const filter = { $where: "this.team == '" + ctx.query.team + "'" };
  ctx.body = await users.find(filter).toArray(); // vuln: CWE-943
});

router.get('/me', async (ctx) => {
  const token = ctx.get('Authorization').replace('Bearer ', '');
  const claims = jwt.decode(token); // vuln: CWE-347
  ctx.body = await users.findOne({ _id: claims.sub });
});

router.get('/me-verified', async (ctx) => {
  const token = ctx.get('Authorization').replace('Bearer ', '');
  const claims = jwt.verify(token, JWT_SECRET_FROM_ENV, { algorithms: ['HS256'] }); // safe: CWE-347
  ctx.body = await users.findOne({ _id: claims.sub });
});

router.get('/legacy/me', async (ctx) => {
  const token = ctx.get('Authorization').replace('Bearer ', '');
  const claims = jwt.verify(token, JWT_SECRET_FROM_ENV, { algorithms: ['none', 'HS256'] }); // vuln: CWE-347
  ctx.body = { sub: claims.sub };
});

router.post('/prefs', async (ctx) => {
  const prefs = serialize.unserialize(ctx.cookies.get('prefs')); // vuln: CWE-502
  ctx.body = prefs;
});

router.post('/prefs-safe', async (ctx) => {
  const prefs = JSON.parse(ctx.cookies.get('prefs') || '{}'); // safe: CWE-502
  ctx.body = prefs;
});

function resetToken() {
  return Math.random().toString(36).slice(2); // vuln: CWE-330
}

function resetTokenSafe() {
  return crypto.randomBytes(32).toString('hex'); // safe: CWE-330
}

function hashPassword(password) {
  return crypto.createHash('md5').update(password).digest('hex'); // vuln: CWE-328
}

function checksum(buffer) {
  return crypto.createHash('sha256').update(buffer).digest('hex'); // safe: CWE-328
}

router.get('/welcome', async (ctx) => {
  ctx.type = 'html';
  ctx.body = `<p>Welcome back, ${ctx.query.name}</p>`; // vuln: CWE-79
});

router.get('/jump', async (ctx) => {
  ctx.redirect(ctx.query.returnTo); // vuln: CWE-601
});

module.exports = { app, router, resetToken, resetTokenSafe, hashPassword, checksum };
