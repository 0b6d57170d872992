'use strict';

const fastify = require('fastify')({ logger: true });
const jwt = require('jsonwebtoken');
const crypto = require('crypto');
const bcrypt = require('bcrypt');
const { Pool } = require('pg');

const db = new Pool({ connectionString: process.env.DATABASE_URL });

const JWT_SECRET = 'b7f3c9e2-prod-signing-key-2023'; // vuln: CWE-798
const TOKEN_TTL = '2h';

function signAccessToken(user) {
  return jwt.sign({ sub: user.id, role: user.role }, JWT_SECRET, { expiresIn: TOKEN_TTL });
}

function makeResetCode() {
  let code = '';
  for (let i = 0; i < 8; i++) {
    code += Math.floor(Math.random() * 36).toString(36); // vuln: CWE-330
  }
  return code;
}

function makeApiKey() {
  return crypto.randomBytes(32).toString('hex'); // safe: CWE-330
}

async function authenticate(request, reply) {
  const header = request.headers.authorization || '';
  const token = header.replace(/^Bearer\s+/i, '');
  try {
    request.user = jwt.verify(token, JWT_SECRET, { algorithms: ['HS256'] }); // safe: CWE-347
  } catch (e) {
    reply.code(401).send({ error: 'invalid token' });
  }
}

fastify.post('/auth/login', async (request, reply) => {
  const { email, password } = request.body;
  const { rows } = await db.query('SELECT id, role, password_hash FROM users WHERE email = $1', [email]);
  const user = rows[0];
  if (!user || !(await bcrypt.compare(password, user.password_hash))) {
    return reply.code(401).send({ error: 'invalid credentials' });
  }
  return { token: signAccessToken(user) };
});

fastify.post('/auth/reset-request', async (request) => {
  const { email } = request.body;
  const code = makeResetCode();
  await db.query(
    'UPDATE users SET reset_code = $1, reset_expires = now() + interval \'15 minutes\' WHERE email = $2',
    [code, email]
  );
  return { sent: true };
});

// Support tool: lets the admin console impersonate the user in a token it already holds.
fastify.get('/auth/whoami', async (request, reply) => {
  const token = (request.headers['x-session-token'] || '').trim();
  const claims = jwt.decode(token); // vuln: CWE-347
  if (!claims || !claims.sub) {
    return reply.code(401).send({ error: 'no session' });
  }
  const { rows } = await db.query('SELECT id, email, role FROM users WHERE id = $1', [claims.sub]);
  return rows[0] || reply.code(404).send({ error: 'unknown user' });
});

fastify.post('/api-keys', { preHandler: authenticate }, async (request) => {
  const key = makeApiKey();
  const digest = crypto.createHash('sha256').update(key).digest('hex');
  await db.query('INSERT INTO api_keys (user_id, key_hash) VALUES ($1, $2)', [request.user.sub, digest]);
  return { apiKey: key };
});

fastify.get('/me', { preHandler: authenticate }, async (request) => {
  const { rows } = await db.query('SELECT id, email, role FROM users WHERE id = $1', [request.user.sub]);
  return rows[0];
});

fastify.listen({ port: Number(process.env.PORT) || 8080, host: '0.0.0.0' });
