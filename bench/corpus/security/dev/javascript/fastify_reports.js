import Fastify from 'fastify';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import pg from 'pg';

const fastify = Fastify({ logger: true });
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const REPORT_DIR = '/var/reports';
const KEY = crypto.scryptSync(process.env.REPORT_KEY, 'salt', 32);

fastify.get('/reports/:owner', async (request) => {
  const { owner } = request.params;
  const sql = 'SELECT id, title FROM reports WHERE owner = \'' + owner + '\'';
  const { rows } = await pool.query(sql); // vuln: CWE-89
  return rows;
});

fastify.get('/reports/by-title', async (request) => {
  const { rows } = await pool.query('SELECT id FROM reports WHERE title = $1', [request.query.title]); // safe: CWE-89
  return rows;
});

fastify.post('/reports/render', async (request) => {
  const script = new vm.Script(request.body.formula); // vuln: CWE-94
  return { value: script.runInNewContext({ rows: [] }) };
});

fastify.post('/reports/archive', async (request, reply) => {
  const child = spawn('sh', ['-c', 'zip -r /tmp/out.zip ' + request.body.folder]); // vuln: CWE-78
  child.on('close', () => reply.send({ ok: true }));
  return reply;
});

fastify.post('/reports/archive-safe', async (request, reply) => {
  const child = spawn('zip', ['-r', '/tmp/out.zip', '--', request.body.folder]); // safe: CWE-78
  child.on('close', () => reply.send({ ok: true }));
  return reply;
});

fastify.get('/reports/file', async (request, reply) => {
  const body = await fs.readFile(path.join(REPORT_DIR, request.query.file)); // vuln: CWE-22
  return reply.type('application/pdf').send(body);
});

fastify.get('/reports/file-safe', async (request, reply) => {
  const body = await fs.readFile(path.join(REPORT_DIR, path.basename(request.query.file))); // safe: CWE-22
  return reply.type('application/pdf').send(body);
});

fastify.get('/reports/fetch', async (request) => {
  const response = await fetch(request.query.source); // vuln: CWE-918
  return { status: response.status };
});

fastify.get('/reports/fetch-fixed', async () => {
  const response = await fetch('https://reports.internal.example/health'); // safe: CWE-918
  return { status: response.status };
});

fastify.get('/reports/title', async (request, reply) => {
  reply.type('text/html').send('<title>' + request.query.title + '</title>'); // vuln: CWE-79
});

fastify.get('/reports/back', async (request, reply) => {
  reply.redirect(request.query.back); // vuln: CWE-601
});

export function encryptReport(buffer) {
  const cipher = crypto.createCipheriv('aes-256-ecb', KEY, null); // vuln: CWE-327
  return Buffer.concat([cipher.update(buffer), cipher.final()]);
}

export function encryptReportStaticIv(buffer) {
  const iv = Buffer.from('0000000000000000');
  const cipher = crypto.createCipheriv('aes-256-cbc', KEY, iv); // vuln: CWE-329
  return Buffer.concat([cipher.update(buffer), cipher.final()]);
}

export function encryptReportSafe(buffer) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', KEY, iv); // safe: CWE-327
  return Buffer.concat([iv, cipher.update(buffer), cipher.final(), cipher.getAuthTag()]);
}

export function legacyDigest(buffer) {
  return crypto.createHash('sha1').update(buffer).digest('hex'); // vuln: CWE-328
}

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // vuln: CWE-295

export default fastify;
