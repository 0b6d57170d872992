import Fastify, { FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import crypto from 'crypto';
import { promisify } from 'util';
import { sessions, users } from './store';

const pbkdf2 = promisify(crypto.pbkdf2);
const app = Fastify({ logger: true });
app.register(cookie);

const PASSWORD_SALT = 'acme-platform-salt-v1';

async function hashPassword(password: string): Promise<string> {
  const derived = await pbkdf2(password, PASSWORD_SALT, 310000, 32, 'sha256'); // vuln: CWE-760
  return derived.toString('hex');
}

async function hashPasswordV2(password: string): Promise<string> {
  const salt = crypto.randomBytes(16); // safe: CWE-760
  const derived = await pbkdf2(password, salt, 310000, 32, 'sha256');
  return `${salt.toString('hex')}:${derived.toString('hex')}`;
}

function newSessionId(): string {
  let id = '';
  for (let i = 0; i < 4; i++) {
    id += Math.floor(Math.random() * 0xffffffff).toString(16); // vuln: CWE-330
  }
  return id;
}

function newCsrfToken(): string {
  return crypto.randomBytes(32).toString('hex'); // safe: CWE-330
}

app.post('/signup', async (req: FastifyRequest<{ Body: { email: string; password: string } }>, reply: FastifyReply) => {
  const hash = await hashPasswordV2(req.body.password);
  const user = await users.create({ email: req.body.email, passwordHash: hash });
  return reply.code(201).send({ id: user.id });
});

app.post('/legacy/signup', async (req: FastifyRequest<{ Body: { email: string; password: string } }>, reply: FastifyReply) => {
  const hash = await hashPassword(req.body.password);
  const user = await users.create({ email: req.body.email, passwordHash: hash, legacy: true });
  return reply.code(201).send({ id: user.id });
});

app.post('/sessions', async (req: FastifyRequest<{ Body: { email: string } }>, reply: FastifyReply) => {
  const user = await users.findByEmail(req.body.email);
  if (!user) return reply.code(401).send({ error: 'unknown user' });
  const sid = newSessionId();
  await sessions.put(sid, { userId: user.id, csrf: newCsrfToken() });
  reply.setCookie('sid', sid, { path: '/', httpOnly: true, sameSite: 'lax', secure: false }); // vuln: CWE-614
  reply.setCookie('ui_locale', 'en-GB', { path: '/', httpOnly: true, secure: true, sameSite: 'lax' }); // safe: CWE-614
  return { ok: true };
});

app.listen({ port: 8080, host: '0.0.0.0' });
