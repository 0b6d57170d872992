import Fastify, { FastifyReply, FastifyRequest } from 'fastify';
import crypto from 'crypto';
import { Pool } from 'pg';

const db = new Pool({ connectionString: process.env.DATABASE_URL });
const app = Fastify({ logger: true });

const MASTER_KEY = Buffer.from(process.env.VAULT_MASTER_KEY ?? '', 'base64');
const LEGACY_KEY = Buffer.from(process.env.VAULT_LEGACY_KEY ?? '', 'hex');
const LEGACY_IV = Buffer.alloc(16, 0);
const PIN_SALT = 'vault-pin-salt-v1';

interface SecretBody {
  name: string;
  value: string;
}

interface PinBody {
  pin: string;
}

type Sealed = { iv: string; tag: string; data: string };

function seal(plaintext: string): Sealed {
  const iv = crypto.randomBytes(12); // safe: CWE-329
  const cipher = crypto.createCipheriv('aes-256-gcm', MASTER_KEY, iv); // safe: CWE-327
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function unseal(s: Sealed): string {
  const decipher = crypto.createDecipheriv('aes-256-gcm', MASTER_KEY, Buffer.from(s.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(s.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(s.data, 'base64')), decipher.final()]).toString('utf8');
}

// Kept for the export format that older desktop clients still read.
function legacyExport(plaintext: string): string {
  const cipher = crypto.createCipheriv('aes-256-cbc', LEGACY_KEY, LEGACY_IV); // vuln: CWE-329
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('hex');
}

function fingerprint(value: string): string {
  const c = crypto.createCipheriv('aes-128-ecb', LEGACY_KEY.subarray(0, 16), null); // vuln: CWE-327
  return Buffer.concat([c.update(value, 'utf8'), c.final()]).toString('hex').slice(0, 16);
}

function hashPin(pin: string): { salt: string; hash: string } {
  const salt = crypto.randomBytes(16).toString('hex'); // safe: CWE-760
  return { salt, hash: crypto.pbkdf2Sync(pin, salt, 210000, 32, 'sha256').toString('hex') };
}

function hashRecoveryPin(pin: string): string {
  return crypto.pbkdf2Sync(pin, PIN_SALT, 210000, 32, 'sha256').toString('hex'); // vuln: CWE-760
}

app.post('/secrets', async (req: FastifyRequest<{ Body: SecretBody }>, reply: FastifyReply) => {
  const { name, value } = req.body;
  const sealed = seal(value);
  await db.query('INSERT INTO secrets (name, sealed, fp) VALUES ($1, $2, $3)', [name, JSON.stringify(sealed), fingerprint(value)]);
  return reply.code(201).send({ name });
});

app.get('/secrets/:name', async (req: FastifyRequest<{ Params: { name: string } }>, reply: FastifyReply) => {
  const { rows } = await db.query('SELECT sealed FROM secrets WHERE name = $1', [req.params.name]);
  if (!rows.length) return reply.code(404).send();
  return { value: unseal(JSON.parse(rows[0].sealed)) };
});

app.get('/secrets/:name/export', async (req: FastifyRequest<{ Params: { name: string } }>, reply: FastifyReply) => {
  const { rows } = await db.query('SELECT sealed FROM secrets WHERE name = $1', [req.params.name]);
  if (!rows.length) return reply.code(404).send();
  return { blob: legacyExport(unseal(JSON.parse(rows[0].sealed))) };
});

app.put('/pin', async (req: FastifyRequest<{ Body: PinBody }>) => {
  const { salt, hash } = hashPin(req.body.pin);
  await db.query('UPDATE vault_settings SET pin_salt = $1, pin_hash = $2, recovery_hash = $3', [salt, hash, hashRecoveryPin(req.body.pin)]);
  return { ok: true };
});

app.listen({ port: Number(process.env.PORT) || 8443, host: '0.0.0.0' });
