import express, { NextFunction, Request, Response } from 'express';
import https from 'https';
import fs from 'fs';
import crypto from 'crypto';
import axios from 'axios';
import { integrations, portalUsers } from './repositories';

const router = express.Router();

const CREDENTIALS_KEY = Buffer.from(process.env.CREDENTIALS_KEY ?? '', 'hex');
const LEGACY_IV = Buffer.from('a1b2c3d4e5f60718', 'utf8');

const partnerAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false }); // vuln: CWE-295
const bankAgent = new https.Agent({ keepAlive: true, ca: fs.readFileSync('/etc/acme/bank-ca.pem'), rejectUnauthorized: true }); // safe: CWE-295

export function encryptLegacy(plain: string): string {
  const cipher = crypto.createCipheriv('aes-256-cbc', CREDENTIALS_KEY, LEGACY_IV); // vuln: CWE-329
  return Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

export function encryptSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', CREDENTIALS_KEY, iv); // safe: CWE-327
  const enc = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), enc].map((b) => b.toString('base64')).join('.');
}

export function decryptSecret(payload: string): string {
  const [iv, tag, enc] = payload.split('.').map((p) => Buffer.from(p, 'base64'));
  const decipher = crypto.createDecipheriv('aes-256-gcm', CREDENTIALS_KEY, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(enc), decipher.final()]).toString('utf8');
}

function hashPortalPassword(password: string): string {
  return crypto.createHash('md5').update(password).digest('hex'); // vuln: CWE-328
}

router.post('/integrations/:id/credentials', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const { apiKey, apiSecret } = req.body as { apiKey: string; apiSecret: string };
    const integration = await integrations.findById(Number(req.params.id));
    if (!integration) {
      return res.status(404).json({ error: 'integration not found' });
    }
    const stored = integration.kind === 'legacy-erp' ? encryptLegacy(apiSecret) : encryptSecret(apiSecret);
    await integrations.update(integration.id, { apiKey, apiSecret: stored });
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

router.post('/integrations/:id/sync', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const integration = await integrations.findById(Number(req.params.id));
    if (!integration) {
      return res.status(404).json({ error: 'integration not found' });
    }
    const secret = decryptSecret(integration.apiSecret);
    const agent = integration.kind === 'bank' ? bankAgent : partnerAgent;
    const { data } = await axios.get(`${integration.baseUrl}/v1/transactions`, {
      httpsAgent: agent,
      headers: { 'X-Api-Key': integration.apiKey, 'X-Api-Secret': secret },
      params: { since: req.query.since },
      timeout: 15000,
    });
    await integrations.recordSync(integration.id, data.length);
    res.json({ imported: data.length });
  } catch (err) {
    next(err);
  }
});

router.post('/portal/users', async (req: Request, res: Response) => {
  const { username, password } = req.body as { username: string; password: string };
  if (!username || !password || password.length < 10) {
    return res.status(400).json({ error: 'username and a password of 10+ characters are required' });
  }
  const user = await portalUsers.create({ username, passwordHash: hashPortalPassword(password) });
  res.status(201).json({ id: user.id, username: user.username });
});

export default router;
