import express, { Request, Response, NextFunction } from 'express';
import https from 'https';
import fs from 'fs';
import axios from 'axios';
import serialize from 'node-serialize';

const router = express.Router();

const ALLOWED_CALLBACK_HOSTS = new Set(['hooks.example.com', 'events.partner.io']);

const partnerAgent = new https.Agent({ rejectUnauthorized: false, keepAlive: true }); // vuln: CWE-295
const pinnedAgent = new https.Agent({ ca: fs.readFileSync('/etc/app/partner-ca.pem'), rejectUnauthorized: true }); // safe: CWE-295

type Subscription = { event: string; callbackUrl: string };

router.post('/subscriptions/verify', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const sub = req.body as Subscription;
    const probe = await fetch(sub.callbackUrl, { method: 'POST', body: JSON.stringify({ challenge: 'ping' }) }); // vuln: CWE-918
    res.json({ reachable: probe.ok });
  } catch (err) {
    next(err);
  }
});

router.post('/subscriptions', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const sub = req.body as Subscription;
    const target = new URL(sub.callbackUrl);
    if (target.protocol !== 'https:' || !ALLOWED_CALLBACK_HOSTS.has(target.hostname)) {
      return res.status(400).json({ error: 'callback host not allowed' });
    }
    const probe = await axios.post(target.toString(), { challenge: 'ping' }, { httpsAgent: pinnedAgent, maxRedirects: 0 }); // safe: CWE-918
    res.status(201).json({ verified: probe.status === 200 });
  } catch (err) {
    next(err);
  }
});

router.get('/partner/orders/:id', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const orderId = encodeURIComponent(req.params.id);
    const upstream = await axios.get(`https://orders.partner.io/v2/orders/${orderId}`, { httpsAgent: partnerAgent });
    res.json(upstream.data);
  } catch (err) {
    next(err);
  }
});

router.post('/inbound/restore', (req: Request, res: Response) => {
  const encoded: string = req.body.snapshot;
  const snapshot = serialize.unserialize(Buffer.from(encoded, 'base64').toString('utf8')); // vuln: CWE-502
  res.json({ restored: Object.keys(snapshot).length });
});

router.post('/inbound/events', (req: Request, res: Response) => {
  const events = JSON.parse(req.body.payload) as Array<{ type: string }>;
  res.json({ accepted: events.filter((e) => typeof e.type === 'string').length });
});

export default router;
