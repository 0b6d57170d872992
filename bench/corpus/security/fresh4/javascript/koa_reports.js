'use strict';

const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const { MongoClient } = require('mongodb');
const fs = require('fs');

const app = new Koa();
const router = new Router({ prefix: '/reports' });

const mongo = new MongoClient(process.env.MONGO_URL);
const auditStream = fs.createWriteStream('/var/log/reports/audit.log', { flags: 'a' });

const PARTNER_ENDPOINTS = new Set(['api.partner-analytics.com', 'exports.datahub.io']);

function reports() {
  return mongo.db('analytics').collection('reports');
}

function audit(line) {
  auditStream.write(`${new Date().toISOString()} ${line}\n`);
}

function sanitizeForLog(value) {
  return String(value).replace(/[\r\n\t]/g, '_');
}

router.get('/by-region', async (ctx) => {
  const region = ctx.query.region || 'emea';
  const minRevenue = Number(ctx.query.minRevenue) || 0;
  const predicate = "this.region == '" + region + "' && this.revenue >= " + minRevenue;
  const docs = await reports().find({ $where: predicate }).limit(200).toArray(); // vuln: CWE-943
  ctx.body = { count: docs.length, items: docs };
});

router.get('/by-owner', async (ctx) => {
  const owner = String(ctx.query.owner || '');
  const docs = await reports().find({ owner: owner, archived: false }).toArray(); // safe: CWE-943
  ctx.body = { items: docs };
});

router.post('/export', async (ctx) => {
  const { reportId, callbackUrl } = ctx.request.body;
  const username = ctx.request.body.requestedBy || ctx.state.user.name;
  audit(`export requested report=${reportId} by=${username}`); // vuln: CWE-117

  const report = await reports().findOne({ reportId: String(reportId) });
  if (!report) {
    ctx.status = 404;
    return;
  }

  const response = await fetch(callbackUrl, { // vuln: CWE-918
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(report),
  });
  ctx.body = { delivered: response.ok };
});

router.post('/push-partner', async (ctx) => {
  const { reportId, partnerUrl } = ctx.request.body;
  audit(`partner push report=${sanitizeForLog(reportId)} by=${sanitizeForLog(ctx.state.user.name)}`); // safe: CWE-117

  let target;
  try {
    target = new URL(partnerUrl);
  } catch (e) {
    ctx.throw(400, 'invalid url');
  }
  if (target.protocol !== 'https:' || !PARTNER_ENDPOINTS.has(target.hostname)) {
    ctx.throw(400, 'partner not allowed');
  }

  const report = await reports().findOne({ reportId: String(reportId) });
  const res = await fetch(target.toString(), { method: 'POST', body: JSON.stringify(report) }); // safe: CWE-918
  ctx.body = { delivered: res.ok };
});

app.use(bodyParser());
app.use(async (ctx, next) => {
  ctx.state.user = ctx.state.user || { name: ctx.get('x-user') || 'anonymous' };
  await next();
});
app.use(router.routes()).use(router.allowedMethods());

mongo.connect().then(() => app.listen(process.env.PORT || 3000));
