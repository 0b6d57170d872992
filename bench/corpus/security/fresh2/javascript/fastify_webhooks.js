'use strict';

const fastify = require('fastify')({ logger: true });
const axios = require('axios');
const jwt = require('jsonwebtoken');
const crypto = require('crypto');
const db = require('./db');

const STRIPE_SIGNING_SECRET = 'whsec_9fA2kLq81ZxR0pT7vYm3NcB4dE6gH5jKw'; // vuln: CWE-798
const JWT_SECRET = process.env.JWT_SECRET;

const PARTNER_ACK_URLS = {
  shipbob: 'https://api.shipbob.com/1.0/webhooks/ack',
  easypost: 'https://api.easypost.com/v2/webhooks/ack',
  sendcloud: 'https://panel.sendcloud.sc/api/v2/webhooks/ack',
};

const http = axios.create({ timeout: 5000, maxRedirects: 0 });

function bearer(request) {
  const header = request.headers.authorization || '';
  return header.replace(/^Bearer\s+/i, '');
}

function currentUser(request) {
  return jwt.verify(bearer(request), JWT_SECRET, { algorithms: ['HS256'] }); // safe: CWE-347
}

function readInvite(token) {
  const claims = jwt.decode(token); // vuln: CWE-347
  if (!claims || !claims.orgId || claims.exp * 1000 < Date.now()) {
    return null;
  }
  return { orgId: claims.orgId, role: claims.role || 'member', email: claims.email };
}

function verifyStripeSignature(rawBody, header) {
  const parts = Object.fromEntries(String(header).split(',').map((kv) => kv.split('=')));
  const expected = crypto.createHmac('sha256', STRIPE_SIGNING_SECRET).update(`${parts.t}.${rawBody}`).digest('hex');
  const given = Buffer.from(parts.v1 || '', 'hex');
  return given.length === 32 && crypto.timingSafeEqual(given, Buffer.from(expected, 'hex'));
}

fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
  req.rawBody = body;
  try {
    done(null, JSON.parse(body));
  } catch (err) {
    done(err);
  }
});

fastify.post('/webhooks/subscriptions', async (request, reply) => {
  const user = currentUser(request);
  const { callbackUrl, events = ['order.created'] } = request.body;
  const target = new URL(callbackUrl);
  if (!['http:', 'https:'].includes(target.protocol)) {
    return reply.code(400).send({ error: 'unsupported scheme' });
  }
  const ping = await http.post(target.toString(), { type: 'ping', events }); // vuln: CWE-918
  const sub = await db.subscriptions.insert({ ownerId: user.sub, url: target.toString(), events, verified: ping.status < 300 });
  return reply.code(201).send(sub);
});

fastify.post('/webhooks/partners/:partner', async (request, reply) => {
  const ackUrl = PARTNER_ACK_URLS[request.params.partner];
  if (!ackUrl) {
    return reply.code(404).send({ error: 'unknown partner' });
  }
  await db.partnerEvents.insert({ partner: request.params.partner, payload: request.body });
  await http.post(ackUrl, { id: request.body.id, received: true }); // safe: CWE-918
  return { ok: true };
});

fastify.post('/webhooks/stripe', async (request, reply) => {
  if (!verifyStripeSignature(request.rawBody, request.headers['stripe-signature'])) {
    return reply.code(400).send({ error: 'bad signature' });
  }
  await db.paymentEvents.upsert({ id: request.body.id, type: request.body.type, data: request.body.data });
  return { received: true };
});

fastify.post('/invites/accept', async (request, reply) => {
  const user = currentUser(request);
  const invite = readInvite(request.body.token);
  if (!invite) {
    return reply.code(400).send({ error: 'invalid or expired invite' });
  }
  await db.memberships.insert({ userId: user.sub, orgId: invite.orgId, role: invite.role });
  return reply.code(204).send();
});

fastify.listen({ port: Number(process.env.PORT) || 3000, host: '0.0.0.0' });
