'use strict';

const fastify = require('fastify')({ logger: true });
const ejs = require('ejs');
const fs = require('fs');
const path = require('path');

const TEMPLATE_DIR = path.resolve(__dirname, 'email-templates');
const ASSET_DIR = path.resolve(__dirname, 'public', 'assets');

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

function compileFormula(expression) {
  const body = 'return (' + expression + ');';
  return new Function('row', 'Math', body); // vuln: CWE-95
}

fastify.post('/campaigns/preview', async (request, reply) => {
  const { template, recipient } = request.body;
  const locals = {
    firstName: recipient.firstName,
    unsubscribeUrl: `https://mail.example.com/u/${encodeURIComponent(recipient.id)}`,
  };
  const html = ejs.render(template, locals); // vuln: CWE-1336
  reply.type('text/html').send(html);
});

fastify.post('/campaigns/segments/evaluate', async (request, reply) => {
  const { formula, rows } = request.body;
  const predicate = compileFormula(formula);
  const matched = rows.filter((row) => Boolean(predicate(row, Math)));
  return { matched: matched.length, total: rows.length };
});

fastify.get('/campaigns/:id/title', async (request, reply) => {
  const title = request.query.title || 'Untitled campaign';
  const subtitle = request.query.subtitle || '';
  const header = `<header><h1>${title}</h1>`;
  reply.type('text/html').send(header + `<p class="sub">${subtitle}</p></header>`); // vuln: CWE-79
});

fastify.get('/campaigns/:id/banner', async (request, reply) => {
  const title = request.query.title || 'Untitled campaign';
  const safeTitle = escapeHtml(title);
  reply.type('text/html').send(`<div class="banner"><strong>${safeTitle}</strong></div>`); // safe: CWE-79
});

fastify.get('/templates/raw', async (request, reply) => {
  const name = request.query.name;
  const templatePath = path.join(TEMPLATE_DIR, name);
  const stream = fs.createReadStream(templatePath, 'utf8'); // vuln: CWE-22
  return reply.type('text/plain').send(stream);
});

fastify.get('/assets/*', async (request, reply) => {
  const requested = request.params['*'];
  const resolved = path.resolve(ASSET_DIR, requested);
  if (!resolved.startsWith(ASSET_DIR + path.sep)) {
    return reply.code(403).send({ error: 'forbidden' });
  }
  const data = await fs.promises.readFile(resolved); // safe: CWE-22
  return reply.type('application/octet-stream').send(data);
});

fastify.listen({ port: Number(process.env.PORT) || 8080, host: '0.0.0.0' }).catch((err) => {
  fastify.log.error(err);
  process.exit(1);
});
