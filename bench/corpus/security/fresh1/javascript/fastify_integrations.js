'use strict';

const https = require('https');
const axios = require('axios');
const { MongoClient, ObjectId } = require('mongodb');

const ALLOWED_WEBHOOK_HOSTS = new Set(['hooks.slack.com', 'api.pagerduty.com', 'events.example.net']);

const legacyErpAgent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: false, // vuln: CWE-295
});

function isAllowedWebhook(rawUrl) {
  let parsed;
  try {
    parsed = new URL(rawUrl);
  } catch (e) {
    return false;
  }
  return parsed.protocol === 'https:' && ALLOWED_WEBHOOK_HOSTS.has(parsed.hostname);
}

async function integrationsPlugin(fastify, opts) {
  const client = new MongoClient(opts.mongoUrl);
  await client.connect();
  const integrations = client.db(opts.dbName).collection('integrations');

  fastify.addHook('onClose', async () => client.close());

  fastify.get('/integrations', async (request) => {
    const filter = { tenantId: request.user.tenantId };
    if (request.query.kind) {
      filter.kind = String(request.query.kind); // safe: CWE-943
    }
    return integrations.find(filter).limit(100).toArray();
  });

  fastify.post('/integrations/search', async (request) => {
    const { owner, status } = request.body;
    const criteria = { tenantId: request.user.tenantId, owner, status };
    return integrations.find(criteria).project({ secret: 0 }).toArray(); // vuln: CWE-943
  });

  fastify.post('/integrations/:id/test', async (request, reply) => {
    const doc = await integrations.findOne({ _id: new ObjectId(request.params.id), tenantId: request.user.tenantId });
    if (!doc) {
      return reply.code(404).send({ error: 'not found' });
    }
    if (!isAllowedWebhook(doc.webhookUrl)) {
      return reply.code(422).send({ error: 'webhook host not allowed' });
    }
    const res = await axios.post(doc.webhookUrl, { type: 'ping', sentAt: new Date().toISOString() }, { timeout: 5000 }); // safe: CWE-918
    return { status: res.status };
  });

  fastify.post('/integrations/preview', async (request, reply) => {
    const { feedUrl, format } = request.body;
    try {
      const res = await axios.get(feedUrl, { timeout: 5000, responseType: 'text', maxContentLength: 1024 * 1024 }); // vuln: CWE-918
      return { format: format || 'rss', length: res.data.length, sample: res.data.slice(0, 500) };
    } catch (err) {
      request.log.warn({ err: err.message }, 'feed preview failed');
      return reply.code(502).send({ error: 'could not fetch feed' });
    }
  });

  fastify.post('/integrations/erp/sync', async (request) => {
    const since = request.body.since || new Date(Date.now() - 86400000).toISOString();
    const res = await axios.get(`${opts.erpBaseUrl}/api/v2/invoices`, {
      params: { since },
      httpsAgent: legacyErpAgent,
      headers: { Authorization: `Bearer ${opts.erpToken}` },
    });
    await integrations.updateOne({ tenantId: request.user.tenantId, kind: 'erp' }, { $set: { lastSync: new Date(), count: res.data.length } });
    return { synced: res.data.length };
  });
}

module.exports = integrationsPlugin;
module.exports.isAllowedWebhook = isAllowedWebhook;
