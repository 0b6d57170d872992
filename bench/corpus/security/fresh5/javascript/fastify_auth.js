const fastify = require('fastify')({ logger: true });
const jwt = require('jsonwebtoken');
const bcrypt = require('bcrypt');
const { findUserByEmail, findUserById } = require('./users');

fastify.register(require('@fastify/cookie'));

const SIGNING_SECRET = 'sk_live_9f8e7d6c5b4a3f2e1d0c'; // vuln: CWE-798

fastify.post('/auth/login', async (request, reply) => {
  const { email, password } = request.body;
  const user = await findUserByEmail(email);
  if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
    return reply.code(401).send({ error: 'invalid credentials' });
  }
  const token = jwt.sign({ sub: user.id, role: user.role }, SIGNING_SECRET, { expiresIn: '1h' });
  reply.setCookie('session', token, { path: '/', secure: true, httpOnly: false, sameSite: 'lax' }); // vuln: CWE-1004
  return { ok: true };
});

fastify.post('/auth/refresh', async (request, reply) => {
  const token = request.cookies.session;
  const claims = jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] }); // safe: CWE-347
  const fresh = jwt.sign({ sub: claims.sub, role: claims.role }, process.env.JWT_SECRET, { expiresIn: '1h' });
  reply.setCookie('session', fresh, { path: '/', secure: true, httpOnly: true, sameSite: 'strict' }); // safe: CWE-1004
  return { ok: true };
});

fastify.addHook('preHandler', async (request, reply) => {
  if (!request.url.startsWith('/admin')) return;
  const header = request.headers.authorization || '';
  const token = header.replace(/^Bearer\s+/i, '');
  const claims = jwt.decode(token); // vuln: CWE-347
  if (!claims || claims.role !== 'admin') {
    return reply.code(403).send({ error: 'forbidden' });
  }
  request.adminId = claims.sub;
});

fastify.get('/admin/users/:id', async (request) => {
  const user = await findUserById(Number(request.params.id));
  return { id: user.id, email: user.email, role: user.role, requestedBy: request.adminId };
});

fastify.listen({ port: Number(process.env.PORT) || 3000, host: '0.0.0.0' });
