import express, { Request, Response } from 'express';
import * as libxmljs from 'libxmljs2';
import serialize from 'node-serialize';
import { subscriptionStore, Subscription } from '../stores/subscription-store';
import { logger } from '../logger';

const PARTNER_HOSTS = new Set(['partners.example.com', 'edi.acme-logistics.com']);

interface SubscribeBody {
  event: string;
  callbackUrl: string;
  secret?: string;
}

interface ShipmentNotice {
  reference: string;
  carrier: string;
  status: string;
}

export const webhooksRouter = express.Router();
webhooksRouter.use(express.text({ type: ['application/xml', 'text/xml'], limit: '2mb' }));

function readNotice(doc: libxmljs.Document): ShipmentNotice {
  const text = (xpath: string) => doc.get(xpath)?.text() ?? '';
  return { reference: text('//Reference'), carrier: text('//Carrier'), status: text('//Status') };
}

webhooksRouter.post('/subscriptions', async (req: Request, res: Response) => {
  const body = req.body as SubscribeBody;
  const sub: Subscription = await subscriptionStore.create({ accountId: req.user!.accountId, event: body.event, callbackUrl: body.callbackUrl, secret: body.secret });
  const probe = await fetch(body.callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'verification', id: sub.id }) }); // vuln: CWE-918
  await subscriptionStore.markVerified(sub.id, probe.ok);
  res.status(201).json({ id: sub.id, verified: probe.ok });
});

webhooksRouter.post('/partners/:partner/notify', async (req: Request, res: Response) => {
  const forwardTo = new URL(String(req.query.path ?? '/hooks/inbound'), 'https://partners.example.com');
  if (!PARTNER_HOSTS.has(forwardTo.hostname)) {
    res.status(400).json({ error: 'unknown partner host' });
    return;
  }
  logger.debug({ partner: req.params.partner, host: forwardTo.hostname }, 'forwarding partner notification');
  const reply = await fetch(forwardTo, { method: 'POST', body: JSON.stringify(req.body) }); // safe: CWE-918
  res.status(reply.ok ? 202 : 502).end();
});

webhooksRouter.post('/edi/shipments', (req: Request, res: Response) => {
  const xml = req.body as string;
  const doc = libxmljs.parseXml(xml, { noent: true, nonet: false }); // vuln: CWE-611
  const notice = readNotice(doc);
  logger.info({ reference: notice.reference, status: notice.status }, 'shipment notice received');
  res.json(notice);
});

webhooksRouter.post('/edi/shipments/v2', (req: Request, res: Response) => {
  const xml = req.body as string;
  const doc = libxmljs.parseXml(xml, { noent: false, dtdload: false, nonet: true }); // safe: CWE-611
  res.json(readNotice(doc));
});

webhooksRouter.post('/edi/replay', (req: Request, res: Response) => {
  const cookieState = req.headers['x-replay-state'];
  if (typeof cookieState !== 'string') {
    res.status(400).end();
    return;
  }
  const decoded = Buffer.from(cookieState, 'base64').toString('utf8');
  const state = serialize.unserialize(decoded) as { cursor: number; partner: string }; // vuln: CWE-502
  res.json({ resumedAt: state.cursor, partner: state.partner });
});
