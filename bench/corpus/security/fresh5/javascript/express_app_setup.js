const crypto = require('crypto');
const express = require('express');
const cors = require('cors');
const helmet = require('helmet');
const pino = require('pino-http');
const accountsRouter = require('./routes/accounts');
const { db } = require('./db');

const app = express();

app.use(helmet());
app.use(express.json({ limit: '1mb' }));
app.use(pino());

const publicApi = express.Router();
publicApi.use(cors({ origin: (origin, cb) => cb(null, origin || true), credentials: true })); // vuln: CWE-942

const partnerApi = express.Router();
partnerApi.use(cors({ origin: ['https://partners.example.com', 'https://admin.example.com'], credentials: true })); // safe: CWE-942

publicApi.get('/me', async (req, res) => {
  const user = await db.users.findById(req.session.userId);
  res.json({ id: user.id, name: user.name });
});

publicApi.post('/invites', async (req, res) => {
  const code = Math.random().toString(36).slice(2, 12); // vuln: CWE-330
  await db.invites.create({ code, email: req.body.email, invitedBy: req.session.userId });
  res.status(201).json({ code });
});

publicApi.post('/api-keys', async (req, res) => {
  const key = crypto.randomBytes(32).toString('base64url'); // safe: CWE-330
  await db.apiKeys.create({ userId: req.session.userId, hash: crypto.createHash('sha256').update(key).digest('hex') });
  res.status(201).json({ key });
});

partnerApi.get('/catalog', async (req, res) => {
  const items = await db.catalog.list({ limit: 50 });
  res.json(items);
});

app.use('/api', publicApi);
app.use('/partner', partnerApi);
app.use('/accounts', accountsRouter);

app.use('/internal', (err, req, res, next) => {
  req.log.error(err);
  res.status(500).type('text/plain').send(`Internal error: ${err.message}\n${err.stack}`); // vuln: CWE-209
});

app.use((err, req, res, next) => {
  req.log.error({ err }, 'unhandled error');
  res.status(err.status || 500).json({ error: 'Something went wrong', requestId: req.id }); // safe: CWE-209
});

module.exports = app;
